import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { fail, toRows, toVector } from '../core/validate.ts';
import { centerData, interceptFromMeans } from './center.ts';
import { LinearRegressorBase } from './regressor-base.ts';

export interface RidgeOptions {
  /** Strength of the L2 penalty α‖w‖². */
  alpha: number;
  fitIntercept: boolean;
}

/** Ridge regression: w minimising ‖y − Xw − b‖² + α‖w‖², in closed form (XᵀX + αI) w = Xᵀy. */
export class Ridge extends LinearRegressorBase {
  readonly params: Readonly<RidgeOptions>;
  protected readonly name = 'Ridge';

  constructor(options: Partial<RidgeOptions> = {}) {
    super();
    this.params = { alpha: 1, fitIntercept: true, ...options };
  }

  /** Solves the normal equations with the ridge on the diagonal (Cholesky). */
  fit(X: MatrixLike, y: VectorLike): this {
    const where = 'Ridge.fit';
    const rows = toRows(X, where);
    const target = toVector(y, where, { length: rows.length });
    const { alpha, fitIntercept } = this.params;
    if (!(alpha >= 0)) fail(where, `alpha must be ≥ 0, got ${alpha}`);
    const c = centerData(rows, target, fitIntercept);
    const n = c.X.rows, d = c.X.cols, x = c.X.data;
    // G = XᵀX + αI and r = Xᵀy, accumulated row by row over the flat buffer.
    const G = Matrix.zeros(d, d), r = Matrix.zeros(d, 1);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        const v = x[i * d + j];
        r.set(j, 0, r.get(j, 0) + v * c.y[i]);
        for (let k = j; k < d; k++) G.set(j, k, G.get(j, k) + v * x[i * d + k]);
      }
    }
    for (let j = 0; j < d; j++) {
      G.set(j, j, G.get(j, j) + alpha);
      for (let k = 0; k < j; k++) G.set(j, k, G.get(k, j));
    }
    const chol = new CholeskyDecomposition(G);
    if (!chol.isPositiveDefinite()) {
      fail(where, 'XᵀX + αI is singular (alpha = 0 with collinear features); use alpha > 0 or LinearRegression');
    }
    this.coef = chol.solve(r).getColumn(0);
    this.intercept = fitIntercept ? interceptFromMeans(this.coef, c.xMean, c.yMean) : 0;
    this.nFeaturesIn = d;
    return this;
  }
}
