import { createMemo, createSignal, For, Match, onCleanup, onMount, Switch, type JSX } from 'solid-js';
import { renderMarkdown } from '../markdown/render-markdown.ts';
import { NotebookContext, useNotebook, type SlideFigure } from '../output/notebook-context.ts';
import type { Slide } from './slides.ts';
import { fitSlide } from './fit-slide.ts';

/**
 * One slide, laid out for a projector and fitted to its box without scroll bars: large type,
 * figures as tall as the room left by the text (their chart text scaled up), and, if it is still
 * too full, the whole slide scaled down (`scale` is reported to the deck, which tells the author).
 * Its cells are the notebook's own (renderCell), so they are live.
 */
export function SlideView(props: {
  slide: Slide;
  renderCell(blockId: string): JSX.Element;
  /** The slide shows its cells' code (folded as in the notebook) instead of their outputs only. */
  codeShown: boolean;
  onScale?(scale: number): void;
}) {
  let box!: HTMLDivElement;
  let content!: HTMLDivElement;
  const initialHeight = Math.max(200, Math.round(window.innerHeight * 0.5));
  const [figure, setFigure] = createSignal<SlideFigure>(
    { height: initialHeight, fontScale: fitSlide.fontScale(window.innerHeight) },
    { equals: (a, b) => a.height === b.height && a.fontScale === b.fontScale },
  );
  const [scale, setScale] = createSignal(1);
  const [byWidth, setByWidth] = createSignal(false);
  const notebook = useNotebook();
  const context = { ...notebook, slideFigure: figure };

  onMount(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const figures = [...content.querySelectorAll<HTMLElement>('.figure')].map((element) => element.offsetHeight);
      const style = getComputedStyle(box);
      const room = box.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      const fitted = fitSlide({ boxHeight: room, contentHeight: content.offsetHeight, figureHeights: figures, figureHeight: figure().height, widthRatio: content.clientWidth / Math.max(1, content.scrollWidth) });
      if (fitted === undefined) return;
      // Chart text follows the screen, not the room the dock leaves.
      setFigure({ height: fitted.figureHeight, fontScale: fitSlide.fontScale(window.innerHeight) });
      setScale(fitted.scale);
      setByWidth(fitted.byWidth);
      props.onScale?.(fitted.scale);
    };
    const soon = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    const sizes = new ResizeObserver(soon);
    sizes.observe(box);
    sizes.observe(content);
    soon();
    onCleanup(() => {
      sizes.disconnect();
      cancelAnimationFrame(frame);
    });
  });

  const prose = createMemo(() => props.slide.pieces.map((piece) => (piece.kind === 'prose' ? renderMarkdown(piece.text) : '')));
  return (
    <NotebookContext.Provider value={context}>
      <div ref={box} class="slide-box" data-scale={scale().toFixed(2)}>
        <div
          ref={content}
          class="slide-content"
          classList={{ 'code-hidden': !props.codeShown }}
          style={{ transform: scale() < 1 ? `scale(${scale()})` : undefined, 'transform-origin': byWidth() ? 'top left' : undefined }}
        >
          <For each={props.slide.pieces}>
            {(piece, index) => (
              <Switch>
                <Match when={piece.kind === 'prose'}>
                  <div class="prose slide-prose" innerHTML={prose()[index()]} />
                </Match>
                <Match when={piece.kind === 'cell'}>{props.renderCell(piece.blockId)}</Match>
              </Switch>
            )}
          </For>
        </div>
      </div>
    </NotebookContext.Provider>
  );
}
