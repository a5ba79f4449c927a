import { createEffect, createSignal, For, onCleanup, onMount } from 'solid-js';
import { figurePicture } from '../output/figure-picture.ts';
import type { LastPictures as Pictures } from '../notebook/last-pictures.ts';

/** A cell's figures are pictured once they have been still this long (not while a slider moves). */
const STILL_MS = 1500;

/**
 * Inside a cell's output area: the pictures of its figures from the last visit (last-pictures.ts),
 * each where its figure was, until the cell has run and its figures are drawn; and, from then on,
 * the pictures taken for the next visit whenever its figures have changed and are still again.
 */
export function LastPictures(props: { cellId: string; pictures: Pictures; /** The cell's first run of this visit is over. */ settled: boolean }) {
  let layer!: HTMLDivElement;
  const [areaWidth, setAreaWidth] = createSignal<number>();
  const [live, setLive] = createSignal(false);
  const shown = () => {
    const width = areaWidth();
    return live() || width === undefined ? [] : props.pictures.of(props.cellId, width);
  };

  onMount(() => {
    const area = layer.parentElement as HTMLElement;
    setAreaWidth(area.clientWidth);
    let stillTimer: ReturnType<typeof setTimeout> | undefined;
    const figures = () => [...area.querySelectorAll<HTMLElement>('.figure')];
    // Drawn and showing the newest figure the cell sent (Figure.tsx's data-latest and data-drawn).
    const allDrawn = () => figures().every((figure) => figure.dataset.drawn !== undefined && figure.dataset.drawn === figure.dataset.latest);
    const picture = () => {
      // Changed meanwhile (its next draw asks again), or nothing to picture.
      if (!allDrawn() || figures().length === 0) return;
      const taken = figures().map((figure) => figurePicture(figure, area));
      if (taken.every((one) => one !== undefined)) props.pictures.keep(props.cellId, area.clientWidth, taken);
    };
    const onDrawn = () => {
      if (!props.settled || !allDrawn()) return;
      setLive(true);
      clearTimeout(stillTimer);
      // Serialising a figure takes 0.3–10 ms: done when the page is idle (Safari has no idle callback).
      stillTimer = setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(picture, { timeout: 2000 }) : picture()), STILL_MS);
    };
    // Only data-drawn is watched: Plotly's own changes inside a figure would be thousands of records a draw.
    const observer = new MutationObserver(onDrawn);
    observer.observe(area, { subtree: true, attributes: true, attributeFilter: ['data-drawn'] });
    createEffect(() => {
      if (props.settled) onDrawn();
    });
    onCleanup(() => {
      observer.disconnect();
      clearTimeout(stillTimer);
    });
  });

  return (
    <div ref={layer} class="last-pictures" aria-hidden="true">
      <For each={shown()}>
        {(picture) => <img class="last-picture" src={picture.url} alt="" style={{ top: `${picture.top}px`, left: `${picture.left}px`, width: `${picture.width}px`, height: `${picture.height}px` }} />}
      </For>
    </div>
  );
}
