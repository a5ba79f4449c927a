import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { r2Score } from '../tree/regressor.ts';
import type { TreeNode } from '../tree/tree-data.ts';
import { BaseGradientBoosting, gradientBoostingDefaults, type GradientBoostingParams } from './gradient-boosting-base.ts';
import { runToEnd } from '../core/run-to-end.ts';

/** One boosting stage of the regressor, as plain data. */
export interface GradientBoostingRegressorStep {
  stage: number;
  /** The tree fitted at this stage. */
  tree: TreeNode[];
  /** What it was fitted to: r_i = y_i − F_{m−1}(x_i). */
  residuals: number[];
  /** F_m(x_i) on the training rows after this stage. */
  predictions: number[];
}

/**
 * Gradient boosting for regression with squared error: F₀ = mean(y), then each stage fits a tree
 * to the residuals y − F and adds learningRate × tree to F.
 */
export class GradientBoostingRegressor extends BaseGradientBoosting {
  protected readonly name = 'GradientBoostingRegressor';

  constructor(params: Partial<GradientBoostingParams> = {}) {
    super({ ...gradientBoostingDefaults, ...params });
  }

  /** Fits nEstimators stages. */
  fit(X: MatrixLike, y: VectorLike): this {
    runToEnd(this.steps(X, y));
    return this;
  }

  /** Boosts one stage at a time, yielding the tree, its residuals and the staged predictions. */
  *steps(X: MatrixLike, y: VectorLike): Generator<GradientBoostingRegressorStep, this> {
    const { data, target } = this.prepareData(X, y);
    const mean = target.reduce((s, v) => s + v, 0) / target.length;
    const F = target.map(() => mean);
    const estimators = [];
    for (let stage = 1; stage <= this.params.nEstimators; stage++) {
      // The negative gradient of ½(y − F)² is the residual y − F.
      const residuals = target.map((v, i) => v - F[i]);
      const tree = this.fitStageTree(data, residuals, this.stageWeights(data));
      // Squared error needs no leaf update: each leaf already holds its rows' mean residual.
      tree.predict(data.rows).forEach((v, i) => (F[i] += this.params.learningRate * v));
      estimators.push([tree]);
      yield { stage, tree: tree.tree!, residuals, predictions: F.slice() };
    }
    this.init = [mean];
    this.estimators = estimators;
    return this;
  }

  /** F(x) = F₀ + ν Σ_m tree_m(x). */
  predict(X: MatrixLike): number[] {
    return this.raw(X, 'predict').map((r) => r[0]);
  }

  /** The prediction after each stage: stagedPredict(X)[m] uses the first m + 1 trees. */
  stagedPredict(X: MatrixLike): number[][] {
    return this.stagedRaw(X, 'stagedPredict').map((stage) => stage.map((r) => r[0]));
  }

  /** R² on X, y. */
  score(X: MatrixLike, y: VectorLike): number {
    return r2Score(Array.from(y), this.predict(X), 'GradientBoostingRegressor.score');
  }
}
