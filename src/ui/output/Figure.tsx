import { createEffect, createSignal, onCleanup, onMount } from 'solid-js';
import type { Figure as FigureData } from '../../plot/figure.ts';
import { currentTheme } from '../app/theme.ts';
import { prepareFigure } from './prepare-figure.ts';
import { figureHeight } from './figure-height.ts';
import { forget, scheduleDraw, watch } from './draw-scheduler.ts';
import { modebarAsToolbar, onModebarKey } from './modebar-keys.ts';
import { listenToInputs, type DrawnInputs } from './figure-input-events.ts';
import { useNotebook } from './notebook-context.ts';
import { pinTraces, withPinned } from './pin-figure.ts';
import { pinButtons } from './pin-buttons.ts';
import type { Trace } from '../../plot/figure.ts';

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
  // The figure's inputs as last drawn, for the drag, click and key listeners (added on first need).
  let inputs: DrawnInputs | undefined;
  let stopListening: (() => void) | undefined;
  const notebook = useNotebook();
  // Traces kept from an earlier state, drawn faded under the live ones (pin-figure.ts).
  const [pinned, setPinned] = createSignal<Trace[]>([]);
  let liveData: Trace[] = [];
  const pin = () => setPinned(pinTraces(liveData, notebook.controlValuesFor(element.closest<HTMLElement>('[data-block]')?.dataset.block ?? '')));
  const hasInputs = () => (props.figure.inputs?.length ?? 0) > 0;
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
      const kept = pinned();
      const data = withPinned(args.data, kept);
      const own = Array.isArray(args.config.modeBarButtonsToAdd) ? args.config.modeBarButtonsToAdd : [];
      const config = { ...args.config, modeBarButtonsToAdd: [...own, ...pinButtons(kept.length > 0, { pin, unpin: () => setPinned([]) })] };
      const version = ++drawn;
      // data-latest is the newest figure received, data-drawn the newest drawn: equal once the
      // figure on screen shows the latest data (the benchmark and tests wait for that).
      element.dataset.latest = String(version);
      // On screen: drawn now. Off screen: when idle or scrolled to (see draw-scheduler.ts).
      scheduleDraw(element, () =>
        void loadPlotly().then(async (Plotly) => {
          // Only the latest figure is drawn; one that arrives while another draws waits its turn.
          if (disposed || version !== drawn) return;
          const started = performance.now();
          await Plotly.react(element, data as never, args.layout as never, config as never);
          liveData = args.data;
          performance.measure('stepwise:figure-draw', { start: started });
          inputs = args.handles && props.figure.inputs && { inputs: props.figure.inputs, ...args.handles };
          if (inputs && !stopListening) stopListening = listenToInputs(element, () => inputs, (input, value) => notebook.setControl(input.cellId, input.name, value));
          modebarAsToolbar(element, props.label);
          element.dataset.drawn = String(version);
        }),
      );
    });
  });
  onCleanup(() => {
    disposed = true;
    stopListening?.();
    forget(element);
    void plotly?.then((Plotly) => Plotly.purge(element));
  });

  // A figure, not an image: it holds the mode bar's buttons, which an image would hide from screen readers.
  return (
    <div
      ref={element}
      class="figure"
      classList={{ 'figure-with-inputs': hasInputs() }}
      style={{ 'min-height': `${figureHeight(props.figure.layout)}px` }}
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
