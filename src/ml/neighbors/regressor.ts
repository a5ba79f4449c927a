import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { checkFitted, checkOneOf, toVector } from '../core/validate.ts';
import { toDense } from '../core/dense-input.ts';
import { r2 } from '../linear/labels.ts';
import type { NearestNeighborsOptions } from './nearest-neighbors.ts';
import { NearestNeighbors, nearestNeighborsDefaults } from './nearest-neighbors.ts';
import type { NeighborWeights } from './weights.ts';
import { neighborWeights } from './weights.ts';

export interface KNeighborsRegressorOptions extends NearestNeighborsOptions {
  weights: NeighborWeights;
}

/** k-nearest-neighbours regression: the (weighted) mean target of the k nearest training points. */
export class KNeighborsRegressor extends NearestNeighbors {
  declare readonly params: Readonly<KNeighborsRegressorOptions>;
  protected override readonly name: string = 'KNeighborsRegressor';
  private target?: number[];

  constructor(options: Partial<KNeighborsRegressorOptions> = {}) {
    super({ ...nearestNeighborsDefaults, weights: 'uniform', ...options } as KNeighborsRegressorOptions);
  }

  /** Stores the training points and their targets. */
  override fit(X: MatrixLike, y?: VectorLike): this {
    const where = 'KNeighborsRegressor.fit';
    const train = toDense(X, where);
    const target = toVector(y ?? [], where, { length: train.rows });
    checkOneOf(this.params.weights, ['uniform', 'distance'], where, 'weights');
    this.buildIndex(train, where);
    this.target = target;
    return this;
  }

  /** ŷ = Σ w_m y_m / Σ w_m over the k nearest neighbours. */
  predict(X: MatrixLike): number[] {
    const where = 'KNeighborsRegressor.predict';
    const target = checkFitted(this.target, where);
    const k = this.params.nNeighbors;
    const { dist, index } = this.index!.searchFlat(this.queries(X, k, where), k);
    const w = new Float64Array(k);
    const out: number[] = [];
    for (let i = 0; i < dist.length / k; i++) {
      neighborWeights(this.params.weights, dist, i * k, k, w);
      let num = 0, den = 0;
      for (let m = 0; m < k; m++) {
        num += w[m] * target[index[i * k + m]];
        den += w[m];
      }
      out.push(num / den);
    }
    return out;
  }

  /** R² on (X, y). */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    return r2(toVector(y, 'KNeighborsRegressor.score', { length: predicted.length }), predicted);
  }
}
