import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { toRows, toVector } from '../core/validate.ts';
import { centerData, interceptFromMeans } from './center.ts';
import { LinearRegressorBase } from './regressor-base.ts';

export interface LinearRegressionOptions {
  fitIntercept: boolean;
}

/**
 * Ordinary least squares: w minimising ‖y − Xw − b‖². Solved through the SVD, so a rank-deficient
 * X (duplicated or constant columns) gets the minimum-norm solution, as numpy's lstsq gives.
 */
export class LinearRegression extends LinearRegressorBase {
  readonly params: Readonly<LinearRegressionOptions>;
  protected readonly name = 'LinearRegression';
  /** Numerical rank of the (centered) design matrix. */
  rank?: number;
  singular?: number[];

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
    const A = new Matrix(c.X.rows, c.X.cols);
    for (let i = 0; i < c.X.rows; i++) for (let j = 0; j < c.X.cols; j++) A.set(i, j, c.X.data[i * c.X.cols + j]);
    const svd = new SingularValueDecomposition(A, { autoTranspose: true });
    const s = svd.diagonal, U = svd.leftSingularVectors, V = svd.rightSingularVectors;
    // Singular values below max(n, d)·ε·s_max are treated as zero (numpy's rank rule).
    const cutoff = Math.max(c.X.rows, c.X.cols) * Number.EPSILON * (s[0] ?? 0);
    // w = V · diag(1/s_k for s_k above the cutoff) · Uᵀ y
    const coef = new Array<number>(c.X.cols).fill(0);
    let rank = 0;
    for (let k = 0; k < s.length; k++) {
      if (!(s[k] > cutoff)) continue;
      rank++;
      let uty = 0;
      for (let i = 0; i < c.X.rows; i++) uty += U.get(i, k) * c.y[i];
      const scale = uty / s[k];
      for (let j = 0; j < c.X.cols; j++) coef[j] += V.get(j, k) * scale;
    }
    this.coef = coef;
    this.intercept = this.params.fitIntercept ? interceptFromMeans(coef, c.xMean, c.yMean) : 0;
    this.rank = rank;
    this.singular = Array.from(s);
    this.nFeaturesIn = c.X.cols;
    return this;
  }
}
