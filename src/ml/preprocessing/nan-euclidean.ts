/**
 * scikit-learn's nan_euclidean distance: the Euclidean distance over the coordinates present in
 * both rows, scaled up by √(d / present) to stand in for the missing ones. NaN if none is shared.
 */
export function nanEuclidean(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  let present = 0;
  for (let j = 0; j < a.length; j++) {
    if (Number.isNaN(a[j]) || Number.isNaN(b[j])) continue;
    sum += (a[j] - b[j]) ** 2;
    present++;
  }
  return present === 0 ? NaN : Math.sqrt((a.length / present) * sum);
}
