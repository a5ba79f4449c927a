import { KFold, type CrossValidator } from './k-fold.ts';
import { StratifiedKFold } from './stratified-k-fold.ts';
import { isClassifier } from './model-types.ts';

/** How to cross-validate: a number of folds or a splitter object (KFold, StratifiedKFold, TimeSeriesSplit…). */
export type CV = number | CrossValidator;

/** A number of folds becomes StratifiedKFold for classifiers and KFold otherwise (unshuffled, as scikit-learn). */
export function checkCV(cv: CV | undefined, estimator: object): CrossValidator {
  if (typeof cv === 'object') return cv;
  const nSplits = cv ?? 5;
  return isClassifier(estimator) ? new StratifiedKFold({ nSplits }) : new KFold({ nSplits });
}
