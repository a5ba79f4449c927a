/**
 * A figure is plain Plotly data: traces and a layout. It is built in the sandbox, crosses to the
 * page by structured clone, and is drawn there with Plotly.react. `type` marks it so `display`
 * can tell a figure from any other object.
 */
export interface Figure {
  readonly type: 'stepwise.figure';
  data: Trace[];
  layout: Layout;
  config?: Record<string, unknown>;
  /** Inputs the learner sets by clicking or dragging on this figure (added by withInputs). */
  inputs?: FigureInput[];
}

/**
 * A figure input shown on a figure: which control it is (the cell that made it and its name), what
 * kind, and its value when the figure was made, drawn as handles the learner drags.
 */
export interface FigureInput {
  cellId: string;
  name: string;
  kind: 'point' | 'points' | 'direction';
  label: string;
  value: number[] | number[][];
  /** For points: how many the learner may have at most (a click adds one). */
  max?: number;
}

/** A Plotly trace (loosely typed: Plotly's own types are too large to ship to the editor). */
export type Trace = { type?: string; [key: string]: unknown };
/** A Plotly layout. */
export type Layout = { title?: string | { text: string; [key: string]: unknown }; [key: string]: unknown };

/**
 * Wraps Plotly traces and a layout as a figure that cells can return or `display`.
 * @example plot({ type: 'scatter', mode: 'lines', x: [0, 1, 2], y: [0, 1, 4] }, { title: { text: 'y = x²' } })
 */
export function plot(data: Trace | Trace[], layout: Layout = {}): Figure {
  return { type: 'stepwise.figure', data: Array.isArray(data) ? data : [data], layout };
}

/**
 * Whether a value is a figure (as built by `plot`, `scatter`, `line`, …).
 * @example isFigure(scatter(X)) // true
 */
export function isFigure(value: unknown): value is Figure {
  return typeof value === 'object' && value !== null && (value as Figure).type === 'stepwise.figure';
}
