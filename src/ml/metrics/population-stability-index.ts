import { checkPositiveInt, fail, toVector, type VectorLike } from '../core/validate.ts';
import { quantileSorted, sortedCopy } from '../core/quantile.ts';

export interface PopulationStabilityResult {
  /** PSI = Σ_b (a_b − e_b)·ln(a_b / e_b) over the bins. */
  psi: number;
  /** Inner bin edges (the reference quantiles, or midpoints between its values when it has few); the outer bins are open-ended. */
  edges: number[];
  /** Share of the reference (expected) and current (actual) samples in each bin. */
  expected: number[];
  actual: number[];
}

/**
 * Population stability index of `current` against `reference`: bins at the reference's quantiles,
 * PSI = Σ (actual% − expected%)·ln(actual% / expected%). Rules of thumb: < 0.1 no significant shift,
 * 0.1–0.25 a moderate shift worth watching, > 0.25 a major shift (investigate or retrain).
 * Empty bins are floored at `epsilon` so the logarithm stays finite. A reference with at most
 * `nBins` distinct values (a flag, a count, a category code) gets one bin per value instead, with
 * edges halfway between them: its quantiles would coincide and put every value in one bin (PSI 0
 * whatever the shift).
 */
export function populationStabilityIndex(
  reference: VectorLike,
  current: VectorLike,
  options: { nBins?: number; epsilon?: number } = {},
): PopulationStabilityResult {
  const where = 'populationStabilityIndex';
  const nBins = options.nBins ?? 10;
  const epsilon = options.epsilon ?? 1e-4;
  checkPositiveInt(nBins, where, 'nBins', 2);
  if (!(epsilon > 0)) fail(where, `epsilon must be > 0, got ${epsilon}`);
  const ref = toVector(reference, where, { name: 'reference' });
  const cur = toVector(current, where, { name: 'current' });
  if (ref.length === 0 || cur.length === 0) fail(where, 'reference and current must each have at least one value');
  const sorted = sortedCopy(ref);
  const distinct = sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
  const edges = distinct.length <= nBins
    ? distinct.slice(1).map((v, i) => (distinct[i] + v) / 2)
    : Array.from({ length: nBins - 1 }, (_, b) => quantileSorted(sorted, (b + 1) / nBins));
  const bins = edges.length + 1;
  const share = (values: number[]) => {
    const counts = new Array<number>(bins).fill(0);
    // Bin b holds edges[b−1] ≤ x < edges[b] (searchsorted side='right').
    for (const x of values) {
      let b = 0;
      while (b < edges.length && edges[b] <= x) b++;
      counts[b]++;
    }
    return counts.map((c) => Math.max(c / values.length, epsilon));
  };
  const expected = share(ref);
  const actual = share(cur);
  let psi = 0;
  for (let b = 0; b < bins; b++) psi += (actual[b] - expected[b]) * Math.log(actual[b] / expected[b]);
  return { psi, edges, expected, actual };
}
