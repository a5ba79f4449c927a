import { checkFitted, checkOneOf, checkPositiveInt, toRows, type MatrixLike } from '../core/validate.ts';
import { rowsLike } from './check.ts';
import { nanEuclidean } from './nan-euclidean.ts';

export interface KNNImputerParams {
  /** How many donors fill each missing value. */
  nNeighbors: number;
  /** Donors count equally ('uniform') or by 1/distance ('distance'). */
  weights: 'uniform' | 'distance';
}

const DEFAULTS: KNNImputerParams = { nNeighbors: 5, weights: 'uniform' };

/**
 * Fills each missing value with the (weighted) mean of that feature over the nNeighbors nearest
 * training rows that have it, nearest by nan_euclidean distance.
 */
export class KNNImputer {
  readonly params: Readonly<KNNImputerParams>;
  /** The training rows, kept as donors. */
  fitX?: number[][];
  nFeaturesIn?: number;

  constructor(params: Partial<KNNImputerParams> = {}) {
    this.params = { ...DEFAULTS, ...params };
  }

  /** Stores the rows that will donate values. */
  fit(X: MatrixLike): this {
    const where = 'KNNImputer.fit';
    checkPositiveInt(this.params.nNeighbors, where, 'nNeighbors');
    checkOneOf(this.params.weights, ['uniform', 'distance'], where, 'weights');
    this.fitX = toRows(X, where, { allowNaN: true }).map((row) => row.slice());
    this.nFeaturesIn = this.fitX[0].length;
    return this;
  }

  /** X with every NaN replaced by its neighbours' (weighted) mean of that feature. */
  transform(X: MatrixLike): number[][] {
    const where = 'KNNImputer.transform';
    const fitX = checkFitted(this.fitX, where);
    const rows = rowsLike(X, this.nFeaturesIn!, where, { allowNaN: true });
    const columnMeans = Array.from({ length: this.nFeaturesIn! }, (_, j) => {
      const observed = fitX.map((r) => r[j]).filter((v) => !Number.isNaN(v));
      return observed.reduce((a, b) => a + b, 0) / observed.length;
    });
    return rows.map((row) => {
      if (!row.some(Number.isNaN)) return row.slice();
      const distances = fitX.map((donor) => nanEuclidean(row, donor));
      return row.map((v, j) => {
        if (!Number.isNaN(v)) return v;
        // Potential donors: training rows that observed feature j and share a coordinate with this row.
        const donors = fitX
          .map((donor, i) => ({ value: donor[j], distance: distances[i] }))
          .filter((c) => !Number.isNaN(c.value) && !Number.isNaN(c.distance))
          .sort((a, b) => a.distance - b.distance)
          .slice(0, this.params.nNeighbors);
        if (donors.length === 0) return columnMeans[j];
        return weightedMean(donors, this.params.weights);
      });
    });
  }

  fitTransform(X: MatrixLike): number[][] {
    return this.fit(X).transform(X);
  }
}

function weightedMean(donors: { value: number; distance: number }[], weights: 'uniform' | 'distance'): number {
  if (weights === 'uniform') return donors.reduce((a, c) => a + c.value, 0) / donors.length;
  // w = 1/d; a donor at distance 0 takes all the weight (scikit-learn's _get_weights).
  const exact = donors.filter((c) => c.distance === 0);
  const pool = exact.length > 0 ? exact.map((c) => ({ ...c, w: 1 })) : donors.map((c) => ({ ...c, w: 1 / c.distance }));
  const total = pool.reduce((a, c) => a + c.w, 0);
  return pool.reduce((a, c) => a + c.w * c.value, 0) / total;
}
