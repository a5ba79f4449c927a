import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { checkPositiveInt, checkRange, fail, toRows, toVector } from '../core/validate.ts';
import { centerData, interceptFromMeans } from './center.ts';
import type { CoordinateDescentStep } from './coordinate-descent.ts';
import { coordinateDescent } from './coordinate-descent.ts';
import { LinearRegressorBase } from './regressor-base.ts';
import { runToEnd } from '../core/run-to-end.ts';

export interface ElasticNetOptions {
  /** Overall penalty strength α. */
  alpha: number;
  /** Mix of the penalties: 1 = pure L1 (lasso), 0 = pure L2. */
  l1Ratio: number;
  fitIntercept: boolean;
  /** Stop when the duality gap is below tol·‖y‖². */
  tol: number;
  maxIter: number;
}

const defaults: ElasticNetOptions = { alpha: 1, l1Ratio: 0.5, fitIntercept: true, tol: 1e-4, maxIter: 1000 };

/**
 * Elastic net: w minimising (1/2n)‖y − Xw‖² + α·l1Ratio‖w‖₁ + ½α(1 − l1Ratio)‖w‖²
 * (scikit-learn's objective), by cyclic coordinate descent. `steps` yields the coefficients after each sweep.
 */
export class ElasticNet extends LinearRegressorBase {
  readonly params: Readonly<ElasticNetOptions>;
  protected readonly name: string = 'ElasticNet';
  /** Sweeps run by the last fit. */
  nIter?: number;
  /** Duality gap at the end of the last fit. */
  dualGap?: number;

  constructor(options: Partial<ElasticNetOptions> = {}) {
    super();
    this.params = { ...defaults, ...options };
  }

  /** Runs coordinate descent to convergence; sets coef, intercept, nIter and dualGap. */
  fit(X: MatrixLike, y: VectorLike): this {
    runToEnd(this.steps(X, y));
    return this;
  }

  /** One state per coordinate-descent sweep; the fitted attributes follow the latest sweep. */
  *steps(X: MatrixLike, y: VectorLike): Generator<CoordinateDescentStep & { intercept: number }, void, void> {
    const where = `${this.name}.fit`;
    const rows = toRows(X, where);
    const target = toVector(y, where, { length: rows.length });
    const { alpha, l1Ratio, fitIntercept, tol, maxIter } = this.params;
    if (!(alpha >= 0)) fail(where, `alpha must be ≥ 0, got ${alpha}`);
    checkRange(l1Ratio, where, 'l1Ratio', 0, 1);
    if (!(tol > 0)) fail(where, `tol must be > 0, got ${tol}`);
    checkPositiveInt(maxIter, where, 'maxIter');
    const c = centerData(rows, target, fitIntercept);
    const n = c.X.rows;
    const w = new Float64Array(c.X.cols);
    this.nFeaturesIn = c.X.cols;
    // The 1/(2n) on the loss becomes n on the penalties: l1Reg = nα·l1Ratio, l2Reg = nα(1 − l1Ratio).
    for (const step of coordinateDescent(c.X, c.y, w, alpha * l1Ratio * n, alpha * (1 - l1Ratio) * n, tol, maxIter)) {
      const intercept = fitIntercept ? interceptFromMeans(step.coef, c.xMean, c.yMean) : 0;
      this.coef = step.coef;
      this.intercept = intercept;
      this.nIter = step.iteration;
      if (step.gap !== null) this.dualGap = step.gap / n;
      yield { ...step, intercept };
    }
  }
}

export type LassoOptions = Omit<ElasticNetOptions, 'l1Ratio'>;

/** Lasso: linear regression with an L1 penalty, (1/2n)‖y − Xw‖² + α‖w‖₁; drives weak coefficients to exactly 0. */
export class Lasso extends ElasticNet {
  protected override readonly name: string = 'Lasso';

  constructor(options: Partial<LassoOptions> = {}) {
    super({ ...options, l1Ratio: 1 });
  }
}
