/**
 * Curves: a loss per epoch, a metric against a parameter, several of them to compare.
 */
import { palette } from './colors.ts';
import { checkSameLength, fail } from './errors.ts';
import { plot, type Figure, type Layout, type Trace } from './figure.ts';
import { baseLayout, hideUnnamed, type ChartOptions, type LogAxisOptions } from './layout.ts';
import { drawableCurve, droppedNote, notesAnnotation, toDrawable } from './non-finite.ts';

/** Line style. */
export type Dash = 'solid' | 'dash' | 'dot' | 'dashdot' | 'longdash';

/** How one curve looks. */
export interface LineStyle {
  /** Legend name. @example { name: 'train' } */
  name?: string;
  /** Line colour (default: the palette, in order). @example { color: palette[1] } */
  color?: string;
  /** Dash style: 'solid', 'dash', 'dot', 'dashdot' or 'longdash'. @example { dash: 'dash' } */
  dash?: Dash;
  /** Draw a marker at each point too. @example { markers: true } */
  markers?: boolean;
  /** Line width in pixels (default 2). @example { width: 3 } */
  width?: number;
}

/** Options of `line`. */
export interface LineOptions extends LineStyle, ChartOptions, LogAxisOptions {}

/** One curve of `lines`: its y values, optional x values (default 0, 1, 2, …) and style. */
export interface Series extends LineStyle {
  /** The curve's x values. @example { x: degrees, y: testErrors, name: 'test' } */
  x?: readonly number[];
  /** The curve's y values. @example { y: losses, name: 'loss' } */
  y: readonly number[];
}

/** Options of `lines`. */
export interface LinesOptions extends ChartOptions, LogAxisOptions {
  /** x values shared by every series that has none of its own. @example { x: [1, 2, 3, 4, 5] } */
  x?: readonly number[];
  /** Draw markers on every series. @example { markers: true } */
  markers?: boolean;
}

/**
 * A curve through (x[i], y[i]); with only y, x is 0, 1, 2, …. Non-finite values (a diverging
 * loss) are left out and the figure says how many and from where.
 * @example line(losses, { xTitle: 'epoch', yTitle: 'loss' })
 * @example line(Cs, scores, { logX: true, markers: true, xTitle: 'C', yTitle: 'accuracy' })
 */
export function line(x: readonly number[], y?: readonly number[] | LineOptions, opts: LineOptions = {}): Figure {
  const [xs, ys, options] = Array.isArray(y) ? [x, y as readonly number[], opts] : [undefined, x, (y as LineOptions | undefined) ?? opts];
  const curve = lineTrace({ ...options, x: xs, y: ys }, 0, 'line', options.xTitle);
  return plot([curve.trace], withNotes(baseLayout(options, [curve.trace]), [curve]));
}

/**
 * Several curves on one chart, given by name (`{ train: [...], test: [...] }`) or as a list of series.
 * @example lines({ train: trainLoss, validation: valLoss }, { xTitle: 'epoch', yTitle: 'loss' })
 * @example lines([{ x: ks, y: inertia, name: 'inertia', markers: true }])
 */
export function lines(series: Record<string, readonly number[]> | readonly Series[], opts: LinesOptions = {}): Figure {
  const list: Series[] = Array.isArray(series)
    ? [...series]
    : typeof series === 'object' && series !== null
      ? Object.entries(series).map(([name, y]) => ({ name, y }))
      : fail('lines', 'series must be an object like { train: [...], test: [...] } or a list like [{ y: [...], name: "train" }]');
  if (list.length === 0) fail('lines', 'there are no series to draw; give at least one');
  const curves = list.map((s, k) =>
    lineTrace({ ...s, x: s.x ?? opts.x, markers: s.markers ?? opts.markers }, k, `lines (series ${s.name ?? k})`, opts.xTitle),
  );
  const data = hideUnnamed(curves.map((c) => c.trace));
  return plot(data, withNotes(baseLayout(opts, data), curves));
}

/** A curve's trace and, when some of its values were not finite, the note saying which. */
interface Curve {
  trace: Trace;
  note?: string;
}

/** A scatter trace in lines mode; the k-th curve takes the k-th palette colour unless it has its own. */
function lineTrace(s: LineStyle & { x?: readonly number[]; y: readonly number[] }, k: number, where: string, xTitle?: string): Curve {
  const y = toDrawable(s.y, where, 'y');
  const x = s.x === undefined ? toDrawable(y.values.map((_, i) => i), where, 'x') : toDrawable(s.x, where, 'x');
  checkSameLength(y.values.length, x.values.length, where, 'y', 'x values', 'x value');
  const curve = drawableCurve(x, y);
  const color = s.color ?? palette[k % palette.length];
  const trace: Trace = {
    type: 'scatter',
    mode: s.markers ? 'lines+markers' : 'lines',
    x: curve.x,
    y: curve.y,
    line: { color, width: s.width ?? 2, dash: s.dash ?? 'solid' },
  };
  if (s.markers) trace.marker = { color, size: 6 };
  if (s.name !== undefined) trace.name = s.name;
  if (curve.dropped.length === 0) return { trace };
  // Where the values gave out, by x ("epoch 2.04"), or by position when x itself gave out there.
  const position = (i: number): string => {
    const at = x.values[i];
    if (at === null) return `point ${i}`;
    const value = String(Number(at.toPrecision(4)));
    return xTitle === undefined ? `x = ${value}` : `${xTitle} ${value}`;
  };
  return { trace, note: droppedNote(s.name, y.values.length, curve, position) };
}

/** The layout with one annotation listing what the curves left out, if they left anything out. */
function withNotes(layout: Layout, curves: readonly Curve[]): Layout {
  const notes = curves.flatMap((c) => (c.note === undefined ? [] : [c.note]));
  return notes.length === 0 ? layout : { ...layout, annotations: [notesAnnotation(notes)] };
}
