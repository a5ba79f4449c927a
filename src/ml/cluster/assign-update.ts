import { denseFromRows } from '../core/dense.ts';
import { toRows, fail, type MatrixLike } from '../core/validate.ts';

/**
 * The k-means assignment step: the index of the nearest center for every row of X
 * (squared Euclidean distance, first center wins a tie).
 */
export function assignToNearest(X: MatrixLike, centers: MatrixLike): number[] {
  const x = denseFromRows(toRows(X, 'assignToNearest'));
  const c = denseFromRows(toRows(centers, 'assignToNearest', { name: 'centers' }));
  if (c.cols !== x.cols) fail('assignToNearest', `centers have ${c.cols} features but X has ${x.cols}; they must match`);
  const d = x.cols;
  const labels = new Array<number>(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let best = 0;
    let bestDist = Infinity;
    for (let j = 0; j < c.rows; j++) {
      // ‖x_i − c_j‖²
      let s = 0;
      for (let f = 0; f < d; f++) {
        const t = x.data[i * d + f] - c.data[j * d + f];
        s += t * t;
      }
      if (s < bestDist) {
        bestDist = s;
        best = j;
      }
    }
    labels[i] = best;
  }
  return labels;
}

/**
 * The k-means update step: each center moves to the mean of the rows assigned to it,
 * μ_k = (1/|C_k|) Σ_{i∈C_k} x_i. A cluster with no rows gets a row of NaN, so the caller sees it.
 */
export function updateCenters(X: MatrixLike, labels: readonly number[], k: number): number[][] {
  const rows = toRows(X, 'updateCenters');
  if (labels.length !== rows.length) fail('updateCenters', `labels has ${labels.length} values but X has ${rows.length} rows; they must match`);
  if (!Number.isInteger(k) || k < 1) fail('updateCenters', `k must be an integer ≥ 1, got ${k}`);
  const d = rows[0].length;
  const sums = Array.from({ length: k }, () => new Array<number>(d).fill(0));
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < rows.length; i++) {
    const label = labels[i];
    if (!Number.isInteger(label) || label < 0 || label >= k) fail('updateCenters', `labels[${i}] is ${label}, expected an integer in [0, ${k - 1}]`);
    counts[label]++;
    for (let f = 0; f < d; f++) sums[label][f] += rows[i][f];
  }
  return sums.map((sum, j) => sum.map((s) => (counts[j] === 0 ? NaN : s / counts[j])));
}
