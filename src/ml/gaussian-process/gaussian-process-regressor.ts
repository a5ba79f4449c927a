import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { checkFitted, fail, toRows, toVector } from '../core/validate.ts';
import { r2Score } from '../metrics/regression.ts';
import { lbfgs } from '../optim/lbfgs.ts';
import { cholesky, solveLower, solveUpperTransposed } from './cholesky.ts';
import { ConstantKernel, RBF, type Kernel } from './kernels.ts';

export interface GaussianProcessRegressorOptions {
  /** The prior covariance; default ConstantKernel(1, fixed) · RBF(1, fixed), as scikit-learn's. */
  kernel: Kernel | null;
  /**
   * 'lbfgs' (scikit-learn's default 'fmin_l_bfgs_b'): fit the kernel's hyperparameters that are
   * not fixed by maximising the log marginal likelihood from their given values; null: use them as given.
   */
  optimizer: 'lbfgs' | null;
  /** Added to the diagonal of K(X, X): the noise variance of each observation (one value, or one per row). */
  alpha: number | readonly number[];
  /** Subtract y's mean and divide by its standard deviation before fitting (the prior then has y's scale). */
  normalizeY: boolean;
}

/** Posterior mean and standard deviation at each point. */
export interface GPPrediction {
  mean: number[];
  std: number[];
}

/** Posterior mean and full covariance matrix. */
export interface GPCovariance {
  mean: number[];
  cov: number[][];
}

const defaults: GaussianProcessRegressorOptions = { kernel: null, optimizer: 'lbfgs', alpha: 1e-10, normalizeY: false };

/**
 * Gaussian process regression (scikit-learn's GaussianProcessRegressor): with
 * K = k(X, X) + αI = LLᵀ, the posterior at x* has mean k*ᵀK⁻¹y and variance
 * k(x*, x*) − ‖L⁻¹k*‖². Before fit, predict gives the prior (mean 0). With optimizer 'lbfgs' the
 * kernel's free hyperparameters are first fitted by maximising log p(y | X) (one start, as
 * scikit-learn's n_restarts_optimizer = 0).
 * Fitted: `kernel` (with the fitted hyperparameters), `XTrain`, `yTrain`, `L`, `alphaVector`
 * (K⁻¹y), `logMarginalLikelihoodValue`.
 */
export class GaussianProcessRegressor {
  readonly params: Readonly<GaussianProcessRegressorOptions>;
  /** The prior's kernel before fit; after fit, with the fitted hyperparameters (scikit-learn's kernel_). */
  kernel: Kernel;
  XTrain?: number[][];
  yTrain?: number[];
  L?: Float64Array[];
  /** K⁻¹(y − mean)/std: the weights of the training points in the posterior mean (scikit-learn's alpha_). */
  alphaVector?: Float64Array;
  /** log p(y | X) under the kernel, for the normalised y (scikit-learn's log_marginal_likelihood_value_). */
  logMarginalLikelihoodValue?: number;
  nFeaturesIn?: number;
  private yMean = 0;
  private yStd = 1;
  private noise: number[] = [];
  private yScaled: number[] = [];

  constructor(options: Partial<GaussianProcessRegressorOptions> = {}) {
    this.params = { ...defaults, ...options };
    this.kernel = this.priorKernel();
  }

  private priorKernel(): Kernel {
    return this.params.kernel ?? new ConstantKernel({ constantValue: 1, constantValueBounds: 'fixed' }).times(new RBF({ lengthScale: 1, lengthScaleBounds: 'fixed' }));
  }

  /** Factorises K(X, X) + αI once; every prediction reuses it. */
  fit(X: MatrixLike, y: VectorLike): this {
    const where = 'GaussianProcessRegressor.fit';
    const rows = toRows(X, where);
    const target = toVector(y, where, { length: rows.length });
    const n = rows.length;
    const { alpha, normalizeY } = this.params;
    const noise = typeof alpha === 'number' ? new Array<number>(n).fill(alpha) : toVector(alpha, where, { name: 'alpha' });
    if (noise.length !== n) fail(where, `alpha has ${noise.length} values but X has ${n} rows; give one value or one per row`);
    if (!noise.every((a) => a >= 0)) fail(where, 'alpha must be ≥ 0');
    if (normalizeY) {
      this.yMean = target.reduce((a, b) => a + b, 0) / n;
      const std = Math.sqrt(target.reduce((a, v) => a + (v - this.yMean) ** 2, 0) / n);
      this.yStd = std > 0 ? std : 1;
    } else {
      this.yMean = 0;
      this.yStd = 1;
    }
    const yScaled = target.map((v) => (v - this.yMean) / this.yStd);
    const { optimizer } = this.params;
    if (optimizer !== null && optimizer !== 'lbfgs') fail(where, `optimizer must be 'lbfgs' or null, got ${String(optimizer)}`);
    let kernel = this.priorKernel();
    if (optimizer === 'lbfgs' && kernel.theta.length > 0) kernel = kernel.withTheta(maximiseEvidence(kernel, rows, yScaled, noise));
    const factor = factorise(kernel, rows, yScaled, noise);
    if (factor === null) {
      fail(where, `the kernel ${kernel} does not give a positive definite K(X, X) + αI; increase alpha (now ${typeof alpha === 'number' ? alpha : 'per row'}) or remove duplicate rows`);
    }
    const L = factor.L;
    this.kernel = kernel;
    this.alphaVector = factor.alpha;
    this.logMarginalLikelihoodValue = factor.logMarginalLikelihood;
    this.noise = noise;
    this.yScaled = yScaled;
    this.L = L;
    this.XTrain = rows.map((r) => r.slice());
    this.yTrain = target;
    this.nFeaturesIn = rows[0].length;
    return this;
  }

  /** The posterior mean; with returnStd its standard deviation too, with returnCov the full covariance. */
  predict(X: MatrixLike): number[];
  predict(X: MatrixLike, options: { returnStd: true }): GPPrediction;
  predict(X: MatrixLike, options: { returnCov: true }): GPCovariance;
  predict(X: MatrixLike, options: { returnStd?: boolean; returnCov?: boolean } = {}): number[] | GPPrediction | GPCovariance {
    const where = 'GaussianProcessRegressor.predict';
    const rows = toRows(X, where);
    if (options.returnStd && options.returnCov) fail(where, 'ask for returnStd or returnCov, not both');
    if (this.nFeaturesIn !== undefined && rows[0].length !== this.nFeaturesIn) {
      fail(where, `X has ${rows[0].length} features but the model was fitted on ${this.nFeaturesIn}`);
    }
    const s2 = this.yStd * this.yStd;
    if (this.L === undefined) {
      // Not fitted: the prior, mean 0 and covariance k(X, X)
      const mean = rows.map(() => 0);
      if (options.returnCov) return { mean, cov: this.kernel.matrix(rows) };
      if (options.returnStd) return { mean, std: this.kernel.diag(rows).map((v) => Math.sqrt(v)) };
      return mean;
    }
    const Ks = this.kernel.matrix(rows, this.XTrain!); // k(x*, X)
    const mean = Ks.map((k) => this.yStd * k.reduce((s, v, i) => s + v * this.alphaVector![i], 0) + this.yMean);
    if (!options.returnStd && !options.returnCov) return mean;
    const V = Ks.map((k) => solveLower(this.L!, k)); // L⁻¹k* per point
    if (options.returnCov) {
      const prior = this.kernel.matrix(rows);
      const cov = prior.map((row, i) => row.map((v, j) => (v - dot(V[i], V[j])) * s2));
      return { mean, cov };
    }
    const prior = this.kernel.diag(rows);
    // Rounding can make a variance slightly negative where the posterior is certain: clamp at 0 as scikit-learn does.
    const std = prior.map((v, i) => Math.sqrt(Math.max(0, v - dot(V[i], V[i])) * s2));
    return { mean, std };
  }

  /**
   * log p(y | X) of the fitted data under the kernel with hyperparameters exp(theta) (default: the
   * fitted ones), for drawing the evidence against a length scale. −Infinity where K is not positive definite.
   */
  logMarginalLikelihood(theta?: readonly number[]): number {
    const where = 'GaussianProcessRegressor.logMarginalLikelihood';
    const X = checkFitted(this.XTrain, where);
    if (theta === undefined) return this.logMarginalLikelihoodValue!;
    const size = this.kernel.theta.length;
    if (!Array.isArray(theta) || theta.length !== size) fail(where, `theta must have ${size} values (the logs of the kernel's free hyperparameters), got ${JSON.stringify(theta)}`);
    return factorise(this.kernel.withTheta(theta), X, this.yScaled, this.noise)?.logMarginalLikelihood ?? -Infinity;
  }

  /** R² of the posterior mean on (X, y). */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    return r2Score(toVector(y, 'GaussianProcessRegressor.score', { length: predicted.length }), predicted);
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Cholesky factor of K(X, X) + noise, K⁻¹y and log p(y | X) = −½yᵀK⁻¹y − Σ log Lᵢᵢ − (n/2) log 2π; null if K is not positive definite. */
function factorise(kernel: Kernel, X: number[][], y: number[], noise: number[]): { L: Float64Array[]; alpha: Float64Array; logMarginalLikelihood: number } | null {
  const n = X.length;
  const K = kernel.matrix(X);
  for (let i = 0; i < n; i++) K[i][i] += noise[i];
  const L = cholesky(K);
  if (L === null) return null;
  const alpha = solveUpperTransposed(L, solveLower(L, y));
  let logDet = 0;
  for (let i = 0; i < n; i++) logDet += Math.log(L[i][i]);
  const fit = y.reduce((s, v, i) => s + v * alpha[i], 0);
  return { L, alpha, logMarginalLikelihood: -0.5 * fit - logDet - (n / 2) * Math.log(2 * Math.PI) };
}

/**
 * The theta that maximises log p(y | X) within the kernel's bounds, by L-BFGS from the kernel's
 * own theta (gradients by central differences in log space; outside the bounds, or where K is not
 * positive definite, the objective has no value and the line search steps back).
 */
function maximiseEvidence(kernel: Kernel, X: number[][], y: number[], noise: number[]): number[] {
  const bounds = kernel.bounds;
  const negative = (theta: ArrayLike<number>): number => {
    for (let j = 0; j < theta.length; j++) if (!(theta[j] >= bounds[j][0] && theta[j] <= bounds[j][1])) return NaN;
    const f = factorise(kernel.withTheta(Array.from(theta)), X, y, noise);
    return f === null ? NaN : -f.logMarginalLikelihood;
  };
  // A start where K is not positive definite is reported by fit, with its message.
  if (Number.isNaN(negative(kernel.theta))) return kernel.theta;
  const h = 1e-6;
  let best = Float64Array.from(kernel.theta);
  for (const step of lbfgs((theta, grad) => {
    const value = negative(theta);
    const probe = Float64Array.from(theta);
    for (let j = 0; j < theta.length; j++) {
      probe[j] = theta[j] + h;
      const up = negative(probe);
      probe[j] = theta[j] - h;
      const down = negative(probe);
      probe[j] = theta[j];
      // one-sided at a bound, where one probe falls outside
      grad[j] = Number.isNaN(up) ? (value - down) / h : Number.isNaN(down) ? (up - value) / h : (up - down) / (2 * h);
    }
    return value;
  }, kernel.theta, { maxIter: 15000, gtol: 1e-5 })) best = Float64Array.from(step.x);
  return Array.from(best);
}
