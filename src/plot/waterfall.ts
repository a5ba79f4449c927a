/**
 * A waterfall: how a total is reached from a starting value by signed steps, each drawn as a bar
 * that starts where the previous one ended. The picture of an additive explanation, such as the
 * Shapley values of one prediction going from E[f] to f(x).
 */
import { checkSameLength, describe, fail, toNumbers } from './errors.ts';
import { plot, type Figure, type Trace } from './figure.ts';
import { baseLayout, NEUTRAL_GRID, type ChartOptions } from './layout.ts';

/** Options of `waterfall`. */
export interface WaterfallOptions extends ChartOptions {
  /** The value before the first step (default 0). @example { start: 2.1 } */
  start?: number;
  /** Label of the starting value, drawn as a dashed line (default 'start'). @example { startLabel: 'E[f(X)]' } */
  startLabel?: string;
  /** Label of the end value, drawn as a dashed line (default 'end'). @example { endLabel: 'f(x)' } */
  endLabel?: string;
  /** Colour of the steps that add (default red, as shap draws positive contributions). @example { upColor: '#d62728' } */
  upColor?: string;
  /** Colour of the steps that subtract (default blue). @example { downColor: '#1f77b4' } */
  downColor?: string;
  /** Digits of the value written beside each bar (default 2). @example { digits: 3 } */
  digits?: number;
}

/**
 * Horizontal waterfall, first step at the top: bar i spans from start + Σ_{k<i} steps[k] to
 * start + Σ_{k≤i} steps[k]. The start and the end (start + Σ steps) are dashed vertical lines.
 * The bars are Plotly bars with a `base`, so the figure needs only the cartesian bundle.
 * @example waterfall(['area', 'rooms', 'age'], [0.8, -0.3, 0.1], { start: 2.1, startLabel: 'E[f(X)]', endLabel: 'f(x)' })
 */
export function waterfall(labels: readonly string[], steps: readonly number[], opts: WaterfallOptions = {}): Figure {
  if (!Array.isArray(labels)) fail('waterfall', `labels must be an array of names, got ${describe(labels)}`);
  const values = toNumbers(steps, 'waterfall', 'steps');
  checkSameLength(values.length, labels.length, 'waterfall', 'steps', 'labels', 'label');
  const start = opts.start ?? 0;
  if (!Number.isFinite(start)) fail('waterfall', `start must be a finite number, got ${describe(opts.start)}`);
  const { upColor = '#d62728', downColor = '#1f77b4', digits = 2, startLabel = 'start', endLabel = 'end' } = opts;

  // Running total before each step: where its bar begins.
  const bases: number[] = [];
  let total = start;
  for (const v of values) { bases.push(total); total += v; }
  const names = labels.map(String);
  const bars: Trace = {
    type: 'bar', orientation: 'h', y: names, x: values, base: bases,
    marker: { color: values.map((v) => (v >= 0 ? upColor : downColor)) },
    text: values.map((v) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}`),
    // Inside a long bar (its label would run into the axis), outside a short one.
    textposition: 'auto', cliponaxis: false,
    hovertemplate: '%{y}: %{text}<extra></extra>',
    showlegend: false,
  };
  // Both labels sit above the plot, each on the side facing away from the other, so they never
  // cover the bars or the tick labels, nor each other when start and end are close.
  const startAnchor = total >= start ? 'right' : 'left';
  const marker = (x: number, label: string, xanchor: string) => ({
    shape: { type: 'line', xref: 'x', yref: 'paper', x0: x, x1: x, y0: 0, y1: 1, line: { color: 'gray', dash: 'dash', width: 1.5 } },
    annotation: { xref: 'x', yref: 'paper', x, y: 1, yanchor: 'bottom', xanchor, text: `${label} = ${x.toFixed(digits)}`, showarrow: false, font: { size: 11 } },
  });
  const first = marker(start, startLabel, startAnchor), last = marker(total, endLabel, startAnchor === 'right' ? 'left' : 'right');
  return plot([bars], baseLayout(opts, [bars], {
    // Categories top to bottom in the order given, so the eye follows the steps downwards.
    yaxis: { type: 'category', autorange: 'reversed', gridcolor: NEUTRAL_GRID, automargin: true },
    shapes: [first.shape, last.shape],
    annotations: [first.annotation, last.annotation],
    // Room above the plot for the start and end labels, and for a title that wraps on a phone.
    margin: { l: 50, r: 30, t: opts.title !== undefined ? 80 : 30, b: 45 },
  }));
}
