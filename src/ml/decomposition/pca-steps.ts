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

/** A centered copy of x and its column means. */
export function centerDense(x: Dense): { centered: Dense; mean: Float64Array } {
  const { rows: n, cols: d, data } = x;
  const mean = columnMeans(x);
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) out[i * d + f] = data[i * d + f] - mean[f];
  return { centered: { data: out, rows: n, cols: d }, mean };
}

/**
 * X_cᵀ X_c / (n − 1) of already-centered rows. See `covarianceOfRows` for how it is computed.
 */
export function covarianceDense(x: Dense): Dense {
  return covarianceOfRows(x, new Float64Array(x.cols));
}

/** Rows per block in covarianceOfRows: a block of 64 rows × 50 features (25 kB) stays in L1 cache. */
const BLOCK = 64;

/**
 * The covariance (X − 1μᵀ)ᵀ(X − 1μᵀ) / (n − 1) in one pass over the row-major data, centering
 * on the fly (no centered copy of X is made). Two tricks:
 * - The matrix is symmetric, so only its upper triangle (b ≥ a) is accumulated, then mirrored:
 *   half the multiply-adds.
 * - Rows are taken BLOCK at a time and transposed into a small column-major buffer, so each
 *   entry C[a][b] += Σ_{i in block} x_ia·x_ib is a contiguous dot product summed in registers,
 *   instead of a load-add-store on C for every single product (see accumulateUpper).
 */
export function covarianceOfRows(x: Dense, mean: Float64Array): Dense {
  const { rows: n, cols: d, data } = x;
  const c = new Float64Array(d * d);
  const block = new Float64Array(d * BLOCK);
  for (let start = 0; start < n; start += BLOCK) {
    const m = Math.min(BLOCK, n - start);
    for (let i = 0; i < m; i++) {
      const row = (start + i) * d;
      for (let f = 0; f < d; f++) block[f * BLOCK + i] = data[row + f] - mean[f];
    }
    accumulateUpper(block, m, d, c);
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

/**
 * C[a][b] += Σ_i col_a[i]·col_b[i] for b ≥ a over one column-major block, two columns of each
 * side at a time: four running sums share four loads per row (a 2×2 register tile, as in a
 * matrix-multiply kernel), so each product costs one load instead of two.
 */
function accumulateUpper(block: Float64Array, m: number, d: number, c: Float64Array): void {
  for (let a = 0; a < d; a += 2) {
    const a0 = a * BLOCK, a1 = (a + 1) * BLOCK;
    const pair = a + 1 < d;
    for (let b = a; b < d; b += 2) {
      const b0 = b * BLOCK, b1 = (b + 1) * BLOCK;
      let s00 = 0, s01 = 0, s10 = 0, s11 = 0;
      if (pair && b + 1 < d) {
        for (let i = 0; i < m; i++) {
          const x0 = block[a0 + i], x1 = block[a1 + i], y0 = block[b0 + i], y1 = block[b1 + i];
          s00 += x0 * y0;
          s01 += x0 * y1;
          s10 += x1 * y0;
          s11 += x1 * y1;
        }
        c[a * d + b + 1] += s01;
        c[(a + 1) * d + b + 1] += s11;
      } else {
        for (let i = 0; i < m; i++) {
          const y0 = block[b0 + i];
          s00 += block[a0 + i] * y0;
          if (pair) s10 += block[a1 + i] * y0;
        }
      }
      c[a * d + b] += s00;
      // (a + 1, a) lies below the diagonal when b = a: it is overwritten by the mirroring.
      if (pair) c[(a + 1) * d + b] += s10;
    }
  }
}

/** Column means of a dense matrix. */
export function columnMeans(x: Dense): Float64Array {
  const { rows: n, cols: d, data } = x;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) mean[f] += data[i * d + f];
  for (let f = 0; f < d; f++) mean[f] /= n;
  return mean;
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
