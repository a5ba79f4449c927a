import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { toRows, toVector } from '../core/validate.ts';
import { centerData, interceptFromMeans } from './center.ts';
import { reduceByQR } from './householder-qr.ts';
import { LinearRegressorBase } from './regressor-base.ts';

export interface LinearRegressionOptions {
  fitIntercept: boolean;
}

/**
 * Ordinary least squares: w minimising ‖y − Xw − b‖². A rank-deficient X (duplicated or constant
 * columns) gets the minimum-norm solution, as numpy's lstsq gives: through the SVD, unless X is
 * tall and of full rank once its all-zero columns are set aside (then QR and back substitution).
 */
export class LinearRegression extends LinearRegressorBase {
  readonly params: Readonly<LinearRegressionOptions>;
  protected readonly name = 'LinearRegression';
  /** Numerical rank of the (centered) design matrix. */
  rank?: number;
  /** Singular values of the (centered) design matrix, largest first (computed when first read, after a fit that needed none). */
  declare singular?: number[];

  constructor(options: Partial<LinearRegressionOptions> = {}) {
    super();
    this.params = { fitIntercept: true, ...options };
  }

  /** Solves the least-squares problem; sets coef, intercept, rank and singular. */
  fit(X: MatrixLike, y: VectorLike): this {
    const where = 'LinearRegression.fit';
    const rows = toRows(X, where);
    const target = toVector(y, where, { length: rows.length });
    const c = centerData(rows, target, this.params.fitIntercept);
    const { rows: n, cols: d } = c.X;
    const solved = fullRankFit(c.X.data, c.y, n, d) ?? minimumNormFit(c.X.data, c.y, n, d);
    this.coef = solved.coef;
    this.rank = solved.rank;
    // Computed when first read: most fits never need them (see fullRankFit).
    let values: number[] | undefined;
    Object.defineProperty(this, 'singular', { enumerable: true, configurable: true, get: () => (values ??= solved.singular()) });
    this.intercept = this.params.fitIntercept ? interceptFromMeans(this.coef, c.xMean, c.yMean) : 0;
    this.nFeaturesIn = d;
    return this;
  }
}

interface LeastSquaresFit {
  coef: number[];
  rank: number;
  /** The singular values of X, largest first. */
  singular(): number[];
}

/**
 * The solution of a tall X of full rank once its all-zero columns are set aside (a constant
 * column, such as PolynomialFeatures' bias, is all zero once centred; its coefficient in the
 * minimum-norm solution is 0), by QR and back substitution: no SVD, which made a 30 × 13 fit
 * 1.4–2× slower. Undefined when X is wide or its R is not clearly of full rank (fullRankSolution).
 */
function fullRankFit(x: Float64Array, y: Float64Array, n: number, d: number): LeastSquaresFit | undefined {
  const kept: number[] = [];
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) {
      if (x[i * d + j] !== 0) {
        kept.push(j);
        break;
      }
    }
  }
  const p = kept.length;
  if (p === 0 || n <= p) return undefined;
  let columns = x;
  if (p < d) {
    columns = new Float64Array(n * p);
    for (let i = 0; i < n; i++) for (let q = 0; q < p; q++) columns[i * p + q] = x[i * d + kept[q]];
  }
  const reduced = reduceByQR(columns, n, p, y);
  const w = fullRankSolution(reduced.r, reduced.qty, p, Math.max(n, d));
  if (!w) return undefined;
  const coef = new Array<number>(d).fill(0);
  kept.forEach((j, q) => (coef[j] = w[q]));
  // R has X's nonzero singular values; the columns set aside add zeros.
  return { coef, rank: p, singular: () => [...svdOf(reduced.r, p, p).s, ...new Array<number>(d - p).fill(0)] };
}

/**
 * The minimum-norm solution through the SVD, for any X, as numpy's lstsq gives: a tall X is first
 * reduced to its d × d factor R, whose SVD is far cheaper and gives the same solution.
 */
function minimumNormFit(x: Float64Array, y: Float64Array, n: number, d: number): LeastSquaresFit {
  const tall = n > d;
  const reduced = tall ? reduceByQR(x, n, d, y) : { r: x, qty: y };
  const m = tall ? d : n;
  const { s, U, V } = svdOf(reduced.r, m, d);
  // Singular values below max(n, d)·ε·s_max are treated as zero (numpy's rank rule).
  const cutoff = Math.max(n, d) * Number.EPSILON * (s[0] ?? 0);
  // w = V · diag(1/s_k for s_k above the cutoff) · Uᵀ y
  const coef = new Array<number>(d).fill(0);
  let rank = 0;
  for (let k = 0; k < s.length; k++) {
    if (!(s[k] > cutoff)) continue;
    rank++;
    let uty = 0;
    for (let i = 0; i < m; i++) uty += U.get(i, k) * reduced.qty[i];
    const scale = uty / s[k];
    for (let j = 0; j < d; j++) coef[j] += V.get(j, k) * scale;
  }
  return { coef, rank, singular: () => s };
}

/** The SVD of an m × d matrix stored row-major: singular values (largest first) and both factors. */
function svdOf(a: Float64Array, m: number, d: number) {
  const A = new Matrix(m, d);
  for (let i = 0; i < m; i++) for (let j = 0; j < d; j++) A.set(i, j, a[i * d + j]);
  const svd = new SingularValueDecomposition(A, { autoTranspose: true });
  return { s: Array.from(svd.diagonal), U: svd.leftSingularVectors, V: svd.rightSingularVectors };
}

/**
 * w solving R w = Qᵀy by back substitution when R (d × d, upper triangular) has full rank by
 * numpy's rule (no singular value at or below size·ε·s_max), else undefined. Checked with bounds
 * that need no SVD: s_max ≤ ‖R‖_F and s_min ≥ 1/‖R⁻¹‖_F, so ‖R‖_F·‖R⁻¹‖_F·size·ε < 1 is enough.
 */
function fullRankSolution(r: Float64Array, qty: Float64Array, d: number, size: number): number[] | undefined {
  // R⁻¹ is upper triangular too: row i from the rows below it, X_ij = (δ_ij − Σ_{i<k≤j} R_ik X_kj) / R_ii.
  const inverse = new Float64Array(d * d);
  for (let i = d - 1; i >= 0; i--) {
    const pivot = r[i * d + i];
    if (pivot === 0) return undefined;
    inverse[i * d + i] = 1 / pivot;
    for (let j = i + 1; j < d; j++) {
      let sum = 0;
      for (let k = i + 1; k <= j; k++) sum += r[i * d + k] * inverse[k * d + j];
      inverse[i * d + j] = -sum / pivot;
    }
  }
  let normR = 0, normInverse = 0;
  for (let q = 0; q < d * d; q++) {
    normR += r[q] * r[q];
    normInverse += inverse[q] * inverse[q];
  }
  if (!(Math.sqrt(normR * normInverse) * size * Number.EPSILON < 1)) return undefined;
  const w = new Array<number>(d).fill(0);
  for (let i = d - 1; i >= 0; i--) {
    let sum = qty[i];
    for (let k = i + 1; k < d; k++) sum -= r[i * d + k] * w[k];
    w[i] = sum / r[i * d + i];
  }
  return w;
}
