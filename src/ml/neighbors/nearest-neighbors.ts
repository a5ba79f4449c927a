import { denseFromRows } from '../core/dense.ts';
import type { MatrixLike } from '../core/validate.ts';
import { checkFitted, checkOneOf, checkPositiveInt, fail, toRows } from '../core/validate.ts';
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
    const rows = toRows(X, where);
    this.buildIndex(rows, where);
    return this;
  }

  /** Distances to and indices of the k nearest training points of each row of X, nearest first. */
  kneighbors(X: MatrixLike, nNeighbors: number = this.params.nNeighbors): Neighbors {
    const where = `${this.name}.kneighbors`;
    const index = checkFitted(this.index, where);
    return index.search(this.queries(X, nNeighbors, where), nNeighbors);
  }

  protected buildIndex(rows: number[][], where: string): void {
    const { nNeighbors, metric, p, algorithm, leafSize } = this.params;
    checkPositiveInt(nNeighbors, where, 'nNeighbors');
    checkPositiveInt(leafSize, where, 'leafSize');
    checkOneOf(algorithm, ['auto', 'kd_tree', 'brute'], where, 'algorithm');
    const resolved = resolveMetric(metric, p, where);
    // As scikit-learn: when k is at least half the data, a tree cannot prune, so search exhaustively.
    const chosen = algorithm === 'auto' && nNeighbors >= rows.length / 2 ? 'brute' : algorithm;
    this.index = new NeighborIndex(rows, resolved, chosen, leafSize, where);
    this.fitMethod = this.index.method;
    this.nFeaturesIn = rows[0].length;
    this.nSamplesFit = rows.length;
  }

  /** Query rows checked against the fitted data, as a Dense matrix. */
  protected queries(X: MatrixLike, k: number, where: string) {
    const rows = toRows(X, where);
    checkPositiveInt(k, where, 'nNeighbors');
    if (rows[0].length !== this.nFeaturesIn) fail(where, `X has ${rows[0].length} features but the model was fitted on ${this.nFeaturesIn}`);
    if (k > this.nSamplesFit!) fail(where, `nNeighbors = ${k} exceeds the ${this.nSamplesFit} training points; choose nNeighbors ≤ ${this.nSamplesFit}`);
    return denseFromRows(rows);
  }
}
