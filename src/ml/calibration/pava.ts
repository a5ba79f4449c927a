/**
 * The non-decreasing sequence closest to y in weighted least squares, by pool-adjacent-violators
 * (Best & Chakravarti 1990), step for step as scikit-learn's `_inplace_contiguous_isotonic_regression`:
 * a run that decreases is pooled into one block holding its weighted mean, then the scan steps back
 * one block, because the new, lower mean may now violate the order with the block before it.
 * Weights must be positive.
 */
export function poolAdjacentViolators(y: readonly number[], weight: readonly number[]): number[] {
  const n = y.length;
  // Only the first entry of a block is kept up to date: its mean and its total weight.
  const mean = y.slice();
  const total = weight.slice();
  // For a block [i..j]: end[i] = j and end[j] = i, so the scan can hop over a block either way.
  const end = Array.from({ length: n }, (_, i) => i);
  let i = 0;
  while (i < n) {
    let k = end[i] + 1;
    if (k === n) break;
    if (mean[i] < mean[k]) {
      i = k;
      continue;
    }
    // mean[i] ≥ mean[k]: pool the blocks from i for as long as the run keeps decreasing.
    let sumWy = total[i] * mean[i];
    let sumW = total[i];
    for (;;) {
      const previous = mean[k];
      sumWy += total[k] * mean[k];
      sumW += total[k];
      k = end[k] + 1;
      if (k === n || previous < mean[k]) {
        mean[i] = sumWy / sumW;
        total[i] = sumW;
        end[i] = k - 1;
        end[k - 1] = i;
        if (i > 0) i = end[i - 1]; // back to the start of the previous block
        break;
      }
    }
  }
  // Every entry of a block takes the block's mean.
  for (let start = 0; start < n; ) {
    const next = end[start] + 1;
    mean.fill(mean[start], start + 1, next);
    start = next;
  }
  return mean;
}
