import { toVector, type VectorLike } from '../core/validate.ts';
import { checkCV, type CV } from './check-cv.ts';
import { cloneModel } from './clone.ts';
import type { AnyData, PredictorModel } from './model-types.ts';
import { getScorer, type Scoring } from './scoring.ts';
import { asRows, take } from './subset.ts';

export interface CrossValidateOptions {
  /** Folds: a number (StratifiedKFold for classifiers, KFold otherwise; default 5) or a splitter. */
  cv?: CV;
  /** A scorer name ('accuracy', 'r2', 'neg_mean_squared_error', …) or function; default estimator.score. */
  scoring?: Scoring;
  /** Also score each fold's model on its own training rows (to see over-fitting). */
  returnTrainScore?: boolean;
}

/** Per-fold results of crossValidate. */
export interface CrossValidateResult {
  testScore: number[];
  trainScore?: number[];
  /** Milliseconds spent in fit and in scoring, per fold. */
  fitTime: number[];
  scoreTime: number[];
}

/** Fits a fresh clone of the estimator on each training fold and scores it on the held-out fold. */
export function crossValidate(estimator: PredictorModel, X: AnyData, y: VectorLike, options: CrossValidateOptions = {}): CrossValidateResult {
  const where = 'crossValidate';
  const rows = asRows(X, where);
  const target = toVector(y, where, { length: rows.length });
  const scorer = getScorer(options.scoring, where);
  const result: CrossValidateResult = { testScore: [], fitTime: [], scoreTime: [] };
  if (options.returnTrainScore) result.trainScore = [];
  for (const { train, test } of checkCV(options.cv, estimator).split(rows, target)) {
    const model = cloneModel(estimator);
    const XTrain = take(rows, train);
    const yTrain = take(target, train);
    const t0 = performance.now();
    model.fit(XTrain, yTrain);
    const t1 = performance.now();
    result.testScore.push(scorer(model, take(rows, test), take(target, test)));
    result.scoreTime.push(performance.now() - t1);
    result.fitTime.push(t1 - t0);
    if (result.trainScore) result.trainScore.push(scorer(model, XTrain, yTrain));
  }
  return result;
}

/** The test score of each cross-validation fold (crossValidate's testScore). */
export function crossValScore(
  estimator: PredictorModel,
  X: AnyData,
  y: VectorLike,
  options: { cv?: CV; scoring?: Scoring } = {},
): number[] {
  return crossValidate(estimator, X, y, options).testScore;
}
