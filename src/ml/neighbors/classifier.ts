import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { checkFitted, checkOneOf, toVector } from '../core/validate.ts';
import { toDense } from '../core/dense-input.ts';
import { accuracy, argmax, encodeLabels } from '../linear/labels.ts';
import type { NearestNeighborsOptions } from './nearest-neighbors.ts';
import { NearestNeighbors, nearestNeighborsDefaults } from './nearest-neighbors.ts';
import type { NeighborWeights } from './weights.ts';
import { neighborWeights } from './weights.ts';

export interface KNeighborsClassifierOptions extends NearestNeighborsOptions {
  weights: NeighborWeights;
}

/**
 * k-nearest-neighbours classification: each query takes the (weighted) majority class of its k
 * nearest training points. A tie goes to the smallest class label, as in scikit-learn.
 */
export class KNeighborsClassifier extends NearestNeighbors {
  declare readonly params: Readonly<KNeighborsClassifierOptions>;
  protected override readonly name: string = 'KNeighborsClassifier';
  classes?: number[];
  private codes?: Int32Array;

  constructor(options: Partial<KNeighborsClassifierOptions> = {}) {
    super({ ...nearestNeighborsDefaults, weights: 'uniform', ...options } as KNeighborsClassifierOptions);
  }

  /** Stores the training points and their labels. */
  override fit(X: MatrixLike, y?: VectorLike): this {
    const where = 'KNeighborsClassifier.fit';
    const train = toDense(X, where);
    const target = toVector(y ?? [], where, { length: train.rows });
    checkOneOf(this.params.weights, ['uniform', 'distance'], where, 'weights');
    const { classes, codes } = encodeLabels(target, where, 1);
    this.buildIndex(train, where);
    this.classes = classes;
    this.codes = codes;
    return this;
  }

  /** Class probabilities: the share of the (weighted) neighbour vote each class receives. */
  predictProba(X: MatrixLike): number[][] {
    const where = 'KNeighborsClassifier.predictProba';
    const classes = checkFitted(this.classes, where);
    const k = this.params.nNeighbors;
    const { dist, index } = this.index!.searchFlat(this.queries(X, k, where), k);
    const codes = this.codes!, K = classes.length, w = new Float64Array(k);
    const out: number[][] = [];
    for (let i = 0; i < dist.length / k; i++) {
      neighborWeights(this.params.weights, dist, i * k, k, w);
      const votes = new Array<number>(K).fill(0);
      let total = 0;
      for (let m = 0; m < k; m++) {
        votes[codes[index[i * k + m]]] += w[m];
        total += w[m];
      }
      out.push(votes.map((v) => v / total));
    }
    return out;
  }

  /** The class with the largest (weighted) neighbour vote. */
  predict(X: MatrixLike): number[] {
    const classes = checkFitted(this.classes, 'KNeighborsClassifier.predict');
    return this.predictProba(X).map((row) => classes[argmax(row)]);
  }

  /** Mean accuracy on (X, y). */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    return accuracy(toVector(y, 'KNeighborsClassifier.score', { length: predicted.length }), predicted);
  }
}
