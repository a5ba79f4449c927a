import { checkOneOf, fail } from '../core/validate.ts';
import { checkLabelPair, formatLabels, uniqueLabels, type Label, type LabelsLike } from './labels.ts';

export interface ConfusionMatrixOptions<L extends Label = Label> {
  /** Row/column order; default the sorted labels found in yTrue and yPred. */
  labels?: readonly L[];
  /** Divide by the row sums ('true'), column sums ('pred') or the total ('all'). */
  normalize?: 'true' | 'pred' | 'all';
}

/**
 * C[i][j] = number of samples whose true label is labels[i] and predicted label is labels[j]
 * (rows are the truth, as in scikit-learn).
 */
export function confusionMatrix<L extends Label>(
  yTrue: LabelsLike<L>,
  yPred: LabelsLike<L>,
  options: ConfusionMatrixOptions<L> = {},
): number[][] {
  const where = 'confusionMatrix';
  const [t, p] = checkLabelPair(yTrue, yPred, where);
  const labels = options.labels ?? uniqueLabels(t, p);
  if (labels.length === 0) fail(where, 'labels is empty; pass at least one label');
  if (options.labels && !t.some((v) => options.labels!.includes(v))) {
    fail(where, `none of labels ${formatLabels(options.labels)} occurs in yTrue; pass labels of the kind yTrue holds`);
  }
  const index = new Map(labels.map((l, i) => [l, i]));
  const k = labels.length;
  const C = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let s = 0; s < t.length; s++) {
    const i = index.get(t[s]);
    const j = index.get(p[s]);
    // Samples whose label is not in `labels` are left out, as scikit-learn does.
    if (i !== undefined && j !== undefined) C[i][j]++;
  }
  if (options.normalize === undefined) return C;
  checkOneOf(options.normalize, ['true', 'pred', 'all'], where, 'normalize');
  const rowSums = C.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = labels.map((_, j) => C.reduce((a, row) => a + row[j], 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  // An empty row or column stays 0 instead of becoming NaN (scikit-learn's nan_to_num).
  const safe = (v: number, d: number) => (d === 0 ? 0 : v / d);
  return C.map((row, i) =>
    row.map((v, j) => safe(v, options.normalize === 'true' ? rowSums[i] : options.normalize === 'pred' ? colSums[j] : total)),
  );
}
