import { fail, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { BaseDecisionTree, type TreeParams } from './base-tree.ts';
import type { TreeTargets } from './split-search.ts';

export type DecisionTreeRegressorParams = TreeParams<'squared_error'>;

const defaults: DecisionTreeRegressorParams = {
  criterion: 'squared_error', maxDepth: undefined, minSamplesSplit: 2, minSamplesLeaf: 1, maxFeatures: undefined,
  maxLeafNodes: undefined, minImpurityDecrease: 0, seed: 0,
};

/**
 * A CART regression tree: splits on x_f ≤ threshold chosen to minimise the children's squared
 * error; each leaf predicts the mean target of its training rows.
 */
export class DecisionTreeRegressor extends BaseDecisionTree<'squared_error'> {
  protected readonly name = 'DecisionTreeRegressor';
  protected readonly criteria = ['squared_error'] as const;

  constructor(params: Partial<DecisionTreeRegressorParams> = {}) {
    super({ ...defaults, ...params });
  }

  protected prepareTargets(y: number[], weights: Float64Array): TreeTargets {
    return { criterion: 'squared_error', classIndex: new Int32Array(0), nClasses: 0, y: Float64Array.from(y), weights };
  }

  /** The mean training target of the leaf each row lands in. */
  predict(X: MatrixLike): number[] {
    const tree = this.fittedTree('predict');
    return this.apply(X).map((leaf) => tree[leaf].value[0]);
  }

  /** R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² on X, y. */
  score(X: MatrixLike, y: VectorLike): number {
    return r2Score(Array.from(y), this.predict(X), 'DecisionTreeRegressor.score');
  }
}

/** Coefficient of determination R² = 1 − SS_res / SS_tot. */
export function r2Score(y: number[], predicted: number[], where: string): number {
  if (y.length !== predicted.length) fail(where, `y has ${y.length} values but X has ${predicted.length} rows; they must match`);
  const mean = y.reduce((s, v) => s + v, 0) / y.length;
  let res = 0, tot = 0;
  for (let i = 0; i < y.length; i++) {
    res += (y[i] - predicted[i]) ** 2;
    tot += (y[i] - mean) ** 2;
  }
  return tot === 0 ? (res === 0 ? 1 : 0) : 1 - res / tot;
}
