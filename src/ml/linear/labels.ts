import { fail } from '../core/validate.ts';

/** Class labels of a classification target: the sorted distinct values and each sample's index into them. */
export interface EncodedLabels {
  classes: number[];
  /** codes[i] = index of y[i] in classes. */
  codes: Int32Array;
}

/**
 * Sorted distinct labels and the code of every sample, as scikit-learn's LabelEncoder:
 * classes are sorted ascending, so predictions and probability columns follow that order.
 */
export function encodeLabels(y: readonly number[], where: string, minClasses = 2): EncodedLabels {
  const classes = Array.from(new Set(y)).sort((a, b) => a - b);
  if (classes.length < minClasses) {
    fail(where, `y has ${classes.length} distinct class${classes.length === 1 ? '' : 'es'}; need at least ${minClasses} to fit a classifier`);
  }
  const codeOf = new Map(classes.map((c, k) => [c, k]));
  const codes = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) codes[i] = codeOf.get(y[i])!;
  return { classes, codes };
}

/** Index of the largest value; the first one wins a tie (numpy's argmax). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k] > values[best]) best = k;
  return best;
}

/** Fraction of predictions equal to the truth: the default score of every classifier. */
export function accuracy(yTrue: readonly number[], yPred: readonly number[]): number {
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits++;
  return hits / yTrue.length;
}

/** Coefficient of determination R² = 1 − SS_res / SS_tot: the default score of every regressor. */
export function r2(yTrue: readonly number[], yPred: readonly number[]): number {
  let mean = 0;
  for (const v of yTrue) mean += v / yTrue.length;
  let ssRes = 0, ssTot = 0;
  for (let i = 0; i < yTrue.length; i++) {
    ssRes += (yTrue[i] - yPred[i]) ** 2;
    ssTot += (yTrue[i] - mean) ** 2;
  }
  // sklearn's convention for a constant target: perfect predictions score 1, anything else 0.
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}
