import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { checkFitted, checkOneOf, checkPositiveInt, fail, toRows, toVector } from '../core/validate.ts';
import { lbfgs } from '../optim/lbfgs.ts';
import { decisionShape, type Decision } from '../core/decision.ts';
import { toDense } from '../core/dense-input.ts';
import { fitWeights, type ClassWeight } from '../core/class-weight.ts';
import { accuracy, argmax, encodeLabels } from './labels.ts';
import { logisticObjective, weightMask } from './logistic-loss.ts';
import { fistaL1 } from './proximal-gradient.ts';
import { sigmoid } from './softmax.ts';
import { runToEnd } from '../core/run-to-end.ts';

export type LogisticPenalty = 'l2' | 'l1' | 'none';

export interface LogisticRegressionOptions {
  penalty: LogisticPenalty;
  /** Inverse regularisation strength: the objective is C·Σ log-loss + ½‖w‖² (l2) or + ‖w‖₁ (l1). */
  C: number;
  fitIntercept: boolean;
  /** Stop when the largest gradient entry of Σ log-loss + penalty/C is ≤ tol (scikit-learn's gtol). */
  tol: number;
  maxIter: number;
  /** Weight of each class in the loss: 'balanced', a map {label: weight}, or null (all 1). */
  classWeight: ClassWeight;
}

/** The state after one solver iteration, for animating the decision boundary. */
export interface LogisticStep {
  iteration: number;
  coef: number[][];
  intercept: number[];
  /** Mean log-loss on the training data (weighted by the fit's row weights, if any). */
  loss: number;
  /** The penalised objective Σ log-loss + penalty/C that the solver minimises. */
  objective: number;
  converged: boolean;
}

const defaults: LogisticRegressionOptions = { penalty: 'l2', C: 1, fitIntercept: true, tol: 1e-4, maxIter: 100, classWeight: null };

/**
 * Logistic regression: P(y = c | x) = softmax(Wx + b)_c (sigmoid for two classes; multinomial
 * for more). L2 and unpenalised fits use L-BFGS; L1 fits use FISTA (proximal gradient).
 * Fitted: `classes`, `coef` (1 × d for two classes, K × d otherwise), `intercept`, `nIter`.
 */
export class LogisticRegression {
  readonly params: Readonly<LogisticRegressionOptions>;
  classes?: number[];
  coef?: number[][];
  intercept?: number[];
  nIter?: number;
  nFeaturesIn?: number;

  constructor(options: Partial<LogisticRegressionOptions> = {}) {
    this.params = { ...defaults, ...options };
  }

  /** Fits the weights by minimising the penalised log-loss, row i weighing sampleWeight_i · classWeight[y_i]. */
  fit(X: MatrixLike, y: VectorLike, sampleWeight?: VectorLike): this {
    runToEnd(this.steps(X, y, sampleWeight));
    return this;
  }

  /** One state per solver iteration; the fitted attributes follow the latest iteration. */
  *steps(X: MatrixLike, y: VectorLike, sampleWeight?: VectorLike): Generator<LogisticStep, void, void> {
    const where = 'LogisticRegression.fit';
    // Only read while fitting, so rows fitted again unchanged reuse their copy (see toDense).
    const data = toDense(X, where, { copy: false });
    const target = toVector(y, where, { length: data.rows });
    const { penalty, C, fitIntercept, tol, maxIter } = this.params;
    checkOneOf(penalty, ['l2', 'l1', 'none'], where, 'penalty');
    if (!(C > 0) || !Number.isFinite(C)) fail(where, `C must be a positive number, got ${C}`);
    if (!(tol > 0)) fail(where, `tol must be > 0, got ${tol}`);
    checkPositiveInt(maxIter, where, 'maxIter');
    const { classes, codes } = encodeLabels(target, where);
    const weights = fitWeights(this.params.classWeight, sampleWeight, classes, codes, where);
    const d = data.cols;
    // The mean loss is per unit of weight (per row when unweighted).
    const n = weights ? weights.reduce((s, w) => s + w, 0) : data.rows;
    const nOut = classes.length === 2 ? 1 : classes.length;
    const problem = { X: data, codes, nOut, fitIntercept, weights };
    this.classes = classes;
    this.nFeaturesIn = d;
    const x0 = new Float64Array(nOut * (d + 1));

    const emit = (iteration: number, x: Float64Array, objective: number, converged: boolean): LogisticStep => {
      this.setWeights(x, nOut, d);
      this.nIter = iteration;
      // The solver reports the penalised objective; the data term is it minus the penalty.
      const loss = objective - this.penaltyValue(x, nOut, d);
      return { iteration, coef: this.coef!, intercept: this.intercept!, loss: loss / n, objective, converged };
    };

    if (penalty === 'l1') {
      // min Σ log-loss + (1/C)‖w‖₁, the same minimiser as C·Σ log-loss + ‖w‖₁
      const dataLoss = logisticObjective(problem, 0);
      for (const s of fistaL1(dataLoss, x0, 1 / C, weightMask(nOut, d), maxIter, tol)) yield emit(s.iteration, s.x, s.objective, s.converged);
    } else {
      // min Σ log-loss + (1/2C)‖w‖², scikit-learn's scaling of the lbfgs objective
      const objective = logisticObjective(problem, penalty === 'l2' ? 1 / C : 0);
      this.setWeights(x0, nOut, d);
      this.nIter = 0;
      for (const s of lbfgs(objective, x0, { maxIter, gtol: tol })) yield emit(s.iteration, s.x, s.loss, s.converged);
    }
  }

  /** Scores w_k·x + b_k: one value per row for two classes (the logit of classes[1]), else one per class. */
  decisionFunction(X: MatrixLike): Decision {
    return decisionShape(this.scores(X, 'LogisticRegression.decisionFunction'));
  }

  /** Class probabilities: [1 − σ(z), σ(z)] for two classes, softmax(z) otherwise. */
  predictProba(X: MatrixLike): number[][] {
    return this.scores(X, 'LogisticRegression.predictProba').map((z) => {
      if (z.length === 1) {
        const p = sigmoid(z[0]);
        return [1 - p, p];
      }
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const total = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / total);
    });
  }

  /** w_k·x + b_k, one column per row of coef (one for two classes). */
  private scores(X: MatrixLike, where: string): number[][] {
    const coef = checkFitted(this.coef, where);
    const rows = toRows(X, where);
    if (rows[0].length !== this.nFeaturesIn) fail(where, `X has ${rows[0].length} features but the model was fitted on ${this.nFeaturesIn}`);
    return rows.map((row) => coef.map((w, k) => row.reduce((s, v, j) => s + v * w[j], this.intercept![k])));
  }

  /** The most probable class of each row. */
  predict(X: MatrixLike): number[] {
    const classes = checkFitted(this.classes, 'LogisticRegression.predict');
    return this.predictProba(X).map((p) => classes[argmax(p)]);
  }

  /** Mean accuracy on (X, y). */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    return accuracy(toVector(y, 'LogisticRegression.score', { length: predicted.length }), predicted);
  }

  /** (1/2C)‖w‖² for l2, (1/C)‖w‖₁ for l1, 0 for none: the penalty in the solver's scaling. */
  private penaltyValue(x: Float64Array, nOut: number, d: number): number {
    const { penalty, C } = this.params;
    let s = 0;
    for (let k = 0; k < nOut; k++) {
      for (let j = 0; j < d; j++) {
        const w = x[k * (d + 1) + j];
        s += penalty === 'l2' ? (0.5 * w * w) / C : penalty === 'l1' ? Math.abs(w) / C : 0;
      }
    }
    return s;
  }

  private setWeights(x: Float64Array, nOut: number, d: number): void {
    const stride = d + 1;
    this.coef = Array.from({ length: nOut }, (_, k) => Array.from(x.subarray(k * stride, k * stride + d)));
    this.intercept = Array.from({ length: nOut }, (_, k) => (this.params.fitIntercept ? x[k * stride + d] : 0));
  }
}
