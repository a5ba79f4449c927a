import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { columnMeans, denseFromRows, denseToRows, type Dense } from '../core/dense.ts';
import { fail, toRows, type MatrixLike } from '../core/validate.ts';

/** Step 1 of PCA: subtract the column means, X_c = X − 1·μᵀ. */
export function center(X: MatrixLike): { centered: number[][]; mean: number[] } {
  const { centered, mean } = centerDense(denseFromRows(toRows(X, 'center')));
  return { centered: denseToRows(centered), mean: Array.from(mean) };
}

/**
 * Step 2 of PCA: the sample covariance C = X_cᵀ X_c / (n − 1) of already-centered rows, entry by
 * entry: C[a][b] = Σ_i x_ia·x_ib / (n − 1). PCA itself uses the fast twin, covarianceOfRows
 * (covariance-kernel.ts); tests/ml/decomposition.test.ts checks they agree.
 */
export function covarianceMatrix(centered: MatrixLike): number[][] {
  const X = toRows(centered, 'covarianceMatrix', { name: 'centered' });
  const n = X.length, d = X[0].length;
  if (n < 2) fail('covarianceMatrix', 'needs at least 2 rows to estimate a covariance');
  const C = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (const row of X) {
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) C[a][b] += row[a] * row[b];
    }
  }
  return C.map((cRow) => cRow.map((sum) => sum / (n - 1)));
}

/**
 * Step 3 of PCA: eigenvalues (largest first) and unit eigenvectors (as rows, in the same order)
 * of a symmetric matrix, so that C·v_k = λ_k·v_k.
 */
export function eigenDecomposition(symmetric: MatrixLike): { values: number[]; vectors: number[][] } {
  const rows = toRows(symmetric, 'eigenDecomposition', { name: 'matrix' });
  if (rows.length !== rows[0].length) fail('eigenDecomposition', `the matrix must be square, got ${rows.length} × ${rows[0].length}`);
  return symmetricEigen(denseFromRows(rows));
}

/** A centered copy of x and its column means. */
export function centerDense(x: Dense): { centered: Dense; mean: Float64Array } {
  const { rows: n, cols: d, data } = x;
  const mean = columnMeans(x);
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) out[i * d + f] = data[i * d + f] - mean[f];
  return { centered: { data: out, rows: n, cols: d }, mean };
}

/** Eigen-decomposition of a symmetric matrix (Householder tridiagonalisation + QL, via ml-matrix). */
export function symmetricEigen(c: Dense): { values: number[]; vectors: number[][] } {
  const matrix = new Matrix(denseToRows(c));
  const evd = new EigenvalueDecomposition(matrix, { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  const V = evd.eigenvectorMatrix;
  const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a]);
  return { values: order.map((i) => values[i]), vectors: order.map((i) => V.getColumn(i)) };
}
