import { decisionShape, type Decision } from '../core/decision.ts';
import { denseFromRows } from '../core/dense.ts';
import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { checkFitted, fail, toRows, toVector } from '../core/validate.ts';
import { computeClassWeight, fitWeights, type ClassWeight } from '../core/class-weight.ts';
import { accuracy, argmax, encodeLabels } from './labels.ts';
import type { SGDEvery, SGDOptions, SGDStep } from './sgd.ts';
import { checkSGDOptions, sgd } from './sgd.ts';
import { sigmoid } from './softmax.ts';
import { runToEnd } from '../core/run-to-end.ts';

export interface SGDClassifierOptions extends SGDOptions {
  /** Scales each class's gradient steps: 'balanced', a map {label: weight}, or null (all 1). */
  classWeight: ClassWeight;
}

const defaults: SGDClassifierOptions = {
  epsilon: 0.1, loss: 'hinge', penalty: 'l2', alpha: 1e-4, l1Ratio: 0.15, fitIntercept: true, maxIter: 1000, tol: 1e-3,
  nIterNoChange: 5, learningRate: 'optimal', eta0: 0, powerT: 0.5, batchSize: 1, shuffle: true, seed: 0, classWeight: null,
};

/**
 * A linear classifier trained by SGD: loss 'hinge' (a linear SVM), 'log_loss' (logistic
 * regression) or 'squared_error'. Two classes train one weight vector (+1 = classes[1]);
 * more train one-vs-rest, one row of `coef` per class.
 */
export class SGDClassifier {
  readonly params: Readonly<SGDClassifierOptions>;
  classes?: number[];
  coef?: number[][];
  intercept?: number[];
  nIter?: number;
  t?: number;
  nFeaturesIn?: number;

  constructor(options: Partial<SGDClassifierOptions> = {}) {
    this.params = { ...defaults, ...options };
  }

  /** Runs SGD until the stopping rule or maxIter epochs; sample i's steps are scaled by sampleWeight_i · classWeight[y_i]. */
  fit(X: MatrixLike, y: VectorLike, sampleWeight?: VectorLike): this {
    runToEnd(this.steps(X, y, 'epoch', sampleWeight));
    return this;
  }

  /** One state per epoch (or per update, with every = 'update'). */
  *steps(X: MatrixLike, y: VectorLike, every: SGDEvery = 'epoch', sampleWeight?: VectorLike): Generator<SGDStep, void, void> {
    const where = 'SGDClassifier.fit';
    const rows = toRows(X, where);
    const target = toVector(y, where, { length: rows.length });
    checkSGDOptions(this.params, ['hinge', 'log_loss', 'squared_error'], where);
    const { classes, codes } = encodeLabels(target, where);
    // ±1 targets: for two classes +1 means classes[1]; for more, +1 means "this class" (one-vs-rest).
    const positives = classes.length === 2 ? [1] : classes.map((_, k) => k);
    const targets = positives.map((k) => Float64Array.from(codes, (c) => (c === k ? 1 : -1)));
    const rowWeights = fitWeights(null, sampleWeight, classes, codes, where);
    const classWeights = computeClassWeight(this.params.classWeight, classes, target, where);
    // scikit-learn's one-vs-rest weighs "the rest" 1: only the model's own class takes its class weight.
    const weighted = rowWeights !== undefined || classWeights.some((w) => w !== 1);
    const weights = weighted
      ? positives.map((k) => Float64Array.from(codes, (c, i) => (rowWeights ? rowWeights[i] : 1) * (positives.length === 1 || c === k ? classWeights[c] : 1)))
      : undefined;
    this.classes = classes;
    this.nFeaturesIn = rows[0].length;
    for (const step of sgd(denseFromRows(rows), targets, this.params, every, weights)) {
      this.coef = step.coef;
      this.intercept = step.intercept;
      this.nIter = step.epoch;
      this.t = step.update;
      yield step;
    }
  }

  /** Signed distances w_k·x + b_k: one value per row for two classes (positive = classes[1]), else one per class. */
  decisionFunction(X: MatrixLike): Decision {
    return decisionShape(this.scores(X, 'SGDClassifier.decisionFunction'));
  }

  /** w_k·x + b_k, one column per row of coef (one for two classes). */
  private scores(X: MatrixLike, where: string): number[][] {
    const coef = checkFitted(this.coef, where);
    const rows = toRows(X, where);
    if (rows[0].length !== this.nFeaturesIn) fail(where, `X has ${rows[0].length} features but the model was fitted on ${this.nFeaturesIn}`);
    return rows.map((row) => coef.map((w, k) => row.reduce((s, v, j) => s + v * w[j], this.intercept![k])));
  }

  /** The class with the largest decision value (the sign, for two classes). */
  predict(X: MatrixLike): number[] {
    const classes = checkFitted(this.classes, 'SGDClassifier.predict');
    return this.scores(X, 'SGDClassifier.predict').map((z) => (z.length === 1 ? classes[z[0] > 0 ? 1 : 0] : classes[argmax(z)]));
  }

  /** Whether a method works with these options: probabilities need loss 'log_loss' (see `offers`). */
  available(method: string): boolean {
    return method !== 'predictProba' || this.params.loss === 'log_loss';
  }

  /** Probabilities for loss 'log_loss' (σ of the decision; one-vs-rest columns normalised to sum 1). */
  predictProba(X: MatrixLike): number[][] {
    const where = 'SGDClassifier.predictProba';
    checkFitted(this.coef, where);
    if (this.params.loss !== 'log_loss') fail(where, `probabilities need loss 'log_loss', this model uses '${this.params.loss}'`);
    return this.scores(X, where).map((z) => {
      if (z.length === 1) {
        const p = sigmoid(z[0]);
        return [1 - p, p];
      }
      const p = z.map(sigmoid);
      const total = p.reduce((a, v) => a + v, 0);
      return p.map((v) => v / total);
    });
  }

  /** Mean accuracy on (X, y). */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    return accuracy(toVector(y, 'SGDClassifier.score', { length: predicted.length }), predicted);
  }
}
