/**
 * Piecewise-linear interpolation through (xp, fp), xp strictly increasing, at a t inside
 * [xp[0], xp[last]] — numpy's `np.interp`, which scikit-learn's isotonic `interp1d` calls. A t equal
 * to a knot returns that knot's value exactly, so fitted points come back unchanged.
 */
export function interpolateLinear(xp: readonly number[], fp: readonly number[], t: number): number {
  const last = xp.length - 1;
  if (t === xp[last]) return fp[last];
  // j = the last knot ≤ t, by binary search.
  let lo = 0, hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xp[mid] <= t) lo = mid;
    else hi = mid;
  }
  if (xp[lo] === t) return fp[lo];
  const slope = (fp[lo + 1] - fp[lo]) / (xp[lo + 1] - xp[lo]);
  return slope * (t - xp[lo]) + fp[lo];
}
