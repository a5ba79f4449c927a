import { fail } from '../core/validate.ts';
import { accuracyScore, balancedAccuracyScore } from '../metrics/accuracy.ts';
import { f1Score, precisionScore, recallScore } from '../metrics/precision-recall-fscore.ts';
import { rocAucScore } from '../metrics/roc.ts';
import { averagePrecisionScore } from '../metrics/precision-recall-curve.ts';
import { logLoss } from '../metrics/probabilistic-losses.ts';
import { meanAbsoluteError, meanSquaredError, r2Score } from '../metrics/regression.ts';
import { offers, type AnyData, type PredictorModel } from './model-types.ts';

/** A scorer: higher is better (losses are negated, as in scikit-learn). */
export type Scorer = (estimator: PredictorModel, X: AnyData, y: number[]) => number;

/** The names scikit-learn users know, or a function (estimator, X, y) → score. */
export type Scoring = ScorerName | Scorer;

const fromPredictions = (metric: (y: number[], p: number[]) => number): Scorer => (est, X, y) => metric(y, est.predict(X));

/**
 * A continuous score for the positive class to rank rows by: the decision function when the model
 * has one, else P(classes[1]), as scikit-learn (probabilities near 0 or 1 round to ties that the
 * decision function keeps apart).
 */
function positiveScore(est: PredictorModel, X: AnyData, where: string): number[] {
  const multiclass = (k: number) => fail(where, `the problem has ${k} classes; use scoring 'roc_auc_ovr' or 'roc_auc_ovo' with a model that has predictProba`);
  if (offers(est, 'decisionFunction')) {
    const decision = est.decisionFunction!(X);
    return Array.isArray(decision[0]) ? multiclass(decision[0].length) : (decision as number[]);
  }
  if (offers(est, 'predictProba')) {
    const proba = est.predictProba!(X);
    return proba[0].length > 2 ? multiclass(proba[0].length) : proba.map((p) => p[p.length - 1]);
  }
  return fail(where, 'the estimator has neither predictProba nor decisionFunction, so it cannot be scored by ranking');
}

/** Class probabilities, one column per class; a clear error for models without predictProba. */
function probabilities(est: PredictorModel, X: AnyData, where: string): number[][] {
  if (!offers(est, 'predictProba')) fail(where, 'the estimator has no predictProba');
  return est.predictProba!(X);
}

const SCORERS = {
  accuracy: fromPredictions((y, p) => accuracyScore(y, p)),
  balanced_accuracy: fromPredictions((y, p) => balancedAccuracyScore(y, p)),
  f1: fromPredictions((y, p) => f1Score(y, p)),
  f1_macro: fromPredictions((y, p) => f1Score(y, p, { average: 'macro' })),
  f1_micro: fromPredictions((y, p) => f1Score(y, p, { average: 'micro' })),
  f1_weighted: fromPredictions((y, p) => f1Score(y, p, { average: 'weighted' })),
  precision: fromPredictions((y, p) => precisionScore(y, p)),
  recall: fromPredictions((y, p) => recallScore(y, p)),
  roc_auc: (est, X, y) => rocAucScore(y, positiveScore(est, X, "scoring 'roc_auc'")),
  roc_auc_ovr: (est, X, y) => rocAucScore(y, probabilities(est, X, "scoring 'roc_auc_ovr'"), { multiClass: 'ovr' }),
  roc_auc_ovo: (est, X, y) => rocAucScore(y, probabilities(est, X, "scoring 'roc_auc_ovo'"), { multiClass: 'ovo' }),
  average_precision: (est, X, y) => averagePrecisionScore(y, positiveScore(est, X, "scoring 'average_precision'")),
  neg_log_loss: (est, X, y) => -logLoss(y, probabilities(est, X, "scoring 'neg_log_loss'"), { labels: est.classes }),
  r2: fromPredictions(r2Score),
  neg_mean_squared_error: fromPredictions((y, p) => -meanSquaredError(y, p)),
  neg_root_mean_squared_error: fromPredictions((y, p) => -meanSquaredError(y, p, { squared: false })),
  neg_mean_absolute_error: fromPredictions((y, p) => -meanAbsoluteError(y, p)),
} satisfies Record<string, Scorer>;

export type ScorerName = keyof typeof SCORERS;

/** The scorer for a name or function; without one, the estimator's own score method. */
export function getScorer(scoring: Scoring | undefined, where: string): Scorer {
  if (typeof scoring === 'function') return scoring;
  if (scoring === undefined) {
    return (est, X, y) => {
      if (typeof est.score !== 'function') fail(where, 'the estimator has no score method; pass scoring (e.g. \'accuracy\' or \'r2\')');
      return est.score(X, y);
    };
  }
  const scorer = (SCORERS as Record<string, Scorer>)[scoring];
  if (!scorer) fail(where, `unknown scoring '${scoring}'; use one of ${Object.keys(SCORERS).map((s) => `'${s}'`).join(', ')} or a function`);
  return scorer;
}
