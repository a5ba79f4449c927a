import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { checkFitted, checkOneOf, checkPositiveInt, fail, toVector } from '../core/validate.ts';
import { decisionShape, type Decision } from '../core/decision.ts';
import { toDense } from '../core/dense-input.ts';
import { rng } from '../core/random.ts';
import { computeClassWeight, fitWeights, type ClassWeight } from '../core/class-weight.ts';
import { accuracy, argmax, encodeLabels } from '../linear/labels.ts';
import { dualCoordinateDescent } from './dual-coordinate-descent.ts';
import { runToEnd } from '../core/run-to-end.ts';

export interface LinearSVCOptions {
  C: number;
  /** 'squared_hinge' (scikit-learn's default) or 'hinge' (the classic SVM loss). */
  loss: 'squared_hinge' | 'hinge';
  fitIntercept: boolean;
  /** The constant feature appended for the intercept; its weight is penalised like the others. */
  interceptScaling: number;
  /** Stop when the largest projected-gradient spread is below tol. */
  tol: number;
  /** Maximum passes over the data. */
  maxIter: number;
  /** Seeds the order in which samples are visited. */
  seed: number;
  /** Scales C per class: 'balanced', a map {label: weight}, or null (all 1). */
  classWeight: ClassWeight;
}

/** The state after one pass of dual coordinate descent, for one class-vs-rest problem. */
export interface LinearSVCStep {
  /** Index into `classes` of the problem being solved (1 for two classes: classes[1] vs classes[0]). */
  problem: number;
  epoch: number;
  coef: number[];
  intercept: number;
  violation: number;
  converged: boolean;
}

const defaults: LinearSVCOptions = { C: 1, loss: 'squared_hinge', fitIntercept: true, interceptScaling: 1, tol: 1e-4, maxIter: 1000, seed: 0, classWeight: null };

/**
 * Linear support vector classifier (liblinear's primal-as-dual solver, scikit-learn's LinearSVC):
 * min ½‖w‖² + C Σ loss(y_i(w·x_i + b)), one-vs-rest for more than two classes. Scales to many
 * samples because it never forms a kernel matrix.
 */
export class LinearSVC {
  readonly params: Readonly<LinearSVCOptions>;
  /** A classifier without predictProba says so, so cross-validation gives it stratified folds. */
  readonly estimatorType = 'classifier';
  classes?: number[];
  /** 1 × d for two classes (positive = classes[1]), K × d otherwise. */
  coef?: number[][];
  intercept?: number[];
  /** Passes run by the slowest of the problems. */
  nIter?: number;
  nFeaturesIn?: number;

  constructor(options: Partial<LinearSVCOptions> = {}) {
    this.params = { ...defaults, ...options };
  }

  /** Solves each one-vs-rest problem by dual coordinate descent; sample i's C is C · sampleWeight_i · classWeight[y_i]. */
  fit(X: MatrixLike, y: VectorLike, sampleWeight?: VectorLike): this {
    runToEnd(this.steps(X, y, sampleWeight));
    return this;
  }

  /** One state per pass over the data; after each, `coef` and `intercept` hold the current iterate. */
  *steps(X: MatrixLike, y: VectorLike, sampleWeight?: VectorLike): Generator<LinearSVCStep, void, void> {
    const where = 'LinearSVC.fit';
    const data = toDense(X, where);
    const target = toVector(y, where, { length: data.rows });
    const { C, loss, fitIntercept, interceptScaling, tol, maxIter, seed } = this.params;
    if (!(C > 0) || !Number.isFinite(C)) fail(where, `C must be a positive number, got ${C}`);
    checkOneOf(loss, ['squared_hinge', 'hinge'], where, 'loss');
    if (!(tol > 0)) fail(where, `tol must be > 0, got ${tol}`);
    if (fitIntercept && !(interceptScaling > 0)) fail(where, `interceptScaling must be > 0, got ${interceptScaling}`);
    checkPositiveInt(maxIter, where, 'maxIter');
    const { classes, codes } = encodeLabels(target, where);
    const rowWeights = fitWeights(null, sampleWeight, classes, codes, where);
    const classWeights = computeClassWeight(this.params.classWeight, classes, Array.from(codes, (k) => classes[k]), where);
    const d = data.cols;
    const problems = classes.length === 2 ? [1] : classes.map((_, k) => k);
    this.classes = classes;
    this.nFeaturesIn = d;
    this.coef = problems.map(() => new Array<number>(d).fill(0));
    this.intercept = problems.map(() => 0);
    this.nIter = 0;
    const random = rng(seed);
    for (const [row, positive] of problems.entries()) {
      const signs = Int8Array.from(codes, (c) => (c === positive ? 1 : -1));
      // liblinear's weighted C: C · sampleWeight_i · classWeight of the row's class; one-vs-rest
      // with more classes gives the rest (the negatives) no class weight, so scikit-learn does too.
      const bounds = Float64Array.from(codes, (c, i) => {
        const classWeight = problems.length === 1 || c === positive ? classWeights[c] : 1;
        return C * (rowWeights ? rowWeights[i] : 1) * classWeight;
      });
      const solver = dualCoordinateDescent(data, signs, bounds, loss === 'squared_hinge', fitIntercept ? interceptScaling : null, tol, maxIter, random);
      for (const s of solver) {
        this.coef[row] = Array.from(s.w.subarray(0, d));
        this.intercept[row] = fitIntercept ? s.w[d] * interceptScaling : 0;
        this.nIter = Math.max(this.nIter, s.epoch);
        yield { problem: positive, epoch: s.epoch, coef: this.coef[row], intercept: this.intercept[row], violation: s.violation, converged: s.converged };
      }
    }
  }

  /** w_k·x + b_k: one value per row for two classes (positive = classes[1]), else one per class. */
  decisionFunction(X: MatrixLike): Decision {
    return decisionShape(this.scores(X, 'LinearSVC.decisionFunction'));
  }

  /** w_k·x + b_k, one column per row of coef (one for two classes). */
  private scores(X: MatrixLike, where: string): number[][] {
    const coef = checkFitted(this.coef, where);
    const data = toDense(X, where);
    if (data.cols !== this.nFeaturesIn) fail(where, `X has ${data.cols} features but the model was fitted on ${this.nFeaturesIn}`);
    const out: number[][] = [];
    for (let i = 0; i < data.rows; i++) {
      out.push(coef.map((w, k) => w.reduce((s, v, j) => s + v * data.data[i * data.cols + j], this.intercept![k])));
    }
    return out;
  }

  /** The class with the largest decision value (the sign, for two classes). */
  predict(X: MatrixLike): number[] {
    const classes = checkFitted(this.classes, 'LinearSVC.predict');
    return this.scores(X, 'LinearSVC.predict').map((z) => (z.length === 1 ? classes[z[0] > 0 ? 1 : 0] : classes[argmax(z)]));
  }

  /** Mean accuracy on (X, y). */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    return accuracy(toVector(y, 'LinearSVC.score', { length: predicted.length }), predicted);
  }
}
