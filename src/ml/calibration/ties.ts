/** Distinct x values with the weighted mean of y and the total weight at each. */
export interface MergedTies {
  x: number[];
  y: number[];
  weight: number[];
}

/**
 * Merges equal x values of data sorted by x into one point (scikit-learn's `_make_unique`), so an
 * isotonic fit gives one value per x instead of forcing an order among rows that share an x.
 * Like scikit-learn, x values less than 1e-15 (float64's resolution) above a group's first x join
 * that group.
 */
export function mergeTies(x: readonly number[], y: readonly number[], weight: readonly number[]): MergedTies {
  const resolution = 1e-15;
  const out: MergedTies = { x: [], y: [], weight: [] };
  let groupX = x[0], sumW = 0, sumWy = 0;
  const close = (): void => {
    out.x.push(groupX);
    out.weight.push(sumW);
    out.y.push(sumWy / sumW);
  };
  for (let i = 0; i < x.length; i++) {
    if (x[i] - groupX >= resolution) {
      close();
      groupX = x[i];
      sumW = 0;
      sumWy = 0;
    }
    sumW += weight[i];
    sumWy += y[i] * weight[i];
  }
  close();
  return out;
}
