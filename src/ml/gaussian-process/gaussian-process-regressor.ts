import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { fail, toRows, toVector } from '../core/validate.ts';
import { r2Score } from '../metrics/regression.ts';
import { cholesky, solveLower, solveUpperTransposed } from './cholesky.ts';
import { ConstantKernel, RBF, type Kernel } from './kernels.ts';

export interface GaussianProcessRegressorOptions {
  /** The prior covariance; default ConstantKernel(1) · RBF(1), as scikit-learn's. Its hyperparameters are used as given. */
  kernel: Kernel | null;
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

const defaults: GaussianProcessRegressorOptions = { kernel: null, alpha: 1e-10, normalizeY: false };

/**
 * Gaussian process regression (scikit-learn's GaussianProcessRegressor with optimizer=None):
 * with K = k(X, X) + αI = LLᵀ, the posterior at x* has mean k*ᵀK⁻¹y and variance
 * k(x*, x*) − ‖L⁻¹k*‖². Before fit, predict gives the prior (mean 0).
 * Fitted: `XTrain`, `yTrain`, `L`, `alphaVector` (K⁻¹y), `logMarginalLikelihoodValue`.
 */
export class GaussianProcessRegressor {
  readonly params: Readonly<GaussianProcessRegressorOptions>;
  readonly kernel: Kernel;
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

  constructor(options: Partial<GaussianProcessRegressorOptions> = {}) {
    this.params = { ...defaults, ...options };
    this.kernel = this.params.kernel ?? new ConstantKernel({ constantValue: 1 }).times(new RBF({ lengthScale: 1 }));
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
    const K = this.kernel.matrix(rows);
    for (let i = 0; i < n; i++) K[i][i] += noise[i];
    const L = cholesky(K);
    if (L === null) {
      fail(where, `the kernel ${this.kernel} does not give a positive definite K(X, X) + αI; increase alpha (now ${typeof alpha === 'number' ? alpha : 'per row'}) or remove duplicate rows`);
    }
    this.alphaVector = solveUpperTransposed(L, solveLower(L, yScaled));
    let logDet = 0;
    for (let i = 0; i < n; i++) logDet += Math.log(L[i][i]);
    const fit = yScaled.reduce((s, v, i) => s + v * this.alphaVector![i], 0);
    this.logMarginalLikelihoodValue = -0.5 * fit - logDet - (n / 2) * Math.log(2 * Math.PI);
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
