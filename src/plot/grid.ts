/**
 * A function of two variables sampled on a regular grid over a box: the data behind contour
 * plots, surfaces and decision boundaries. Plotly's convention: z[j][i] = f(x[i], y[j]), so a
 * row of z is one y value.
 */
import { checkInteger, describe, fail, toInterval } from './errors.ts';

/** A rectangle `{ x: [min, max], y: [min, max] }`. */
export interface Box {
  /** Range of the first variable. @example { x: [-2, 2], y: [-1, 3] } */
  x: readonly [number, number] | readonly number[];
  /** Range of the second variable. @example { x: [-2, 2], y: [-1, 3] } */
  y: readonly [number, number] | readonly number[];
}

/** Grid points per axis: one number for both axes, or `[nx, ny]`. */
export type Resolution = number | readonly [number, number];

/** A sampled function: coordinates along each axis and `z[j][i] = f(x[i], y[j])`. */
export interface Grid {
  x: number[];
  y: number[];
  z: number[][];
}

/** `count` evenly spaced numbers from `start` to `stop`, both included (like numpy.linspace). */
export function linspace(start: number, stop: number, count: number): number[] {
  if (count === 1) return [start];
  const step = (stop - start) / (count - 1);
  // start + i·step, with the last point set exactly so rounding cannot move the box's edge.
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? stop : start + i * step));
}

/** The box's axes and the grid resolution, checked. */
export function gridAxes(box: Box, resolution: Resolution, where: string): { x: number[]; y: number[] } {
  if (typeof box !== 'object' || box === null) fail(where, `the box must be { x: [min, max], y: [min, max] }, got ${describe(box)}`);
  const [xMin, xMax] = toInterval(box.x, where, 'x');
  const [yMin, yMax] = toInterval(box.y, where, 'y');
  const [nx, ny] = typeof resolution === 'number' ? [resolution, resolution] : resolution;
  checkInteger(nx, where, 'resolution', 2);
  checkInteger(ny, where, 'resolution', 2);
  return { x: linspace(xMin, xMax, nx), y: linspace(yMin, yMax, ny) };
}

/** f sampled over the box; values that are not finite numbers become NaN (a gap in the chart). */
export function evaluateGrid(f: (x: number, y: number) => number, box: Box, resolution: Resolution, where: string): Grid {
  if (typeof f !== 'function') fail(where, `the first argument must be a function (x, y) => number, got ${describe(f)}`);
  const { x, y } = gridAxes(box, resolution, where);
  const z = y.map((yj) =>
    x.map((xi) => {
      const v = f(xi, yj);
      if (typeof v !== 'number') fail(where, `f(${xi}, ${yj}) returned ${describe(v)}; the function must return a number`);
      return Number.isFinite(v) ? v : NaN;
    }),
  );
  return { x, y, z };
}
