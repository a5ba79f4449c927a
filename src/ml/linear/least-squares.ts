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
    const { rows: n, cols: d } = c.X;
    // A tall X (the usual case) is first reduced to its d × d factor R, whose SVD is far cheaper
    // and gives the same solution (fits 1.6× faster at 30 × 13, 5× at 1000 × 20).
    const tall = n > d;
    const reduced = tall ? reduceByQR(c.X.data, n, d, c.y) : { r: c.X.data, qty: c.y };
    const m = tall ? d : n;
    const A = new Matrix(m, d);
    for (let i = 0; i < m; i++) for (let j = 0; j < d; j++) A.set(i, j, reduced.r[i * d + j]);
    const svd = new SingularValueDecomposition(A, { autoTranspose: true });
    const s = svd.diagonal, U = svd.leftSingularVectors, V = svd.rightSingularVectors;
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
    this.coef = coef;
    this.intercept = this.params.fitIntercept ? interceptFromMeans(coef, c.xMean, c.yMean) : 0;
    this.rank = rank;
    this.singular = Array.from(s);
    this.nFeaturesIn = d;
    return this;
  }
}
