/**
 * Marks: a vertical or horizontal line, a shaded band, a ring or a dot laid on a chart as layout
 * shapes, not traces. What a control moves at every step (a threshold, the current point, a split)
 * belongs here: Plotly redraws a moved shape in a few milliseconds, while a changed trace makes it
 * recalculate and redraw every trace of the figure (tens of milliseconds with a thousand points).
 */
import { fail } from './errors.ts';
import { isFigure, plot, type Figure, type Layout } from './figure.ts';
import type { Dash } from './line.ts';

/** A Plotly layout shape. */
export type Mark = Record<string, unknown>;

/** Options every mark accepts. */
export interface MarkOptions {
  /** Its colour (default grey). @example { color: palette[3] } */
  color?: string;
  /** Line width in pixels (default 2). @example { width: 3 } */
  width?: number;
  /** Dash style of its line. @example { dash: 'dash' } */
  dash?: Dash;
  /** A legend entry for it, with this name (a name that changes as the mark moves redraws the legend too). @example { name: 'threshold' } */
  name?: string;
  /** Which chart of a `subplots` grid it is on, counted from 1 (default 1). @example { subplot: 2 } */
  subplot?: number;
}

/** Options of a ring or a dot. */
export interface PointMarkOptions extends MarkOptions {
  /** Diameter in pixels, kept when zooming (default 14). @example { size: 10 } */
  size?: number;
}

/** Options of a shaded band. */
export interface BandOptions extends MarkOptions {
  /** Its opacity (default 0.12). @example { opacity: 0.2 } */
  opacity?: number;
}

const GREY = 'rgba(128,128,128,0.9)';

/**
 * A vertical line across the whole height of the chart at x.
 * @example withMarks(line(xs, losses), vline(bestEpoch, { dash: 'dash', name: 'best epoch' }))
 */
export function vline(x: number, options: MarkOptions = {}): Mark {
  const [xref, yref] = refs('vline', options);
  return { type: 'line', xref, yref: `${yref} domain`, x0: finite('vline', x), x1: x, y0: 0, y1: 1, ...lineOf(options), ...legendOf(options) };
}

/**
 * A horizontal line across the whole width of the chart at y.
 * @example withMarks(line(xs, accuracies), hline(0.5, { dash: 'dot', name: 'chance' }))
 */
export function hline(y: number, options: MarkOptions = {}): Mark {
  const [xref, yref] = refs('hline', options);
  return { type: 'line', xref: `${xref} domain`, yref, x0: 0, x1: 1, y0: finite('hline', y), y1: y, ...lineOf(options), ...legendOf(options) };
}

/**
 * A shaded band over the whole height of the chart from x0 to x1, under the traces.
 * @example withMarks(strip, vband(threshold, 1, { color: palette[1], name: 'predicted positive' }))
 */
export function vband(x0: number, x1: number, options: BandOptions = {}): Mark {
  const [xref, yref] = refs('vband', options);
  return {
    type: 'rect', layer: 'below', xref, yref: `${yref} domain`, x0: finite('vband', x0), x1: finite('vband', x1), y0: 0, y1: 1,
    fillcolor: options.color ?? GREY, opacity: options.opacity ?? 0.12, line: { width: 0 }, ...legendOf(options),
  };
}

/**
 * An open circle at (x, y), a fixed number of pixels wide: the current point on a curve.
 * @example withMarks(rocCurve, ringAt(fpr, tpr, { color: palette[3], name: 'your threshold' }))
 */
export function ringAt(x: number, y: number, options: PointMarkOptions = {}): Mark {
  return pointMark('ringAt', x, y, options, { fillcolor: 'rgba(0,0,0,0)', ...lineOf({ width: 3, ...options }) });
}

/**
 * A filled circle at (x, y), a fixed number of pixels wide: a point that moves.
 * @example withMarks(scatter(X, { labels: y }), dotAt(query[0], query[1], { color: 'black', size: 10 }))
 */
export function dotAt(x: number, y: number, options: PointMarkOptions = {}): Mark {
  const color = options.color ?? GREY;
  return pointMark('dotAt', x, y, options, { fillcolor: color, line: { color: 'white', width: 1 } });
}

/**
 * The figure with marks added on top of its shapes; a mark with a name gets a legend entry. Marks
 * take data values, on logarithmic axes too, where rings and dots are refused (see refusedOnLogAxes).
 * @example withMarks(scatter(scores, labels), vline(t, { dash: 'dash' }), vband(t, 1, { color: palette[1] }))
 */
export function withMarks(figure: Figure, ...marks: (Mark | readonly Mark[])[]): Figure {
  if (!isFigure(figure)) fail('withMarks', 'the first argument must be a figure, e.g. withMarks(line(xs, ys), vline(2))');
  const added = marks.flat().map((mark) => refusedOnLogAxes(structuredClone(mark), figure.layout));
  const own = Array.isArray(figure.layout.shapes) ? (figure.layout.shapes as Mark[]) : [];
  const named = added.some((mark) => mark.showlegend === true);
  const layout = { ...structuredClone(figure.layout), shapes: [...structuredClone(own), ...added], ...(named ? { showlegend: true } : {}) };
  return { ...plot(structuredClone(figure.data), layout), ...(figure.config ? { config: structuredClone(figure.config) } : {}) };
}

/** A ring or dot refused on a logarithmic axis: Plotly draws a shape sized in pixels there squeezed to half its width, off its anchor. */
function refusedOnLogAxes(mark: Mark, layout: Layout): Mark {
  for (const letter of ['x', 'y'] as const) {
    const axis = layout[String(mark[`${letter}ref`] ?? letter).replace(/^([xy])(\d*)$/, `$1axis$2`)] as { type?: string } | undefined;
    if (axis?.type === 'log' && mark[`${letter}sizemode`] === 'pixel') {
      fail('withMarks', `a ring or a dot cannot be placed on a logarithmic ${letter} axis (Plotly misdraws it there): draw it as a scatter trace`);
    }
  }
  return mark;
}

function pointMark(name: string, x: number, y: number, options: PointMarkOptions, look: Mark): Mark {
  const [xref, yref] = refs(name, options);
  const radius = (options.size ?? 14) / 2;
  if (!(radius > 0)) fail(name, `size must be a positive number of pixels, got ${String(options.size)}`);
  return {
    type: 'circle', xref, yref, xsizemode: 'pixel', ysizemode: 'pixel', xanchor: finite(name, x), yanchor: finite(name, y),
    x0: -radius, x1: radius, y0: -radius, y1: radius, ...look, ...legendOf(options),
  };
}

function refs(name: string, options: MarkOptions): [string, string] {
  const k = options.subplot ?? 1;
  if (!Number.isInteger(k) || k < 1) fail(name, `subplot must be a whole number from 1, got ${String(options.subplot)}`);
  const suffix = k === 1 ? '' : String(k);
  return [`x${suffix}`, `y${suffix}`];
}

function lineOf(options: MarkOptions): Mark {
  return { line: { color: options.color ?? GREY, width: options.width ?? 2, ...(options.dash ? { dash: options.dash } : {}) } };
}

function legendOf(options: MarkOptions): Mark {
  return options.name === undefined ? {} : { name: options.name, showlegend: true };
}

function finite(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(name, `its position must be a finite number, got ${String(value)}`);
  return value;
}
