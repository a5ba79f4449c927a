/**
 * Values spread over orders of magnitude (a loss surface near its minimum) are coloured on a
 * log scale: the chart holds log10 of the values, and the colour bar is labelled in the values.
 */
import { fail } from './errors.ts';
import type { Grid } from './grid.ts';

/** z as log10(z), checked positive; gaps (NaN) stay gaps. */
export function log10Grid(grid: Grid, where: string): number[][] {
  return grid.z.map((row, j) =>
    row.map((v, i) => {
      if (v <= 0) fail(where, `logScale needs positive values, but f(${grid.x[i]}, ${grid.y[j]}) = ${v}; drop logScale or shift f above 0`);
      return Math.log10(v);
    }),
  );
}

/** Colour bar ticks at the powers of ten between the lowest and highest log10 value. */
export function decadeTicks(logZ: readonly (readonly number[])[]): { tickvals: number[]; ticktext: string[] } {
  const [min, max] = finiteExtent(logZ);
  const low = Math.ceil(min);
  const high = Math.floor(max);
  const tickvals: number[] = [];
  for (let k = low; k <= high; k++) tickvals.push(k);
  return { tickvals, ticktext: tickvals.map((k) => String(Number(`1e${k}`))) };
}

/** Minimum and maximum of the finite values of a grid ([0, 1] when there are none). */
export function finiteExtent(z: readonly (readonly number[])[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const row of z) {
    for (const v of row) {
      if (!Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? [min, max] : [0, 1];
}
