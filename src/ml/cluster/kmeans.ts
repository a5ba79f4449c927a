import { columnMeans, denseFromRows, squaredDistance, type Dense } from '../core/dense.ts';
import { toDense, type DenseLike } from '../core/dense-input.ts';
import { toRandom, type Random } from '../core/random.ts';
import { checkFitted, checkPositiveInt, checkRange, fail, toRows, type MatrixLike } from '../core/validate.ts';
import { assignToNearest } from './assign-update.ts';
import { plusPlusCenters } from './kmeans-plus-plus.ts';
import { hamerlySteps, type LloydState } from './hamerly.ts';
import { runToEnd } from '../core/run-to-end.ts';

export interface KMeansParams {
  nClusters: number;
  /** 'k-means++' (spread-out seeding), 'random' (k distinct rows) or the initial centers themselves. */
  init: 'k-means++' | 'random' | number[][];
  /** Runs from different seeds; the one with the lowest inertia wins. 'auto': 1 for k-means++, 10 for random. */
  nInit: number | 'auto';
  maxIter: number;
  /** Stop when Σ‖centre shift‖² ≤ tol × (mean variance of the features), as scikit-learn. */
  tol: number;
  seed: number;
}

/** One step of k-means as plain data: after an assign step or after an update step. */
export interface KMeansStep {
  phase: 'assign' | 'update';
  iteration: number;
  centers: number[][];
  labels: number[];
  inertia: number;
}

const defaults: KMeansParams = { nClusters: 8, init: 'k-means++', nInit: 'auto', maxIter: 300, tol: 1e-4, seed: 0 };

/**
 * k-means clustering (Lloyd's algorithm, accelerated with Hamerly's triangle-inequality bounds:
 * the same result with far fewer distances). Minimises the inertia Σ_i ‖x_i − μ_{label(i)}‖².
 */
export class KMeans {
  readonly params: Readonly<KMeansParams>;
  clusterCenters?: number[][];
  labels?: number[];
  inertia?: number;
  nIter?: number;

  constructor(params: Partial<KMeansParams> = {}) {
    this.params = { ...defaults, ...params };
  }

  /** Runs nInit k-means runs and keeps the one with the lowest inertia. X: rows, a Matrix or a Dense. */
  fit(X: DenseLike): this {
    const { x, runs, options, random } = this.prepare(X, 'KMeans.fit');
    let best: LloydState | undefined;
    for (let run = 0; run < runs; run++) {
      const state = runToEnd(hamerlySteps(x, this.initialCenters(x, random), this.params.nClusters, options));
      if (best === undefined || state.inertia < best.inertia) best = state;
    }
    return this.setFitted(best!, x.cols);
  }

  /**
   * The first run of fit, one step at a time: yields after every assign step and every update
   * step ({ phase, iteration, centers, labels, inertia }), then sets the fitted attributes.
   */
  *steps(X: DenseLike): Generator<KMeansStep, this> {
    const { x, options, random } = this.prepare(X, 'KMeans.steps');
    const steps = hamerlySteps(x, this.initialCenters(x, random), this.params.nClusters, options);
    let result = steps.next();
    while (!result.done) {
      const s = result.value;
      yield { phase: s.phase, iteration: s.iteration, centers: toNested(s.centers, x.cols), labels: plainArray(s.labels), inertia: s.inertia };
      result = steps.next();
    }
    return this.setFitted(result.value, x.cols);
  }

  private setFitted(state: LloydState, cols: number): this {
    this.clusterCenters = toNested(state.centers, cols);
    this.labels = plainArray(state.labels);
    this.inertia = state.inertia;
    this.nIter = state.iteration;
    return this;
  }

  /** The index of the nearest cluster center for each row. */
  predict(X: MatrixLike): number[] {
    return assignToNearest(X, checkFitted(this.clusterCenters, 'KMeans.predict'));
  }

  /** Fits and returns the labels of the training rows. */
  fitPredict(X: MatrixLike): number[] {
    return this.fit(X).labels!;
  }

  /** The Euclidean distance from each row to every cluster center. */
  transform(X: MatrixLike): number[][] {
    const centers = checkFitted(this.clusterCenters, 'KMeans.transform');
    const rows = toRows(X, 'KMeans.transform');
    if (rows[0].length !== centers[0].length) fail('KMeans.transform', `X has ${rows[0].length} features but the model was fitted on ${centers[0].length}`);
    return rows.map((row) => centers.map((c) => Math.sqrt(c.reduce((s, v, f) => s + (row[f] - v) ** 2, 0))));
  }

  /** Fits, then the distances of the training rows to the centers. */
  fitTransform(X: MatrixLike): number[][] {
    return this.fit(X).transform(X);
  }

  /** Minus the inertia of X under the fitted centers (higher is better, as scikit-learn). */
  score(X: MatrixLike): number {
    const distances = this.transform(X);
    return -distances.reduce((s, row) => s + Math.min(...row) ** 2, 0);
  }

  /** Checks the options; returns X (not copied when given as a Dense: it is only read) and the run options. */
  private prepare(X: DenseLike, where: string) {
    const x = toDense(X, where, { copy: false });
    const { nClusters, init, nInit, maxIter, tol, seed } = this.params;
    checkPositiveInt(nClusters, where, 'nClusters');
    if (nClusters > x.rows) fail(where, `nClusters = ${nClusters} is more than the ${x.rows} rows of X; use fewer clusters`);
    checkPositiveInt(maxIter, where, 'maxIter');
    checkRange(tol, where, 'tol', 0, Infinity);
    if (nInit !== 'auto') checkPositiveInt(nInit, where, 'nInit');
    if (Array.isArray(init)) {
      if (init.length !== nClusters) fail(where, `init has ${init.length} centers but nClusters is ${nClusters}; they must match`);
      if (init.some((c) => !Array.isArray(c) || c.length !== x.cols)) fail(where, `every initial center must have ${x.cols} values, like the rows of X`);
    } else if (init !== 'k-means++' && init !== 'random') {
      fail(where, `init must be 'k-means++', 'random' or an array of ${nClusters} centers, got ${JSON.stringify(init)}`);
    }
    // Given centers make every run identical, so one run is enough.
    const runs = Array.isArray(init) ? 1 : nInit === 'auto' ? (init === 'random' ? 10 : 1) : nInit;
    const mean = columnMeans(x);
    const totalSquares = squaresAbout(x, mean);
    const { rows: n, cols: d } = x;
    // scikit-learn scales tol by the mean over features of the per-feature variance, Σ(x − m)²/(n·d).
    const options = { maxIter, tol: (tol * totalSquares) / (n * d), mean, totalSquares };
    return { x, runs, options, random: toRandom(seed) };
  }

  private initialCenters(x: Dense, random: Random): Float64Array {
    const { init, nClusters } = this.params;
    if (Array.isArray(init)) return denseFromRows(init).data;
    if (init === 'k-means++') return plusPlusCenters(x, nClusters, random);
    const centers = new Float64Array(nClusters * x.cols);
    random.sample(x.rows, nClusters).forEach((row, j) => centers.set(x.data.subarray(row * x.cols, (row + 1) * x.cols), j * x.cols));
    return centers;
  }
}

function toNested(flat: Float64Array, d: number): number[][] {
  return Array.from({ length: flat.length / d }, (_, j) => Array.from(flat.subarray(j * d, (j + 1) * d)));
}

/** A plain array copy of an Int32Array (a plain loop: Array.from goes through the iterator, 6× slower). */
function plainArray(values: Int32Array): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i];
  return out;
}

/** Σ_i ‖x_i − m‖², the total sum of squares about the column means (once per fit: no need to be clever). */
function squaresAbout(x: Dense, mean: Float64Array): number {
  let total = 0;
  for (let i = 0; i < x.rows; i++) total += squaredDistance(x.data, i * x.cols, mean, 0, x.cols);
  return total;
}
