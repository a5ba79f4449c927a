/**
 * Histogram bins computed here rather than by Plotly, so a figure carries its counts as data
 * (tests and learners can read them) and every renderer draws the same bars. Same rules as
 * numpy.histogram: equal-width bins over [min, max], each bin [a, b) except the last, [a, b].
 */
import { checkInteger, fail } from './errors.ts';
import { finiteExtent } from './scale.ts';

/** Bin edges and the count in each bin. */
export interface Bins {
  /** `edges.length = counts.length + 1`; bin i is [edges[i], edges[i+1]). */
  edges: number[];
  counts: number[];
}

/** Sturges' rule, ⌈log2 n⌉ + 1 bins: a default that grows slowly with the sample. */
export function sturges(n: number): number {
  return Math.max(1, Math.ceil(Math.log2(Math.max(n, 1))) + 1);
}

/**
 * `count` equal-width edges over `range` (default: the data's min and max; if they are equal,
 * [v - 0.5, v + 0.5] as numpy does).
 */
export function equalWidthEdges(values: readonly number[], count: number, range: readonly [number, number] | undefined, where: string): number[] {
  checkInteger(count, where, 'bins', 1);
  // finiteExtent gives [0, 1] for no values, so an empty sample still has bins.
  let [low, high] = range ?? finiteExtent([values]);
  if (low === high) [low, high] = [low - 0.5, high + 0.5];
  const width = (high - low) / count;
  return Array.from({ length: count + 1 }, (_, i) => (i === count ? high : low + i * width));
}

/** Counts of values per bin; values outside the edges are left out, as in numpy. */
export function countInBins(values: readonly number[], edges: readonly number[], where: string): number[] {
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i] > edges[i - 1])) fail(where, `bin edges must increase, but edge ${i} (${edges[i]}) ≤ edge ${i - 1} (${edges[i - 1]})`);
  }
  const counts = new Array<number>(edges.length - 1).fill(0);
  const last = edges.length - 1;
  for (const v of values) {
    if (v < edges[0] || v > edges[last]) continue;
    // Binary search for the bin i with edges[i] ≤ v < edges[i+1]; v = last edge goes in the last bin.
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (v < edges[mid]) hi = mid;
      else lo = mid;
    }
    counts[lo]++;
  }
  return counts;
}
