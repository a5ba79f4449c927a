import { fail, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { BaseDecisionTree, type TreeParams } from './base-tree.ts';
import type { TreeTargets } from './split-search.ts';

export type DecisionTreeClassifierParams = TreeParams<'gini' | 'entropy'>;

const defaults: DecisionTreeClassifierParams = {
  criterion: 'gini', maxDepth: undefined, minSamplesSplit: 2, minSamplesLeaf: 1, maxFeatures: undefined,
  maxLeafNodes: undefined, minImpurityDecrease: 0, seed: 0,
};

/**
 * A CART classification tree: splits on x_f ≤ threshold chosen to minimise the weighted Gini
 * impurity (or entropy) of the two children. Leaves predict their class proportions.
 */
export class DecisionTreeClassifier extends BaseDecisionTree<'gini' | 'entropy'> {
  protected readonly name = 'DecisionTreeClassifier';
  protected readonly criteria = ['gini', 'entropy'] as const;
  /** The sorted distinct labels; column c of predictProba is classes[c]. */
  classes?: number[];

  constructor(params: Partial<DecisionTreeClassifierParams> = {}) {
    super({ ...defaults, ...params });
  }

  protected prepareTargets(y: number[], weights: Float64Array): TreeTargets {
    this.classes = [...new Set(y)].sort((a, b) => a - b);
    const index = new Map(this.classes.map((c, i) => [c, i]));
    return {
      criterion: this.params.criterion,
      classIndex: Int32Array.from(y, (label) => index.get(label)!),
      nClasses: this.classes.length,
      y: new Float64Array(0),
      weights,
    };
  }

  /** The class proportions (weighted) of the leaf each row lands in. */
  predictProba(X: MatrixLike): number[][] {
    const tree = this.fittedTree('predictProba');
    return this.apply(X).map((leaf) => {
      const counts = tree[leaf].value;
      const total = counts.reduce((s, c) => s + c, 0);
      return counts.map((c) => c / total);
    });
  }

  /** The most frequent class of each row's leaf (the first class wins a tie). */
  predict(X: MatrixLike): number[] {
    return this.predictProba(X).map((p) => this.classes![argmax(p)]);
  }

  /** Accuracy on X, y. */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    if (predicted.length !== y.length) fail('DecisionTreeClassifier.score', `y has ${y.length} values but X has ${predicted.length} rows; they must match`);
    return predicted.filter((p, i) => p === y[i]).length / predicted.length;
  }
}

/** Index of the largest value (the first one on a tie, like numpy.argmax). */
export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
