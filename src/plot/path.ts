/**
 * An optimiser's trajectory as one trace to lay over a contour plot (2-D points) or a surface
 * (3-D points): a line through the iterates with the start and end marked.
 */
import { palette } from './colors.ts';
import { fail, toRows } from './errors.ts';
import type { Trace } from './figure.ts';

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
}

/**
 * A trajectory through `points` ([x, y] rows, or [x, y, z] for a 3-D surface), to `overlay` on a chart.
 * @example overlay(contour(loss, { x: [-2, 2], y: [-2, 2] }), path(history.map((s) => s.w), { name: 'SGD' }))
 */
export function path(points: readonly (readonly number[])[], opts: PathOptions = {}): Trace {
  const rows = toRows(points, 'path', 'points', 2);
  if (rows.length === 0) fail('path', 'points is empty; give at least one [x, y] point');
  const threeD = rows.every((r) => r.length >= 3);
  if (threeD) toRows(points, 'path', 'points', 3);
  const color = opts.color ?? palette[3];
  const last = rows.length - 1;
  // Per-point marker size and symbol: one trace carries the line, the iterates and both end marks.
  const size = rows.map((_, i) => (i === 0 && opts.showStart !== false ? 11 : i === last && opts.showEnd !== false ? 14 : opts.markers === false ? 0 : 5));
  const symbol = rows.map((_, i) => (i === last && opts.showEnd !== false ? 'star' : 'circle'));
  const trace: Trace = {
    type: threeD ? 'scatter3d' : 'scatter',
    mode: 'lines+markers',
    x: rows.map((r) => r[0]),
    y: rows.map((r) => r[1]),
    line: { color, width: opts.width ?? (threeD ? 5 : 2), dash: opts.dash ?? 'solid' },
    // scatter3d has fewer symbols than 2-D scatter and no 'star'; its end is marked by size only.
    marker: threeD ? { color, size } : { color, size, symbol, line: { width: 1, color: 'rgba(255,255,255,0.8)' } },
    hovertemplate: 'step %{pointNumber}<br>(%{x:.4g}, %{y:.4g}' + (threeD ? ', %{z:.4g})' : ')') + '<extra></extra>',
  };
  if (threeD) trace.z = rows.map((r) => r[2]);
  if (opts.name !== undefined) trace.name = opts.name;
  return trace;
}
