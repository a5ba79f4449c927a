import { decisionShape, type Decision } from '../core/decision.ts';
import { fail, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { fitWeights, type ClassWeight } from '../core/class-weight.ts';
import { argmax } from '../tree/classifier.ts';
import type { TreeNode } from '../tree/tree-data.ts';
import { BaseGradientBoosting, gradientBoostingDefaults, type GradientBoostingParams } from './gradient-boosting-base.ts';
import { runToEnd } from '../core/run-to-end.ts';

/** One boosting stage of the classifier (K = 1 tree for two classes, one per class otherwise). */
export interface GradientBoostingClassifierStep {
  stage: number;
  trees: TreeNode[][];
  /** residuals[k][i] = [y_i = k] − p_k(x_i): what tree k was fitted to. */
  residuals: number[][];
  /** Raw scores F(x_i) after this stage (log-odds for two classes). */
  decision: number[][];
  /** Predicted classes of the training rows after this stage. */
  predictions: number[];
}

/**
 * Gradient boosting with log-loss: F is the log-odds (two classes) or one score per class
 * (softmax, more classes). Each stage fits regression trees to y − p and sets every leaf to one
 * Newton step, Σ r / Σ p(1 − p) (times (K−1)/K for K classes), as scikit-learn.
 */
export interface GradientBoostingClassifierParams extends GradientBoostingParams {
  /**
   * Weight of each class, multiplied into the row weights: 'balanced', a map {label: weight}, or
   * null (all 1). scikit-learn's GradientBoostingClassifier has no class_weight; this is its
   * fit(sample_weight=compute_sample_weight(classWeight, y)).
   */
  classWeight: ClassWeight;
}

export class GradientBoostingClassifier extends BaseGradientBoosting {
  protected readonly name = 'GradientBoostingClassifier';
  declare readonly params: Readonly<GradientBoostingClassifierParams>;
  classes?: number[];

  constructor(params: Partial<GradientBoostingClassifierParams> = {}) {
    super({ ...gradientBoostingDefaults, classWeight: null, ...params } as GradientBoostingClassifierParams);
  }

  /** Fits nEstimators stages, row i weighing sampleWeight_i · classWeight[y_i]. */
  fit(X: MatrixLike, y: VectorLike, sampleWeight?: VectorLike): this {
    runToEnd(this.steps(X, y, sampleWeight));
    return this;
  }

  /**
   * Boosts one stage at a time, yielding the trees, their residuals and the staged scores. Row
   * weights weigh the prior F₀, the trees' splits and the Newton leaf values.
   */
  *steps(X: MatrixLike, y: VectorLike, sampleWeight?: VectorLike): Generator<GradientBoostingClassifierStep, this> {
    const where = 'GradientBoostingClassifier.fit';
    const { data, target } = this.prepareData(X, y);
    const classes = [...new Set(target)].sort((a, b) => a - b);
    if (classes.length < 2) fail(where, `y has only one class (${classes[0]}); a classifier needs at least two`);
    const index = new Map(classes.map((c, i) => [c, i]));
    const yIndex = target.map((v) => index.get(v)!);
    const rowWeights = fitWeights(this.params.classWeight, sampleWeight, classes, yIndex, where);
    const weightOf = (i: number) => (rowWeights ? rowWeights[i] : 1);
    const K = classes.length === 2 ? 1 : classes.length;
    const totalWeight = yIndex.reduce((s, _, i) => s + weightOf(i), 0);
    const prior = classes.map((_, c) => yIndex.reduce((s, v, i) => s + (v === c ? weightOf(i) : 0), 0) / totalWeight);
    // F₀: the log-odds of the prior (two classes) or the log of each class prior (softmax).
    const init = K === 1 ? [Math.log(prior[1] / prior[0])] : prior.map((p) => Math.log(p));
    const F = yIndex.map(() => init.slice());
    const estimators = [];
    for (let stage = 1; stage <= this.params.nEstimators; stage++) {
      const probabilities = F.map((f) => toProbabilities(f));
      const weights = this.stageWeights(data).map((inBag, i) => inBag * weightOf(i));
      const trees = [];
      const residuals: number[][] = [];
      for (let k = 0; k < K; k++) {
        const cls = K === 1 ? 1 : k;
        // Negative gradient of the log-loss with respect to F_k: r = [y = k] − p_k.
        const r = yIndex.map((v, i) => (v === cls ? 1 : 0) - probabilities[i][cls]);
        const tree = this.fitStageTree(data, r, weights);
        this.newtonLeaves(tree.tree!, tree.apply(data.rows), r, weights, K);
        tree.predict(data.rows).forEach((v, i) => (F[i][k] += this.params.learningRate * v));
        trees.push(tree);
        residuals.push(r);
      }
      estimators.push(trees);
      yield {
        stage, trees: trees.map((t) => t.tree!), residuals, decision: F.map((f) => f.slice()),
        predictions: F.map((f) => classes[argmax(toProbabilities(f))]),
      };
    }
    this.classes = classes;
    this.init = init;
    this.estimators = estimators;
    return this;
  }

  /**
   * Leaf value γ = Σ w r / Σ w p(1 − p) over the leaf's in-bag rows (w their weights), scaled by
   * (K−1)/K. With r = [y = k] − p, p(1 − p) = |r|(1 − |r|) whatever the label, so only r is needed.
   */
  private newtonLeaves(nodes: TreeNode[], leaves: number[], r: number[], weights: number[], K: number): void {
    const numerator = new Map<number, number>();
    const denominator = new Map<number, number>();
    leaves.forEach((leaf, i) => {
      const w = weights[i];
      if (w === 0) return;
      const a = Math.abs(r[i]);
      numerator.set(leaf, (numerator.get(leaf) ?? 0) + w * r[i]);
      denominator.set(leaf, (denominator.get(leaf) ?? 0) + w * a * (1 - a));
    });
    const scale = K === 1 ? 1 : (K - 1) / K;
    for (const [leaf, num] of numerator) {
      const den = denominator.get(leaf)!;
      nodes[leaf].value = [Math.abs(den) < 1e-150 ? 0 : (scale * num) / den];
    }
  }

  /** Raw scores F(x): one value per row (the log-odds) for two classes, one column per class otherwise. */
  decisionFunction(X: MatrixLike): Decision {
    return decisionShape(this.raw(X, 'decisionFunction'));
  }

  /** Raw scores after each stage, one column (log-odds) for two classes (as scikit-learn's staged version). */
  stagedDecisionFunction(X: MatrixLike): number[][][] {
    return this.stagedRaw(X, 'stagedDecisionFunction');
  }

  /** Class probabilities: sigmoid of the log-odds, or softmax of the class scores. */
  predictProba(X: MatrixLike): number[][] {
    return this.raw(X, 'predictProba').map((f) => toProbabilities(f));
  }

  /** The most probable class. */
  predict(X: MatrixLike): number[] {
    return this.predictProba(X).map((p) => this.classes![argmax(p)]);
  }

  /** Predicted classes after each stage. */
  stagedPredict(X: MatrixLike): number[][] {
    return this.stagedRaw(X, 'stagedPredict').map((stage) => stage.map((f) => this.classes![argmax(toProbabilities(f))]));
  }

  /** Accuracy on X, y. */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    if (predicted.length !== y.length) fail('GradientBoostingClassifier.score', `y has ${y.length} values but X has ${predicted.length} rows; they must match`);
    return predicted.filter((p, i) => p === y[i]).length / predicted.length;
  }
}

/** [1 − σ(F), σ(F)] for one log-odds score, softmax for several. */
function toProbabilities(f: number[]): number[] {
  if (f.length === 1) {
    const p = 1 / (1 + Math.exp(-f[0]));
    return [1 - p, p];
  }
  const max = Math.max(...f);
  const e = f.map((v) => Math.exp(v - max));
  const total = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / total);
}
