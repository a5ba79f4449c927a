import type { Dense } from '../core/dense.ts';
import type { MatrixLike } from '../core/validate.ts';
import { checkFitted, checkOneOf, checkPositiveInt, fail } from '../core/validate.ts';
import { toDense } from '../core/dense-input.ts';
import type { NeighborMetric } from './metric.ts';
import { resolveMetric } from './metric.ts';
import type { NeighborAlgorithm, Neighbors } from './search.ts';
import { NeighborIndex } from './search.ts';

export interface NearestNeighborsOptions {
  nNeighbors: number;
  metric: NeighborMetric;
  /** The power of the Minkowski distance (2 = Euclidean, 1 = Manhattan). */
  p: number;
  algorithm: NeighborAlgorithm;
  /** Points per k-d tree leaf. */
  leafSize: number;
}

/** scikit-learn's defaults: 5 neighbours, Minkowski p = 2 (Euclidean), automatic search method, leaves of 40. */
export const nearestNeighborsDefaults: NearestNeighborsOptions = {
  nNeighbors: 5, metric: 'minkowski', p: 2, algorithm: 'auto', leafSize: 40,
};

/** Unsupervised nearest-neighbour search: fit on points, then ask for the k nearest of any query. */
export class NearestNeighbors {
  readonly params: Readonly<NearestNeighborsOptions>;
  nFeaturesIn?: number;
  nSamplesFit?: number;
  /** The search method fit chose ('kd_tree' or 'brute'). */
  fitMethod?: 'kd_tree' | 'brute';
  protected index?: NeighborIndex;
  protected readonly name: string = 'NearestNeighbors';

  constructor(options: Partial<NearestNeighborsOptions> = {}) {
    this.params = { ...nearestNeighborsDefaults, ...options };
  }

  /** Stores the points and builds the search structure. */
  fit(X: MatrixLike): this {
    const where = `${this.name}.fit`;
    this.buildIndex(toDense(X, where), where);
    return this;
  }

  /** Distances to and indices of the k nearest training points of each row of X, nearest first. */
  kneighbors(X: MatrixLike, nNeighbors: number = this.params.nNeighbors): Neighbors {
    const where = `${this.name}.kneighbors`;
    const index = checkFitted(this.index, where);
    return index.search(this.queries(X, nNeighbors, where), nNeighbors);
  }

  protected buildIndex(train: Dense, where: string): void {
    const { nNeighbors, metric, p, algorithm, leafSize } = this.params;
    checkPositiveInt(nNeighbors, where, 'nNeighbors');
    checkPositiveInt(leafSize, where, 'leafSize');
    checkOneOf(algorithm, ['auto', 'kd_tree', 'brute'], where, 'algorithm');
    const resolved = resolveMetric(metric, p, where);
    // As scikit-learn: when k is at least half the data, a tree cannot prune, so search exhaustively.
    const chosen = algorithm === 'auto' && nNeighbors >= train.rows / 2 ? 'brute' : algorithm;
    this.index = new NeighborIndex(train, resolved, chosen, leafSize, where);
    this.fitMethod = this.index.method;
    this.nFeaturesIn = train.cols;
    this.nSamplesFit = train.rows;
  }

  /** Query rows checked against the fitted data, as a Dense matrix. */
  protected queries(X: MatrixLike, k: number, where: string): Dense {
    const queries = toDense(X, where);
    checkPositiveInt(k, where, 'nNeighbors');
    if (queries.cols !== this.nFeaturesIn) fail(where, `X has ${queries.cols} features but the model was fitted on ${this.nFeaturesIn}`);
    if (k > this.nSamplesFit!) fail(where, `nNeighbors = ${k} exceeds the ${this.nSamplesFit} training points; choose nNeighbors ≤ ${this.nSamplesFit}`);
    return queries;
  }
}
