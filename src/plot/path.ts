/**
 * An optimiser's trajectory as one trace to lay over a contour plot (2-D points) or a surface
 * (3-D points): a line through the iterates with the start and end marked. A diverging run is
 * drawn, not refused: it stops where its values stop being finite, or (given `within`) where it
 * leaves the chart, and a label at that point says so.
 */
import { palette } from './colors.ts';
import { describe, fail, toInterval } from './errors.ts';
import type { Trace } from './figure.ts';
import type { Box } from './grid.ts';

/** Options of `path`. */
export interface PathOptions {
  /** Legend name. @example { name: 'gradient descent' } */
  name?: string;
  /** Line and marker colour (default: palette red). @example { color: palette[0] } */
  color?: string;
  /** Mark the first point with a larger circle (default true). @example { showStart: false } */
  showStart?: boolean;
  /** Mark the last point with a star (default true). @example { showEnd: false } */
  showEnd?: boolean;
  /** Draw a small dot at every iterate (default true). @example { markers: false } */
  markers?: boolean;
  /** Line width in pixels (default 2; 5 on a 3-D surface). @example { width: 1 } */
  width?: number;
  /** Dash style of the line. @example { dash: 'dot' } */
  dash?: 'solid' | 'dash' | 'dot' | 'dashdot';
  /**
   * The chart's window: the path is drawn until it first leaves it and ends on its edge with a
   * label "left the chart at step k" (a diverging run's later, huge iterates would otherwise draw
   * segments straight across the chart). @example { within: { x: [-2, 2], y: [-1, 3] } }
   */
  within?: Box;
  /**
   * Write at a cut-short path's end why it ends there (default true); false keeps only the ×
   * marker, e.g. for thin paths behind a highlighted one whose labels would overlap.
   * @example { within: box, cutLabel: false }
   */
  cutLabel?: boolean;
}

/** Where and why a path was cut short. */
interface Cut {
  /** The label shown at the path's last drawn point. */
  label: string;
  /** Where the label goes (Plotly's textposition). */
  side: string;
}

/**
 * A trajectory through `points` ([x, y] rows, or [x, y, z] for a 3-D surface), to `overlay` on a chart.
 * @example overlay(contour(loss, { x: [-2, 2], y: [-2, 2] }), path(history.map((s) => s.w), { name: 'SGD' }))
 * @example path(thetas, { within: box }) // a diverging run ends where it leaves the box
 */
export function path(points: readonly (readonly number[])[], opts: PathOptions = {}): Trace {
  const all = toPoints(points);
  if (all.length === 0) fail('path', 'points is empty; give at least one [x, y] point');
  const threeD = all.every((r) => r.length >= 3);
  const columns = threeD ? 3 : 2;
  const { rows, cut } = drawnPart(all.map((r) => r.slice(0, columns)), opts.within);
  const color = opts.color ?? palette[3];
  const last = rows.length - 1;
  const endMark = cut === undefined && opts.showEnd !== false;
  // Per-point marker size and symbol: one trace carries the line, the iterates and both end marks.
  const size = rows.map((_, i) => {
    if (i === 0 && opts.showStart !== false) return 11;
    if (i === last && cut) return 10;
    if (i === last && endMark) return 14;
    return opts.markers === false ? 0 : 5;
  });
  const symbol = rows.map((_, i) => (i === last && cut ? 'x' : i === last && endMark ? 'star' : 'circle'));
  const trace: Trace = {
    type: threeD ? 'scatter3d' : 'scatter',
    mode: cut && opts.cutLabel !== false ? 'lines+markers+text' : 'lines+markers',
    x: rows.map((r) => r[0]),
    y: rows.map((r) => r[1]),
    line: { color, width: opts.width ?? (threeD ? 5 : 2), dash: opts.dash ?? 'solid' },
    // scatter3d has fewer symbols than 2-D scatter and no 'star'; its end is marked by size only.
    marker: threeD ? { color, size } : { color, size, symbol, line: { width: 1, color: 'rgba(255,255,255,0.8)' } },
    hovertemplate: 'step %{pointNumber}<br>(%{x:.4g}, %{y:.4g}' + (threeD ? ', %{z:.4g})' : ')') + '<extra></extra>',
  };
  if (threeD) trace.z = rows.map((r) => r[2]);
  if (cut && opts.cutLabel !== false) {
    trace.text = rows.map((_, i) => (i === last ? cut.label : ''));
    trace.textposition = cut.side;
    // Plotly's automatic shadow sets the label off from the contours and lines it sits on.
    trace.textfont = { color, size: 12, shadow: 'auto' };
  }
  if (opts.name !== undefined) trace.name = opts.name;
  return trace;
}

/** Rows of at least two numbers; ±Infinity and NaN are allowed (a diverging run), other values are not. */
function toPoints(points: unknown): number[][] {
  if (!Array.isArray(points)) fail('path', `points must be an array of rows like [[x, y], …], got ${describe(points)}`);
  return points.map((row: unknown, i: number) => {
    if (!Array.isArray(row) && !ArrayBuffer.isView(row)) fail('path', `points row ${i} is ${describe(row)}, expected an array like [x, y]`);
    const values = Array.from(row as ArrayLike<unknown>);
    if (values.length < 2) fail('path', `points row ${i} has ${values.length} values, expected at least 2`);
    values.forEach((v, j) => {
      if (typeof v !== 'number') fail('path', `points[${i}][${j}] is ${describe(v)}, expected a number`);
    });
    return values as number[];
  });
}

/** The rows up to the first non-finite one or the first exit from the window, whichever comes first. */
function drawnPart(rows: number[][], within: Box | undefined): { rows: number[][]; cut?: Cut } {
  const window = within === undefined ? undefined : { x: toInterval(within.x, 'path', 'within.x'), y: toInterval(within.y, 'path', 'within.y') };
  const inside = (r: number[]) => window !== undefined && r[0] >= window.x[0] && r[0] <= window.x[1] && r[1] >= window.y[0] && r[1] <= window.y[1];
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    if (!row.every(Number.isFinite)) {
      if (k === 0) fail('path', `points[0] is [${row.join(', ')}]; the start of a path must be finite`);
      const kind = row.some(Number.isNaN) ? 'NaN' : 'infinite';
      return { rows: rows.slice(0, k), cut: { label: `values became ${kind} at step ${k}`, side: 'top right' } };
    }
    if (window !== undefined && k > 0 && inside(rows[k - 1]) && !inside(row)) {
      const exit = exitPoint(rows[k - 1], row, window);
      return { rows: [...rows.slice(0, k), exit], cut: { label: `left the chart at step ${k}`, side: labelSide(exit, rows[k - 1], window) } };
    }
  }
  return { rows };
}

/** Where the segment from `a` (inside the window) to `b` (outside) crosses the window's edge. */
function exitPoint(a: number[], b: number[], window: { x: [number, number]; y: [number, number] }): number[] {
  let t = 1;
  for (const [axis, [low, high]] of [[0, window.x], [1, window.y]] as const) {
    const d = b[axis] - a[axis];
    if (d > 0 && b[axis] > high) t = Math.min(t, (high - a[axis]) / d);
    if (d < 0 && b[axis] < low) t = Math.min(t, (low - a[axis]) / d);
  }
  return a.map((v, j) => v + t * (b[j] - v));
}

/**
 * Where a label at an exit point goes: inside the window (below a point on the top edge, left of
 * one on the right edge, …) and away from the segment that arrives there, unless that would run
 * it off the window's near side.
 */
function labelSide(point: number[], previous: number[], window: { x: [number, number]; y: [number, number] }): string {
  const [x0, x1] = window.x;
  const [y0, y1] = window.y;
  const near = (a: number, b: number, span: number) => Math.abs(a - b) <= 1e-9 * span;
  const vertical = near(point[1], y1, y1 - y0) ? 'bottom' : near(point[1], y0, y1 - y0) ? 'top' : previous[1] < point[1] ? 'top' : 'bottom';
  const across = (point[0] - x0) / (x1 - x0);
  const horizontal = across >= 0.75 ? 'left' : across <= 0.25 ? 'right' : previous[0] < point[0] ? 'right' : 'left';
  return `${vertical} ${horizontal}`;
}
