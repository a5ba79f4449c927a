import { createEffect, createSignal, onCleanup, onMount } from 'solid-js';
import type { Figure as FigureData } from '../../plot/figure.ts';
import { currentTheme } from '../app/theme.ts';
import { prepareFigure } from './prepare-figure.ts';
import { figureHeight } from './figure-height.ts';
import { forget, scheduleDraw, watch } from './draw-scheduler.ts';
import { modebarAsToolbar, onModebarKey } from './modebar-keys.ts';

type Plotly = typeof import('plotly.js-dist-min');
let plotly: Promise<Plotly> | undefined;
/** Plotly, loaded once; the performance marks let the app benchmark see where time goes. */
export const loadPlotly = (): Promise<Plotly> =>
  (plotly ??= import('plotly.js-dist-min').then((module) => {
    performance.mark('stepwise:plotly-loaded');
    return ((module as unknown as { default?: Plotly }).default ?? module) as Plotly;
  }));

/**
 * A Plotly figure. Each new figure (a re-run, a slider move, a live update) goes through
 * Plotly.react, which diffs against what is drawn: no flash, zoom kept when `uirevision` is set.
 */
export default function Figure(props: { figure: FigureData; /** Its accessible name (figureLabel). */ label: string }) {
  let element!: HTMLDivElement;
  let disposed = false;
  let drawn = 0;
  // The width the figure is laid out for (title and legend placement, see fit-figure.ts), in
  // steps of 16 px so that dragging a window's edge redraws now and then, not on every pixel.
  const [width, setWidth] = createSignal<number>();
  const measure = (pixels: number) => setWidth(pixels > 0 ? Math.floor(pixels / 16) * 16 : undefined);

  onMount(() => {
    watch(element);
    measure(element.clientWidth);
    const resize = new ResizeObserver(([entry]) => measure(entry.contentRect.width));
    resize.observe(element);
    onCleanup(() => resize.disconnect());
    createEffect(() => {
      const args = prepareFigure(props.figure, currentTheme(), width());
      const version = ++drawn;
      // On screen: drawn now. Off screen: when idle or scrolled to (see draw-scheduler.ts).
      scheduleDraw(element, () =>
        void loadPlotly().then(async (Plotly) => {
          // Only the latest figure is drawn; one that arrives while another draws waits its turn.
          if (disposed || version !== drawn) return;
          const started = performance.now();
          await Plotly.react(element, args.data as never, args.layout as never, args.config as never);
          performance.measure('stepwise:figure-draw', { start: started });
          modebarAsToolbar(element, props.label);
          element.dataset.drawn = String(version);
        }),
      );
    });
  });
  onCleanup(() => {
    disposed = true;
    forget(element);
    void plotly?.then((Plotly) => Plotly.purge(element));
  });

  // A figure, not an image: it holds the mode bar's buttons, which an image would hide from screen readers.
  return (
    <div ref={element} class="figure" style={{ 'min-height': `${figureHeight(props.figure.layout)}px` }} role="figure" aria-label={props.label} onKeyDown={onModebarKey} />
  );
}
