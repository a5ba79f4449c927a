import { toDense } from '../core/dense-input.ts';
import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { checkPositiveInt, fail, toVector } from '../core/validate.ts';
import { lbfgs } from '../optim/lbfgs.ts';
import { huberObjective } from './huber-loss.ts';
import { LinearRegressorBase } from './regressor-base.ts';
import { runToEnd } from '../core/run-to-end.ts';

export interface HuberRegressorOptions {
  /** Residuals beyond ε·scale count linearly, not squared (≥ 1; scikit-learn's default 1.35 keeps 95% efficiency on Gaussian noise). */
  epsilon: number;
  /** L2 penalty α‖w‖² on the coefficients (not the intercept). */
  alpha: number;
  fitIntercept: boolean;
  /** L-BFGS iterations at most. */
  maxIter: number;
  /** Stop when the largest gradient entry is ≤ tol (scipy's gtol). */
  tol: number;
}

/** The state after one L-BFGS iteration. */
export interface HuberStep {
  iteration: number;
  coef: number[];
  intercept: number;
  scale: number;
  /** The objective Σ (σ + H_ε(r/σ)σ) + α‖w‖² at this point. */
  objective: number;
  converged: boolean;
}

const defaults: HuberRegressorOptions = { epsilon: 1.35, alpha: 1e-4, fitIntercept: true, maxIter: 100, tol: 1e-5 };

/**
 * Linear regression robust to outliers (scikit-learn's HuberRegressor): squared loss for
 * residuals within ε·scale, absolute loss beyond, with the scale σ fitted jointly by L-BFGS.
 * Fitted: `coef`, `intercept`, `scale`, `outliers` (|residual| > ε·scale), `nIter`.
 */
export class HuberRegressor extends LinearRegressorBase {
  readonly params: Readonly<HuberRegressorOptions>;
  protected readonly name = 'HuberRegressor';
  scale?: number;
  outliers?: boolean[];
  nIter?: number;

  constructor(options: Partial<HuberRegressorOptions> = {}) {
    super();
    this.params = { ...defaults, ...options };
  }

  /** Minimises the Huber objective from w = 0, b = 0, σ = 1 (scikit-learn's start). */
  fit(X: MatrixLike, y: VectorLike): this {
    runToEnd(this.steps(X, y));
    return this;
  }

  /** One state per L-BFGS iteration; the fitted attributes follow the latest one. */
  *steps(X: MatrixLike, y: VectorLike): Generator<HuberStep, void, void> {
    const where = 'HuberRegressor.fit';
    const data = toDense(X, where, { copy: false });
    const target = toVector(y, where, { length: data.rows });
    const { epsilon, alpha, fitIntercept, maxIter, tol } = this.params;
    if (!(epsilon >= 1) || !Number.isFinite(epsilon)) fail(where, `epsilon must be a number ≥ 1, got ${epsilon}`);
    if (!(alpha >= 0) || !Number.isFinite(alpha)) fail(where, `alpha must be a number ≥ 0, got ${alpha}`);
    if (!(tol > 0)) fail(where, `tol must be > 0, got ${tol}`);
    checkPositiveInt(maxIter, where, 'maxIter');
    const d = data.cols;
    this.nFeaturesIn = d;
    const theta0 = new Float64Array(d + 2);
    theta0[d + 1] = 1;
    const objective = huberObjective(data, target, epsilon, alpha, fitIntercept);
    const emit = (iteration: number, theta: Float64Array, value: number, converged: boolean): HuberStep => {
      this.coef = Array.from(theta.subarray(0, d));
      this.intercept = fitIntercept ? theta[d] : 0;
      this.scale = theta[d + 1];
      this.nIter = iteration;
      this.outliers = target.map((v, i) => {
        let p = this.intercept!;
        for (let j = 0; j < d; j++) p += theta[j] * data.data[i * d + j];
        return Math.abs(v - p) > epsilon * this.scale!;
      });
      return { iteration, coef: this.coef, intercept: this.intercept, scale: this.scale, objective: value, converged };
    };
    for (const s of lbfgs(objective, theta0, { maxIter, gtol: tol })) yield emit(s.iteration, s.x, s.loss, s.converged);
  }
}
