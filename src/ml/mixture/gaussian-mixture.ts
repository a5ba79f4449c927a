import { inverse, Matrix } from 'ml-matrix';
import { KMeans } from '../cluster/kmeans.ts';
import { plusPlusCenters } from '../cluster/kmeans-plus-plus.ts';
import { denseFromRows } from '../core/dense.ts';
import { toRandom, type Random } from '../core/random.ts';
import { checkFitted, checkOneOf, checkPositiveInt, checkRange, fail, toRows, type MatrixLike } from '../core/validate.ts';
import { cholesky } from '../gaussian-process/cholesky.ts';
import {
  estimateGaussianParameters, logGaussianDensities, logSumExp, precisionCholesky,
  type CovarianceType, type Covariances, type MixtureParameters,
} from './gaussian-parameters.ts';
import { checkInitialParameters } from './initial-parameters.ts';
import { runToEnd } from '../core/run-to-end.ts';

export type MixtureInit = 'kmeans' | 'k-means++' | 'random' | 'random_from_data';

export interface GaussianMixtureParams {
  nComponents: number;
  /** 'full': any ellipse; 'diag': ellipses along the axes; 'spherical': circles. */
  covarianceType: CovarianceType;
  /** Stop when the mean log-likelihood gains less than tol in one iteration. */
  tol: number;
  /** Added to the diagonal of every covariance, so none becomes singular. */
  regCovar: number;
  maxIter: number;
  /** Runs from different starts; the one with the highest log-likelihood wins. */
  nInit: number;
  /** How the first responsibilities are chosen (as scikit-learn's init_params). */
  initParams: MixtureInit;
  /** Starting weights, means or precisions (Σ⁻¹, in the covariances' shape); override initParams for that part. */
  weightsInit: number[] | null;
  meansInit: number[][] | null;
  precisionsInit: Covariances | null;
  seed: number;
}

/** One moment of EM as plain data, for a stepper. */
export interface GaussianMixtureStep {
  /** 'start': the initial parameters; 'e': responsibilities recomputed; 'm': parameters re-estimated. */
  phase: 'start' | 'e' | 'm';
  iteration: number;
  weights: number[];
  means: number[][];
  /** One d×d covariance matrix per component, whatever the covariance type (to draw ellipses). */
  covariances: number[][][];
  /** rᵢₖ = P(component k | xᵢ) from the latest E-step; null before the first. */
  responsibilities: number[][] | null;
  /** Mean log-likelihood per row under the parameters the latest E-step used (scikit-learn's lower bound); NaN at the start. */
  lowerBound: number;
  /** True on the M-step after which EM stops because the lower bound gained less than tol. */
  converged: boolean;
}

const defaults: GaussianMixtureParams = {
  nComponents: 1, covarianceType: 'full', tol: 1e-3, regCovar: 1e-6, maxIter: 100, nInit: 1,
  initParams: 'kmeans', weightsInit: null, meansInit: null, precisionsInit: null, seed: 0,
};

interface RunResult { parameters: MixtureParameters; lowerBound: number; nIter: number; converged: boolean }

/**
 * A mixture of Gaussians fitted by expectation–maximisation, as scikit-learn's GaussianMixture:
 * the E-step gives each row its responsibilities rᵢₖ = wₖ N(xᵢ | μₖ, Σₖ) / Σⱼ wⱼ N(xᵢ | μⱼ, Σⱼ),
 * the M-step re-estimates wₖ, μₖ, Σₖ from them; each pair raises the log-likelihood or keeps it.
 */
export class GaussianMixture {
  readonly params: Readonly<GaussianMixtureParams>;
  weights?: number[];
  means?: number[][];
  /** In scikit-learn's shape: k×d×d ('full'), k×d ('diag') or k ('spherical'). */
  covariances?: Covariances;
  /** Σ⁻¹ in the same shape as covariances. */
  precisions?: Covariances;
  /** scikit-learn's precisions_cholesky_: Pc with Σ⁻¹ = Pc·Pcᵀ, in the same shape. */
  precisionsCholesky?: Covariances;
  converged?: boolean;
  nIter?: number;
  lowerBound?: number;
  private fitted?: MixtureParameters;

  constructor(params: Partial<GaussianMixtureParams> = {}) {
    this.params = { ...defaults, ...params };
  }

  /** Runs EM nInit times and keeps the run with the highest final lower bound. */
  fit(X: MatrixLike): this {
    const where = 'GaussianMixture.fit';
    const { rows, random } = this.prepare(X, where);
    let best: RunResult | undefined;
    for (let init = 0; init < this.params.nInit; init++) {
      const result = runToEnd(this.em(rows, random, where));
      if (best === undefined || result.lowerBound > best.lowerBound) best = result;
    }
    this.setFitted(best!);
    return this;
  }

  /**
   * The first run of fit, one half-step at a time: the start, then each E-step and each M-step
   * (see GaussianMixtureStep); then sets the fitted attributes.
   */
  *steps(X: MatrixLike): Generator<GaussianMixtureStep, this> {
    const where = 'GaussianMixture.steps';
    const { rows, random } = this.prepare(X, where);
    const run = this.em(rows, random, where);
    let result = run.next();
    while (!result.done) {
      yield result.value;
      result = run.next();
    }
    this.setFitted(result.value);
    return this;
  }

  /** Fits, then labels the training rows by their most responsible component. */
  fitPredict(X: MatrixLike): number[] {
    return this.fit(X).predict(X);
  }

  /** P(component k | xᵢ) for every row: the responsibilities of an E-step (n × k). */
  predictProba(X: MatrixLike): number[][] {
    return this.logResponsibilities(X, 'GaussianMixture.predictProba').logResp.map((row) => row.map(Math.exp));
  }

  /** The most responsible component of every row. */
  predict(X: MatrixLike): number[] {
    return this.logResponsibilities(X, 'GaussianMixture.predict').logResp.map(argMax);
  }

  /** log p(xᵢ) = log Σₖ wₖ N(xᵢ | μₖ, Σₖ) for every row. */
  scoreSamples(X: MatrixLike): number[] {
    return this.logResponsibilities(X, 'GaussianMixture.scoreSamples').logNorm;
  }

  /** The mean log-likelihood per row. */
  score(X: MatrixLike): number {
    const logNorm = this.logResponsibilities(X, 'GaussianMixture.score').logNorm;
    return logNorm.reduce((s, v) => s + v, 0) / logNorm.length;
  }

  /** How many numbers the model has free: k·d means, the covariances' entries, k − 1 weights. */
  nParameters(): number {
    const means = checkFitted(this.means, 'GaussianMixture.nParameters');
    const k = means.length, d = means[0].length;
    const covarianceParameters = { full: (k * d * (d + 1)) / 2, diag: k * d, spherical: k }[this.params.covarianceType];
    return covarianceParameters + k * d + k - 1;
  }

  /** Bayesian information criterion: −2 log L + p log n (lower is better). */
  bic(X: MatrixLike): number {
    const n = toRows(X, 'GaussianMixture.bic').length;
    return -2 * this.score(X) * n + this.nParameters() * Math.log(n);
  }

  /** Akaike information criterion: −2 log L + 2p (lower is better). */
  aic(X: MatrixLike): number {
    const n = toRows(X, 'GaussianMixture.aic').length;
    return -2 * this.score(X) * n + 2 * this.nParameters();
  }

  /**
   * New rows drawn from the fitted mixture: how many come from each component is multinomial
   * in the weights; each is then μₖ + Lₖ z with Σₖ = Lₖ Lₖᵀ and z standard normal. Rows are
   * grouped by component, y says which (as scikit-learn).
   */
  sample(nSamples = 1, seed: number = this.params.seed): { X: number[][]; y: number[] } {
    const where = 'GaussianMixture.sample';
    const weights = checkFitted(this.weights, where);
    checkPositiveInt(nSamples, where, 'nSamples');
    const random = toRandom(seed);
    const counts = new Array<number>(weights.length).fill(0);
    for (let i = 0; i < nSamples; i++) counts[random.weighted(weights)]++;
    const X: number[][] = [];
    const y: number[] = [];
    covarianceMatrices(this.fitted!, this.params.covarianceType).forEach((cov, k) => {
      const L = cholesky(cov)!;
      const mu = this.means![k];
      for (let s = 0; s < counts[k]; s++) {
        const z = mu.map(() => random.normal());
        X.push(mu.map((m, a) => m + L[a].reduce((sum, l, b) => sum + l * z[b], 0)));
        y.push(k);
      }
    });
    return { X, y };
  }

  /** One EM run: yields the start and every half-step, returns the last parameters. */
  private *em(rows: number[][], random: Random, where: string): Generator<GaussianMixtureStep, RunResult> {
    const { covarianceType: type, maxIter, tol } = this.params;
    let parameters = this.initialParameters(rows, random, where);
    const snapshot = (phase: GaussianMixtureStep['phase'], iteration: number, resp: number[][] | null, lowerBound: number, converged = false): GaussianMixtureStep => ({
      phase, iteration, weights: parameters.weights.slice(), means: parameters.means.map((m) => m.slice()),
      covariances: covarianceMatrices(parameters, type), responsibilities: resp, lowerBound, converged,
    });
    yield snapshot('start', 0, null, NaN);
    let lowerBound = -Infinity;
    for (let iteration = 1; iteration <= maxIter; iteration++) {
      const previous = lowerBound;
      // E-step: rᵢₖ ∝ wₖ N(xᵢ | μₖ, Σₖ), and the mean log-likelihood of these parameters.
      const { logNorm, logResp } = eStep(rows, parameters);
      lowerBound = logNorm.reduce((s, v) => s + v, 0) / logNorm.length;
      const resp = logResp.map((row) => row.map(Math.exp));
      yield snapshot('e', iteration, resp, lowerBound);
      // M-step: wₖ = Nₖ / n, μₖ and Σₖ the responsibility-weighted mean and covariance.
      parameters = mStep(rows, resp, this.params.regCovar, type, where);
      const converged = Math.abs(lowerBound - previous) < tol;
      yield snapshot('m', iteration, resp, lowerBound, converged);
      if (converged) return { parameters, lowerBound, nIter: iteration, converged };
    }
    return { parameters, lowerBound, nIter: maxIter, converged: false };
  }

  /** As scikit-learn: responsibilities from initParams, their M-step, then the given inits override. */
  private initialParameters(rows: number[][], random: Random, where: string): MixtureParameters {
    const { nComponents: k, covarianceType: type, regCovar, weightsInit, meansInit, precisionsInit } = this.params;
    const n = rows.length, d = rows[0].length;
    const resp = initialResponsibilities(rows, k, this.params.initParams, random);
    const estimated = estimateGaussianParameters(rows, resp, regCovar, type);
    const weights = weightsInit?.slice() ?? estimated.nk.map((v) => v / n);
    const means = meansInit?.map((m) => m.slice()) ?? estimated.means;
    if (precisionsInit === null) {
      return { weights, means, covariances: estimated.covariances, precisionCholesky: precisionCholesky(estimated.covariances, type, d, where) };
    }
    // Given precisions P: Pc is the lower Cholesky factor of P, Σ its inverse.
    const precisionMatrices = toMatrices(precisionsInit, type, d);
    const precChol = precisionMatrices.map((P) => cholesky(P)!.map((row) => Array.from(row)));
    const covarianceMatrices = precisionMatrices.map((P) => inverse(new Matrix(P)).to2DArray());
    return { weights, means, covariances: fromMatrices(covarianceMatrices, type), precisionCholesky: precChol };
  }

  private prepare(X: MatrixLike, where: string): { rows: number[][]; random: Random } {
    const rows = toRows(X, where);
    const { nComponents: k, covarianceType, tol, regCovar, maxIter, nInit, initParams, seed } = this.params;
    checkPositiveInt(k, where, 'nComponents');
    if (rows.length < 2) fail(where, `X has ${rows.length} row; a mixture needs at least 2`);
    if (k > rows.length) fail(where, `nComponents = ${k} is more than the ${rows.length} rows of X; use fewer components`);
    checkOneOf(covarianceType, ['full', 'diag', 'spherical'], where, 'covarianceType');
    checkRange(tol, where, 'tol', 0, Infinity);
    checkRange(regCovar, where, 'regCovar', 0, Infinity);
    checkPositiveInt(maxIter, where, 'maxIter');
    checkPositiveInt(nInit, where, 'nInit');
    checkOneOf(initParams, ['kmeans', 'k-means++', 'random', 'random_from_data'], where, 'initParams');
    if (!Number.isFinite(seed)) fail(where, `seed must be a finite number, got ${seed}`);
    checkInitialParameters(this.params, rows[0].length, where);
    return { rows, random: toRandom(seed) };
  }

  private setFitted(result: RunResult): void {
    const type = this.params.covarianceType;
    const { parameters } = result;
    this.fitted = parameters;
    this.weights = parameters.weights;
    this.means = parameters.means;
    this.covariances = parameters.covariances;
    const precisions = parameters.precisionCholesky.map((Pc) => Pc.map((row) => Pc.map((other) => row.reduce((s, v, b) => s + v * other[b], 0))));
    this.precisions = fromMatrices(precisions, type);
    this.precisionsCholesky = fromMatrices(parameters.precisionCholesky, type);
    this.converged = result.converged;
    this.nIter = result.nIter;
    this.lowerBound = result.lowerBound;
  }

  private logResponsibilities(X: MatrixLike, where: string) {
    const parameters = checkFitted(this.fitted, where);
    const rows = toRows(X, where);
    const d = parameters.means[0].length;
    if (rows[0].length !== d) fail(where, `X has ${rows[0].length} features but the model was fitted on ${d}`);
    return eStep(rows, parameters);
  }
}

/** log p(xᵢ) and log rᵢₖ = log wₖ + log N(xᵢ | μₖ, Σₖ) − log p(xᵢ). */
function eStep(rows: number[][], parameters: MixtureParameters): { logNorm: number[]; logResp: number[][] } {
  const logWeights = parameters.weights.map(Math.log);
  const weighted = logGaussianDensities(rows, parameters.means, parameters.precisionCholesky).map((row) => row.map((v, k) => v + logWeights[k]));
  const logNorm = weighted.map(logSumExp);
  return { logNorm, logResp: weighted.map((row, i) => row.map((v) => v - logNorm[i])) };
}

function mStep(rows: number[][], resp: number[][], regCovar: number, type: CovarianceType, where: string): MixtureParameters {
  const { nk, means, covariances } = estimateGaussianParameters(rows, resp, regCovar, type);
  const total = nk.reduce((s, v) => s + v, 0);
  return { weights: nk.map((v) => v / total), means, covariances, precisionCholesky: precisionCholesky(covariances, type, rows[0].length, where) };
}

/** The responsibilities EM starts from (n × k), as scikit-learn's init_params. */
function initialResponsibilities(rows: number[][], k: number, init: MixtureInit, random: Random): number[][] {
  const n = rows.length;
  const oneHot = (labelOf: (i: number) => number) => rows.map((_, i) => Array.from({ length: k }, (_, j) => (labelOf(i) === j ? 1 : 0)));
  if (init === 'random') {
    return rows.map(() => {
      const r = Array.from({ length: k }, () => random.next());
      const sum = r.reduce((s, v) => s + v, 0);
      return r.map((v) => v / sum);
    });
  }
  if (init === 'kmeans') {
    const labels = new KMeans({ nClusters: k, nInit: 1, seed: random.int(2 ** 31) }).fit(rows).labels!;
    return oneHot((i) => labels[i]);
  }
  // One chosen row per component, responsible for it alone; the other rows for nothing yet.
  const chosen = init === 'random_from_data' ? random.sample(n, k) : plusPlusRows(rows, k, random);
  const componentOf = new Map(chosen.map((row, j) => [row, j]));
  return oneHot((i) => componentOf.get(i) ?? -1);
}

/** The indices of the rows k-means++ picks as centers. */
function plusPlusRows(rows: number[][], k: number, random: Random): number[] {
  const d = rows[0].length;
  const centers = plusPlusCenters(denseFromRows(rows), k, random);
  return Array.from({ length: k }, (_, j) => rows.findIndex((row) => row.every((v, f) => v === centers[j * d + f])));
}

/** Every component's covariance as a d×d matrix. */
function covarianceMatrices(parameters: MixtureParameters, type: CovarianceType): number[][][] {
  return toMatrices(parameters.covariances, type, parameters.means[0].length);
}

/** k matrices from a value in the covariances' shape. */
function toMatrices(values: Covariances, type: CovarianceType, d: number): number[][][] {
  if (type === 'full') return (values as number[][][]).map((m) => m.map((row) => row.slice()));
  const diagonals = type === 'diag' ? (values as number[][]) : (values as number[]).map((v) => new Array<number>(d).fill(v));
  return diagonals.map((diag) => diag.map((v, a) => diag.map((_, b) => (a === b ? v : 0))));
}

/** The covariances' shape from k matrices (their diagonal for 'diag', its first entry for 'spherical'). */
function fromMatrices(matrices: number[][][], type: CovarianceType): Covariances {
  if (type === 'full') return matrices;
  if (type === 'diag') return matrices.map((m) => m.map((row, f) => row[f]));
  return matrices.map((m) => m[0][0]);
}

function argMax(values: number[]): number {
  let best = 0;
  for (let j = 1; j < values.length; j++) if (values[j] > values[best]) best = j;
  return best;
}
