import { describeValue } from '../core/describe-value.ts';
import { fail, toRows, type MatrixLike, type VectorLike } from '../core/validate.ts';
import {
  checkLabelsAndScores, formatLabels, resolvePosLabel, toLabels, uniqueLabels, type Label, type LabelsLike,
} from './labels.ts';

/**
 * Cross-entropy −(1/n) Σ log p(true class). yProb is the positive-class probability (binary) or a
 * matrix with one column per sorted label. Probabilities are clipped to [eps, 1 − eps] and rows
 * renormalised, as scikit-learn does.
 */
export function logLoss<L extends Label>(
  yTrue: LabelsLike<L>,
  yProb: VectorLike | MatrixLike,
  options: { eps?: number; labels?: readonly L[] } = {},
): number {
  const where = 'logLoss';
  const t = toLabels(yTrue, where, 'yTrue');
  const labels = options.labels ?? uniqueLabels(t);
  if (labels.length < 2) fail(where, `yTrue has only the label ${describeValue(labels[0])}; pass labels to say which classes exist`);
  const first = (yProb as ArrayLike<unknown>)[0];
  const P = typeof first === 'number'
    ? checkLabelsAndScores(t, yProb as VectorLike, where, 'yProb')[1].map((p) => [1 - p, p])
    : toRows(yProb as MatrixLike, where, { name: 'yProb' });
  if (P.length !== t.length) fail(where, `yTrue has ${t.length} values but yProb has ${P.length} rows; they must match`);
  if (P[0].length !== labels.length) {
    fail(where, `yProb has ${P[0].length} columns but there are ${labels.length} classes ${formatLabels(labels)}; they must match`);
  }
  const eps = options.eps ?? Number.EPSILON;
  const index = new Map(labels.map((l, i) => [l, i]));
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const k = index.get(t[i]);
    if (k === undefined) fail(where, `yTrue[${i}] = ${describeValue(t[i])} is not one of the labels ${formatLabels(labels)}`);
    const clipped = P[i].map((p) => Math.min(Math.max(p, eps), 1 - eps));
    const rowSum = clipped.reduce((a, b) => a + b, 0);
    total -= Math.log(clipped[k] / rowSum);
  }
  return total / t.length;
}

/**
 * Mean hinge loss max(0, 1 − margin). Binary: margin = y·f(x) with y ∈ {−1, +1} (the larger label
 * is +1). Multiclass (a decision matrix): margin = f_true(x) − max of the other classes (Crammer–Singer).
 */
export function hingeLoss(yTrue: LabelsLike, decision: VectorLike | MatrixLike): number {
  const where = 'hingeLoss';
  const t = toLabels(yTrue, where, 'yTrue');
  const labels = uniqueLabels(t);
  const first = (decision as ArrayLike<unknown>)[0];
  let total = 0;
  if (typeof first === 'number') {
    const [, d] = checkLabelsAndScores(t, decision as VectorLike, where, 'decision');
    if (labels.length !== 2) fail(where, `yTrue has ${labels.length} label(s); a binary decision vector needs exactly 2 (use a decision matrix for multiclass)`);
    for (let i = 0; i < t.length; i++) {
      const sign = t[i] === labels[1] ? 1 : -1;
      total += Math.max(0, 1 - sign * d[i]);
    }
    return total / t.length;
  }
  const D = toRows(decision as MatrixLike, where, { name: 'decision' });
  if (D.length !== t.length) fail(where, `yTrue has ${t.length} values but decision has ${D.length} rows; they must match`);
  if (D[0].length !== labels.length) fail(where, `decision has ${D[0].length} columns but yTrue has ${labels.length} classes`);
  const index = new Map(labels.map((l, i) => [l, i]));
  for (let i = 0; i < t.length; i++) {
    const k = index.get(t[i])!;
    let other = -Infinity;
    for (let j = 0; j < D[i].length; j++) if (j !== k && D[i][j] > other) other = D[i][j];
    total += Math.max(0, 1 - (D[i][k] - other));
  }
  return total / t.length;
}

/** Brier score: mean squared difference (1/n) Σ (p_i − [y_i = pos])² between predicted probability and outcome. */
export function brierScoreLoss<L extends Label>(yTrue: LabelsLike<L>, yProb: VectorLike, options: { posLabel?: L } = {}): number {
  const where = 'brierScoreLoss';
  const [t, p] = checkLabelsAndScores(yTrue, yProb, where, 'yProb');
  p.forEach((v, i) => {
    if (v < 0 || v > 1) fail(where, `yProb[${i}] = ${v} is not a probability in [0, 1]`);
  });
  const pos = resolvePosLabel(t, options.posLabel, where);
  let total = 0;
  for (let i = 0; i < t.length; i++) total += ((t[i] === pos ? 1 : 0) - p[i]) ** 2;
  return total / t.length;
}
