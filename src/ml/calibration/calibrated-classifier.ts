import type { Decision } from '../core/decision.ts';
import { cloneEstimator, type Classifier } from '../core/estimator.ts';
import { checkFitted, checkOneOf, checkPositiveInt, fail, toVector, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { stratifiedTestFolds } from '../ensemble/folds.ts';
import { accuracy, argmax, encodeLabels } from '../linear/labels.ts';
import { offers } from '../model-selection/model-types.ts';
import { asRows, take } from '../model-selection/subset.ts';
import { LinearSVC } from '../svm/linear-svc.ts';
import { IsotonicRegression } from './isotonic.ts';
import { SigmoidCalibration } from './sigmoid.ts';

export interface CalibratedClassifierCVOptions {
  /** The classifier to calibrate: it needs decisionFunction or predictProba (a LinearSVC by default, as scikit-learn). */
  estimator: Classifier;
  /** 'sigmoid' (Platt scaling: two parameters, for small data) or 'isotonic' (any monotone map, needs more data). */
  method: 'sigmoid' | 'isotonic';
  /** Stratified folds: each fold's model is calibrated on the rows it did not see; 'prefit' calibrates the given, already fitted model on all of X. */
  cv: number | 'prefit';
}

/** A calibrator maps one column of classifier scores to probabilities. */
export type Calibrator = SigmoidCalibration | IsotonicRegression;

/** One fold of a CalibratedClassifierCV: a fitted classifier and the calibrators fitted on its held-out scores. */
export interface CalibratedFold {
  /** The classifier fitted on the fold's training rows (with cv 'prefit', the given model itself). */
  estimator: Classifier;
  /** One per class, in the order of `classes`; with two classes only one, for P(classes[1]). */
  calibrators: Calibrator[];
}

/**
 * Probability calibration (scikit-learn's `CalibratedClassifierCV`, ensemble=True): the classifier's
 * scores are mapped to probabilities that match observed frequencies, by Platt's sigmoid or by an
 * isotonic fit. Each fold fits a copy of the classifier on its training rows and the calibrator on
 * its held-out rows (scores the copy never trained on, so the calibrator sees honest confidence);
 * predictProba averages the folds. With more than two classes each class is calibrated one-vs-rest
 * and the probabilities are renormalised to sum to 1.
 * Fitted: `classes`, `calibratedClassifiers` (one CalibratedFold per fold).
 */
export class CalibratedClassifierCV {
  readonly params: Readonly<CalibratedClassifierCVOptions>;
  classes?: number[];
  calibratedClassifiers?: CalibratedFold[];

  constructor(options: Partial<CalibratedClassifierCVOptions> = {}) {
    this.params = { estimator: new LinearSVC(), method: 'sigmoid', cv: 5, ...options };
  }

  /**
   * Fits the classifier and calibrators fold by fold (or, with cv 'prefit', the calibrators only).
   * Rows reach the classifier unchecked, so a Pipeline can take the data it expects.
   */
  fit(X: MatrixLike, y: VectorLike): this {
    const where = 'CalibratedClassifierCV.fit';
    const { estimator, method, cv } = this.params;
    checkOneOf(method, ['sigmoid', 'isotonic'], where, 'method');
    if (cv !== 'prefit') checkPositiveInt(cv, where, "cv (an integer number of folds, or 'prefit')", 2);
    if (!estimator || typeof estimator.fit !== 'function') fail(where, `estimator must be a classifier with fit, got ${String(estimator)}`);
    scoreMethod(estimator, where);
    const rows = asRows(X, where);
    const labels = toVector(y, where, { length: rows.length });

    if (cv === 'prefit') {
      const classes = estimator.classes;
      if (!classes) fail(where, "cv is 'prefit' but the estimator is not fitted (it has no classes); fit it first, or give cv a number of folds");
      this.classes = classes.slice();
      this.calibratedClassifiers = [fitCalibrators(estimator, rows, labels, this.classes, method, where)];
      return this;
    }

    const { classes } = encodeLabels(labels, where);
    // Every training fold must hold every class, so each copy scores every class.
    for (const c of classes) {
      const count = labels.filter((label) => label === c).length;
      if (count < cv) fail(where, `cv = ${cv} folds, but class ${c} has only ${count} rows; every class needs at least cv rows (lower cv)`);
    }
    this.classes = classes;
    this.calibratedClassifiers = stratifiedTestFolds(labels, cv).map((test) => {
      const inTest = new Set(test);
      const train = labels.flatMap((_, i) => (inTest.has(i) ? [] : [i]));
      const model = cloneEstimator(estimator).fit(take(rows, train) as number[][], take(labels, train));
      return fitCalibrators(model, take(rows, test), take(labels, test), classes, method, where);
    });
    return this;
  }

  /** Calibrated class probabilities: the mean over the folds (columns in the order of `classes`). */
  predictProba(X: MatrixLike): number[][] {
    const where = 'CalibratedClassifierCV.predictProba';
    const folds = checkFitted(this.calibratedClassifiers, where);
    const rows = asRows(X, where);
    const sum = rows.map(() => new Array<number>(this.classes!.length).fill(0));
    for (const fold of folds) {
      foldProba(fold, rows, this.classes!.length, where).forEach((p, i) => p.forEach((v, k) => (sum[i][k] += v)));
    }
    return sum.map((p) => p.map((v) => v / folds.length));
  }

  /** The class with the highest calibrated probability (which may differ from the uncalibrated model's prediction). */
  predict(X: MatrixLike): number[] {
    checkFitted(this.classes, 'CalibratedClassifierCV.predict');
    return this.predictProba(X).map((p) => this.classes![argmax(p)]);
  }

  /** Accuracy on X, y. */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    return accuracy(toVector(y, 'CalibratedClassifierCV.score', { length: predicted.length }), predicted);
  }
}

type ScoreMethod = 'decisionFunction' | 'predictProba';

/** decisionFunction when the model has one, else predictProba (scikit-learn's `_get_prediction_method`). */
function scoreMethod(model: Classifier, where: string): ScoreMethod {
  if (offers(model, 'decisionFunction')) return 'decisionFunction';
  if (offers(model, 'predictProba')) return 'predictProba';
  const name = (model as object).constructor?.name ?? 'object';
  return fail(where, `the estimator (a ${name}) has neither predictProba nor decisionFunction; calibration needs a classifier's scores to turn into probabilities`);
}

/**
 * The scores the calibrators see, one column per calibrator: with two classes the one decision
 * value or P(classes[1]); otherwise one column per class.
 */
function scoreColumns(model: Classifier, rows: unknown[], nClasses: number, where: string): number[][] {
  const method = scoreMethod(model, where);
  const scores = method === 'decisionFunction'
    ? (model as Classifier & { decisionFunction(X: unknown): Decision }).decisionFunction(rows)
    : model.predictProba!(rows as number[][]).map((p) => (nClasses === 2 ? [p[1]] : p));
  const columns = scores.map((s) => (Array.isArray(s) ? s : [s]));
  const expected = nClasses === 2 ? 1 : nClasses;
  if (columns[0].length !== expected) {
    // scikit-learn would pair columns with classes regardless (e.g. SVC's one-vs-one scores); say so instead.
    fail(where, `the estimator's ${method} gives ${columns[0].length} columns for ${nClasses} classes; calibration needs one score per class (for SVC, use decisionFunctionShape 'ovr')`);
  }
  return columns;
}

/**
 * Fits one calibrator per score column (scikit-learn's `_fit_calibrator`). The folds guarantee the
 * model saw every class, so column k scores classes[k]; with two classes the one column scores classes[1].
 */
function fitCalibrators(model: Classifier, rows: unknown[], labels: number[], classes: number[], method: 'sigmoid' | 'isotonic', where: string): CalibratedFold {
  const columns = scoreColumns(model, rows, classes.length, where);
  const positives = classes.length === 2 ? [classes[1]] : classes;
  const calibrators = positives.map((positive, k) => {
    const scores = columns.map((c) => c[k]);
    const isPositive = labels.map((label) => (label === positive ? 1 : 0));
    // Probabilities must stay in [0, 1], so an isotonic calibrator clips scores outside the ones it saw.
    const calibrator = method === 'isotonic' ? new IsotonicRegression({ outOfBounds: 'clip' }) : new SigmoidCalibration();
    return calibrator.fit(scores, isPositive);
  });
  return { estimator: model, calibrators };
}

/**
 * One fold's calibrated probabilities (scikit-learn's `_CalibratedClassifier.predict_proba`):
 * two classes give [1 − p, p]; more are normalised to sum to 1, uniform where every calibrator says 0.
 */
function foldProba(fold: CalibratedFold, rows: unknown[], nClasses: number, where: string): number[][] {
  const columns = scoreColumns(fold.estimator, rows, nClasses, where);
  const perClass = fold.calibrators.map((calibrator, k) => calibrator.predict(columns.map((c) => c[k])));
  return rows.map((_, i) => {
    let p: number[];
    if (nClasses === 2) {
      p = [1 - perClass[0][i], perClass[0][i]];
    } else {
      const total = perClass.reduce((s, column) => s + column[i], 0);
      p = perClass.map((column) => (total !== 0 ? column[i] / total : 1 / nClasses));
    }
    // Rounding can push a probability a hair above 1; scikit-learn snaps those back to 1.
    return p.map((v) => (v > 1 && v <= 1 + 1e-5 ? 1 : v));
  });
}
