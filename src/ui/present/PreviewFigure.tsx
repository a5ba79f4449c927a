import { createEffect, createSignal, onCleanup, onMount } from 'solid-js';
import type { Figure as FigureData } from '../../plot/figure.ts';
import { currentTheme } from '../app/theme.ts';
import { prepareFigure } from '../output/prepare-figure.ts';
import { figureHeight } from '../output/figure-height.ts';
import { forget, scheduleDraw } from '../output/draw-scheduler.ts';
import { useNotebook } from '../output/notebook-context.ts';
import { loadPlotly, type Plotly } from '../output/load-plotly.ts';
import { bundleFor } from '../output/plotly-bundle.ts';
import { sameSource, type FigureSource } from '../output/figure-source.ts';
import { onSlide } from '../output/slide-figure.ts';
import { latestOnly } from '../output/latest-only.ts';
import { ImageButtonOptions, withKeptImageOptions } from '../output/kept-image-options.ts';

/**
 * A figure of the next slide, in the presenter's preview: drawn as the slide will draw it (its
 * height and chart text from SlideView, the theme, the width it has), but as a still picture
 * (Plotly's static plot: no hover, zoom, mode bar or handles to drag). It is never watched on
 * screen, so the draw scheduler draws it once no figure has changed for a while: the live
 * slide's figures are drawn first, and a stepper playing on the live slide redraws the preview
 * once, when it stops.
 */
export default function PreviewFigure(props: { figure: FigureData }) {
  let element!: HTMLDivElement;
  let disposed = false;
  let drawnWith: Plotly | undefined;
  let latest: FigureSource | undefined;
  let shown: FigureSource | undefined;
  let version = 0;
  const notebook = useNotebook();
  // The width it is laid out for (as Figure, in steps of 16 px). The preview is scaled with a
  // CSS transform, which layout sizes ignore: this is the slide's width, not the thumbnail's.
  const [width, setWidth] = createSignal<number>();

  /** Its image button's options, one object for all its draws (kept-image-options.ts). */
  const imageOptions = new ImageButtonOptions();

  // Never two draws at once; one arriving meanwhile draws the newest figure after (latest-only.ts).
  const draw = latestOnly(async () => {
    const source = latest;
    const drawn = version;
    if (source === undefined || (shown !== undefined && sameSource(source, shown))) {
      element.dataset.drawn = String(drawn);
      return;
    }
    const args = prepareFigure(source.figure, source.theme, source.width);
    const Plotly = await loadPlotly(bundleFor(args.data));
    if (disposed) return 'stop';
    if (drawnWith !== undefined && drawnWith !== Plotly) drawnWith.purge(element);
    await Plotly.react(element, args.data, args.layout, withKeptImageOptions({ ...args.config, staticPlot: true, displayModeBar: false }, imageOptions));
    drawnWith = Plotly;
    shown = source;
    element.dataset.drawn = String(drawn);
    return disposed ? 'stop' : undefined;
  });

  onMount(() => {
    const measure = (pixels: number) => setWidth(pixels > 0 ? Math.floor(pixels / 16) * 16 : undefined);
    measure(element.clientWidth);
    const resize = new ResizeObserver(([entry]) => measure(entry.contentRect.width));
    resize.observe(element);
    onCleanup(() => resize.disconnect());
    createEffect(() => {
      latest = { figure: onSlide(props.figure, notebook.slideFigure?.()), theme: currentTheme(), width: width(), pinned: [] };
      version += 1;
      element.dataset.latest = String(version);
      scheduleDraw(element, () => void draw());
    });
  });
  onCleanup(() => {
    disposed = true;
    forget(element);
    drawnWith?.purge(element);
  });

  return <div ref={element} class="slide-preview-figure" style={{ 'min-height': `${notebook.slideFigure?.()?.height ?? figureHeight(props.figure.layout)}px` }} />;
}
