import { createEffect, createSignal, onCleanup, onMount } from 'solid-js';
import type { Figure as FigureData, Trace } from '../../plot/figure.ts';
import { currentTheme } from '../app/theme.ts';
import { prepareFigure, type PlotlyArguments } from './prepare-figure.ts';
import { figureHeight } from './figure-height.ts';
import { forget, scheduleDraw, watch } from './draw-scheduler.ts';
import { modebarAsToolbar, onModebarKey } from './modebar-keys.ts';
import { listenToInputs, type DrawnInputs } from './figure-input-events.ts';
import { useNotebook } from './notebook-context.ts';
import { pinTraces, withPinned } from './pin-figure.ts';
import { pinButtons } from './pin-buttons.ts';
import { loadPlotly, type Plotly } from './load-plotly.ts';
import { bundleFor } from './plotly-bundle.ts';
import { sameSource, type FigureSource as Source } from './figure-source.ts';
import { onSlide } from './slide-figure.ts';
import { drawnMargins, marginsKey, withKeptMargins, type DrawnMargins } from './kept-margins.ts';
import { latestOnly } from './latest-only.ts';
import { keepDrawnArrays } from './keep-drawn-arrays.ts';
import { marksStayPut } from './marks-stay-put.ts';
import { ImageButtonOptions, withKeptImageOptions } from './kept-image-options.ts';

/**
 * A Plotly figure. Each new figure (a re-run, a slider move, a live update) goes through
 * Plotly.react, which diffs against what is drawn: no flash, zoom kept when `uirevision` is set
 * (the src/plot builders set it). A figure equal to the one on screen, in the same theme, width
 * and pin, is not handed to Plotly at all: for Plotly a new data array is a full replot.
 */
export default function Figure(props: { figure: FigureData; /** Its accessible name (figureLabel). */ label: string }) {
  let element!: HTMLDivElement;
  let disposed = false;
  // The figure's inputs as last drawn, for the drag, click and key listeners (added on first need).
  let inputs: DrawnInputs | undefined;
  let stopListening: (() => void) | undefined;
  const notebook = useNotebook();
  // Traces kept from an earlier state, drawn faded under the live ones (pin-figure.ts).
  const [pinned, setPinned] = createSignal<Trace[]>([]);
  /** The live traces (without the pinned ones) of the figure on screen. */
  let shownLive: Trace[] = [];
  const unpin = () => setPinned([]);
  const pin = () => setPinned(pinTraces(shownLive, notebook.controlValuesFor(element.closest<HTMLElement>('[data-block]')?.dataset.block ?? '')));
  const hasInputs = () => (props.figure.inputs?.length ?? 0) > 0;
  /** The newest figure received: its version, and what it is drawn from. */
  let latest = 0;
  let latestSource: Source | undefined;
  /** The version on screen and what it was drawn from; the bundle that drew it; whether a draw is under way. */
  let shown = 0;
  let shownSource: Source | undefined;
  let drawnWith: Plotly | undefined;
  /** The margins of the figure on screen, which its next draw starts from (kept-margins.ts). */
  let margins: DrawnMargins | undefined;
  /** Its image button's options, one object for all its draws (kept-image-options.ts). */
  const imageOptions = new ImageButtonOptions();
  // The width the figure is laid out for (title and legend placement, see fit-figure.ts), in
  // steps of 16 px so that dragging a window's edge redraws now and then, not on every pixel.
  const [width, setWidth] = createSignal<number>();
  const measure = (pixels: number) => setWidth(pixels > 0 ? Math.floor(pixels / 16) * 16 : undefined);

  /**
   * Draws the newest figure. Figures that arrive while one is being drawn are not queued: when
   * the draw ends, only the newest of them is drawn (a slider dragged at 60 Hz skips the rest).
   */
  const drawLatest = latestOnly(async () => {
    if (latestSource === undefined || shown === latest) return;
    const version = latest;
    const source = latestSource;
    if (shownSource !== undefined && sameSource(source, shownSource)) {
      shown = version;
      element.dataset.drawn = String(version);
      return;
    }
    const args = plotlyArguments(source);
    const Plotly = await loadPlotly(bundleFor(args.data));
    if (disposed) return 'stop';
    if (version !== latest) return; // a newer figure arrived meanwhile: its own draw request asked for another run
    // A figure that now needs the full bundle is handed over from the partial one.
    if (drawnWith !== undefined && drawnWith !== Plotly) {
      drawnWith.purge(element);
      margins = undefined;
    }
    const started = performance.now();
    const key = marginsKey(args.layout, source.width, source.pinned.length > 0);
    // Plotly keeps what it was given as element.data and element.layout: its next diff is against them.
    const drawn = element as unknown as { data?: unknown; layout?: unknown };
    const layout = keepDrawnArrays(withKeptMargins(args.layout, key, margins), drawn.layout);
    await Plotly.react(element, keepDrawnArrays(args.data, drawn.data), layout, args.config);
    margins = drawnMargins(element, key);
    drawnWith = Plotly;
    shownSource = source;
    shownLive = args.live;
    performance.measure('stepwise:figure-draw', { start: started });
    inputs = args.handles && source.figure.inputs && { inputs: source.figure.inputs, ...args.handles };
    if (inputs) marksStayPut(element, inputs.offset);
    if (inputs && !stopListening) stopListening = listenToInputs(element, () => inputs, (input, value) => notebook.setControl(input.cellId, input.name, value));
    modebarAsToolbar(element, props.label);
    shown = version;
    element.dataset.drawn = String(version);
    return disposed ? 'stop' : undefined;
  });

  onMount(() => {
    watch(element);
    measure(element.clientWidth);
    const resize = new ResizeObserver(([entry]) => measure(entry.contentRect.width));
    resize.observe(element);
    onCleanup(() => resize.disconnect());
    createEffect(() => {
      // Prepared for Plotly only when drawn: a figure replaced before its draw costs nothing.
      latestSource = { figure: onSlide(props.figure, notebook.slideFigure?.()), theme: currentTheme(), width: width(), pinned: pinned() };
      latest += 1;
      // data-latest is the newest figure received, data-drawn the newest drawn: equal once the
      // figure on screen shows the latest data (the benchmark and tests wait for that).
      element.dataset.latest = String(latest);
      // On screen: drawn now. Off screen: when idle or scrolled to (see draw-scheduler.ts).
      scheduleDraw(element, () => void drawLatest());
    });
  });
  onCleanup(() => {
    disposed = true;
    stopListening?.();
    forget(element);
    drawnWith?.purge(element);
  });

  /** What to hand Plotly: the prepared figure with the pinned traces under it and the pin buttons. */
  function plotlyArguments(source: Source): PlotlyArguments & { live: Trace[] } {
    const args = prepareFigure(source.figure, source.theme, source.width);
    const own = Array.isArray(args.config.modeBarButtonsToAdd) ? args.config.modeBarButtonsToAdd : [];
    const pinning = pinButtons(source.pinned.length > 0, { pin, unpin });
    const config = withKeptImageOptions({ ...args.config, modeBarButtonsToAdd: [...own, ...pinning] }, imageOptions);
    return { ...args, live: args.data, data: withPinned(args.data, source.pinned), config };
  }

  // A figure, not an image: it holds the mode bar's buttons, which an image would hide from screen readers.
  return (
    <div
      ref={element}
      class="figure"
      classList={{ 'figure-with-inputs': hasInputs() }}
      style={{ 'min-height': `${notebook.slideFigure?.()?.height ?? figureHeight(props.figure.layout)}px` }}
      role="figure"
      aria-label={props.label}
      aria-description={hasInputs() ? inputsHelp(props.figure.inputs ?? []) : undefined}
      tabIndex={hasInputs() ? 0 : undefined}
      onKeyDown={onModebarKey}
    />
  );
}

/** What a figure with inputs tells a screen reader (and a hover title) about acting on it. */
function inputsHelp(inputs: readonly { label: string; kind: string }[]): string {
  const first = inputs[0];
  const click = first.kind === 'points' ? 'adds a point to' : first.kind === 'direction' ? 'points' : 'moves';
  return `Drag the handles to set ${inputs.map((i) => i.label).join(', ')}; a click on the plot ${click} ${first.label}; arrow keys nudge it.`;
}
