import { confusionMatrix } from './confusion-matrix.ts';
import { checkLabelPair, uniqueLabels, type Label, type LabelsLike } from './labels.ts';

/** Fraction of samples whose predicted label equals the true label (or the count, with normalize false). */
export function accuracyScore<L extends Label>(yTrue: LabelsLike<L>, yPred: LabelsLike<L>, options: { normalize?: boolean } = {}): number {
  const [t, p] = checkLabelPair(yTrue, yPred, 'accuracyScore');
  let correct = 0;
  for (let i = 0; i < t.length; i++) if (t[i] === p[i]) correct++;
  return options.normalize === false ? correct : correct / t.length;
}

/**
 * Mean of the per-class recalls (classes present in yTrue), robust to imbalance. With adjusted,
 * rescaled so chance level is 0: (score − 1/K) / (1 − 1/K).
 */
export function balancedAccuracyScore<L extends Label>(
  yTrue: LabelsLike<L>,
  yPred: LabelsLike<L>,
  options: { adjusted?: boolean } = {},
): number {
  const [t, p] = checkLabelPair(yTrue, yPred, 'balancedAccuracyScore');
  const labels = uniqueLabels(t, p);
  const C = confusionMatrix(t, p, { labels });
  const recalls: number[] = [];
  C.forEach((row, i) => {
    const support = row.reduce((a, b) => a + b, 0);
    // Classes that only appear in yPred have no recall; scikit-learn drops them (with a warning).
    if (support > 0) recalls.push(row[i] / support);
  });
  let score = recalls.reduce((a, b) => a + b, 0) / recalls.length;
  if (options.adjusted) {
    const chance = 1 / recalls.length;
    score = (score - chance) / (1 - chance);
  }
  return score;
}
