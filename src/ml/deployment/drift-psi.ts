import { checkPositiveInt, fail } from '../core/validate.ts';
import { quantileSorted, sortedCopy } from '../core/quantile.ts';

/** Empty bins count as this share, so ln(a/e) stays finite (as populationStabilityIndex). */
const EMPTY_BIN_SHARE = 1e-4;

/**
 * Bins for a drift monitor: the reference's deciles (nBins − 1 inner edges), duplicates dropped.
 * A continuous feature gets nBins bins of equal reference share; a discrete one (a 0/1 flag, an
 * hour) gets at most one bin per value, so its share shift is not hidden inside one wide bin.
 */
export function driftBinEdges(reference: ArrayLike<number>, nBins = 10): number[] {
  const where = 'driftBinEdges';
  checkPositiveInt(nBins, where, 'nBins', 2);
  if (reference.length === 0) fail(where, 'the reference window is empty');
  const sorted = sortedCopy(reference);
  const edges: number[] = [];
  for (let b = 1; b < nBins; b++) {
    const edge = quantileSorted(sorted, b / nBins);
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  return edges;
}

/** The bin of x: the index of the first edge ≥ x (bin b holds edges[b−1] < x ≤ edges[b], numpy searchsorted side='left'). */
export function driftBinIndex(x: number, edges: readonly number[]): number {
  let lo = 0, hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Share of `values` in each bin, an empty bin counting as EMPTY_BIN_SHARE. */
export function driftBinShares(values: ArrayLike<number>, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < values.length; i++) counts[driftBinIndex(values[i], edges)]++;
  return sharesFromCounts(counts, values.length);
}

/** Counts per bin as shares of `total`, floored at EMPTY_BIN_SHARE so ln(a/e) stays finite. */
export function sharesFromCounts(counts: readonly number[], total: number): number[] {
  return counts.map((c) => Math.max(c / Math.max(total, 1), EMPTY_BIN_SHARE));
}

/**
 * Population stability index of a window against a reference, over the reference's deciles with
 * ties kept in one bin (driftBinEdges): PSI = Σ_b (a_b − e_b)·ln(a_b / e_b), e the reference's
 * shares and a the window's. Under 0.1 stable, 0.1–0.25 worth watching, over 0.25 a major shift.
 */
export function driftPsi(reference: ArrayLike<number>, current: ArrayLike<number>, nBins = 10): number {
  if (current.length === 0) fail('driftPsi', 'the current window is empty');
  const edges = driftBinEdges(reference, nBins);
  return psiFromBinShares(driftBinShares(reference, edges), driftBinShares(current, edges));
}

/** Σ_b (a_b − e_b)·ln(a_b / e_b) for shares already binned (and floored). */
export function psiFromBinShares(expected: readonly number[], actual: readonly number[]): number {
  let psi = 0;
  for (let b = 0; b < expected.length; b++) psi += (actual[b] - expected[b]) * Math.log(actual[b] / expected[b]);
  return psi;
}
