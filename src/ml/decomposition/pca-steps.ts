import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { denseFromRows, denseToRows, type Dense } from '../core/dense.ts';
import { fail, toRows, type MatrixLike } from '../core/validate.ts';

/** Step 1 of PCA: subtract the column means, X_c = X − 1·μᵀ. */
export function center(X: MatrixLike): { centered: number[][]; mean: number[] } {
  const { centered, mean } = centerDense(denseFromRows(toRows(X, 'center')));
  return { centered: denseToRows(centered), mean: Array.from(mean) };
}

/** Step 2 of PCA: the sample covariance C = X_cᵀ X_c / (n − 1) of already-centered rows. */
export function covarianceMatrix(centered: MatrixLike): number[][] {
  const x = denseFromRows(toRows(centered, 'covarianceMatrix', { name: 'centered' }));
  if (x.rows < 2) fail('covarianceMatrix', 'needs at least 2 rows to estimate a covariance');
  return denseToRows(covarianceDense(x));
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

export function centerDense(x: Dense): { centered: Dense; mean: Float64Array } {
  const { rows: n, cols: d, data } = x;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) mean[f] += data[i * d + f];
  for (let f = 0; f < d; f++) mean[f] /= n;
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) out[i * d + f] = data[i * d + f] - mean[f];
  return { centered: { data: out, rows: n, cols: d }, mean };
}

/**
 * X_cᵀ X_c / (n − 1) in one pass over the row-major data. The matrix is symmetric, so only its
 * upper triangle (b ≥ a) is accumulated, row by row, and mirrored at the end: half the
 * multiply-adds, and each row is read while it is in cache.
 */
export function covarianceDense(x: Dense): Dense {
  const { rows: n, cols: d, data } = x;
  const c = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let a = 0; a < d; a++) {
      const xa = data[row + a];
      const out = a * d;
      for (let b = a; b < d; b++) c[out + b] += xa * data[row + b];
    }
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      const v = c[a * d + b] / (n - 1);
      c[a * d + b] = v;
      c[b * d + a] = v;
    }
  }
  return { data: c, rows: d, cols: d };
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
