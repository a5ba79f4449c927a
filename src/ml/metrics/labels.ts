import { describeValue } from '../core/describe-value.ts';
import { fail, toVector, type VectorLike } from '../core/validate.ts';

/** A class label: scikit-learn takes any hashable; here numbers or strings, one kind per problem. */
export type Label = number | string;
/** What the classification metrics accept as a label vector. */
export type LabelsLike<L extends Label = Label> = readonly L[] | Float64Array;

/** y_true and y_pred as checked number arrays of the same, non-zero length (the regression metrics). */
export function checkPair(yTrue: VectorLike, yPred: VectorLike, where: string, predName = 'yPred'): [number[], number[]] {
  const t = checkNonEmpty(toVector(yTrue, where, { name: 'yTrue' }), where);
  return [t, checkLength(t, toVector(yPred, where, { name: predName }), where, predName)];
}

/** y_true and y_pred as label arrays of one kind (both numbers or both strings) and the same, non-zero length. */
export function checkLabelPair<L extends Label>(yTrue: LabelsLike<L>, yPred: LabelsLike<L>, where: string): [L[], L[]] {
  const t = checkNonEmpty(toLabels(yTrue, where, 'yTrue'), where);
  const p = checkLength(t, toLabels(yPred, where, 'yPred'), where, 'yPred');
  if (typeof t[0] !== typeof p[0]) {
    fail(where, `yTrue holds ${kind(t[0])} but yPred holds ${kind(p[0])} (yTrue[0] is ${describeValue(t[0])}, yPred[0] is ${describeValue(p[0])}); use one kind of label for both`);
  }
  return [t, p];
}

/** y_true as labels and a numeric vector (scores or probabilities) of the same, non-zero length. */
export function checkLabelsAndScores<L extends Label>(
  yTrue: LabelsLike<L>,
  yScore: VectorLike,
  where: string,
  scoreName: string,
): [L[], number[]] {
  const t = checkNonEmpty(toLabels(yTrue, where, 'yTrue'), where);
  return [t, checkLength(t, toVector(yScore, where, { name: scoreName }), where, scoreName)];
}

/**
 * A label vector, checked: all finite numbers or all strings. Mixing the two is an error, as in
 * scikit-learn ("Mix of label input types"): 1 and "1" would otherwise be two different classes.
 */
export function toLabels<L extends Label>(y: LabelsLike<L>, where: string, name: string): L[] {
  if (!Array.isArray(y) && !(y instanceof Float64Array)) {
    fail(where, `${name} must be an array of labels (numbers or strings), got ${y === null ? 'null' : typeof y}`);
  }
  const firstString = Array.isArray(y) ? y.findIndex((v) => typeof v === 'string') : -1;
  // Without strings it is a numeric vector, with toVector's checks and messages.
  if (firstString < 0) return toVector(y as VectorLike, where, { name }) as L[];
  const values = y as readonly unknown[];
  const other = values.findIndex((v) => typeof v !== 'string');
  if (other >= 0) {
    if (typeof values[other] !== 'number') fail(where, `${name}[${other}] is ${describeValue(values[other])}; labels must be all strings or all finite numbers`);
    const [a, b] = other < firstString ? [other, firstString] : [firstString, other];
    fail(where, `${name} mixes strings and numbers (${name}[${a}] is ${describeValue(values[a])}, ${name}[${b}] is ${describeValue(values[b])}); use one kind of label`);
  }
  return [...values] as L[];
}

/**
 * The distinct values of the given arrays, sorted: numbers ascending, strings by UTF-16 code unit
 * as [].sort() does (numpy's order, which differs only for characters beyond U+FFFF).
 */
export function uniqueLabels<L extends Label>(...arrays: readonly (readonly L[])[]): L[] {
  const set = new Set<L>();
  for (const a of arrays) for (const v of a) set.add(v);
  return [...set].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The positive label of a binary problem: the given one, or 1 when the labels are {0, 1}, {-1, 1}
 * or a single one of those (scikit-learn's rule; string labels never have a default).
 */
export function resolvePosLabel<L extends Label>(yTrue: readonly L[], posLabel: L | undefined, where: string): L {
  if (posLabel !== undefined) return posLabel;
  const labels: readonly Label[] = uniqueLabels(yTrue);
  const ok = labels.every((l) => l === 0 || l === 1 || l === -1) && !(labels.includes(0) && labels.includes(-1));
  if (!ok) fail(where, `yTrue has labels ${formatLabels(labels)}; pass posLabel to say which one is positive`);
  return 1 as L;
}

/** Labels as error messages list them: [0, 1, 2] or ["ham", "spam"]. */
export function formatLabels(labels: readonly Label[]): string {
  return `[${labels.map(describeValue).join(', ')}]`;
}

function kind(label: Label): string {
  return typeof label === 'string' ? 'strings' : 'numbers';
}

function checkNonEmpty<T>(yTrue: T[], where: string): T[] {
  if (yTrue.length === 0) fail(where, 'yTrue is empty; expected at least one label');
  return yTrue;
}

function checkLength<T>(yTrue: readonly unknown[], other: T[], where: string, name: string): T[] {
  if (other.length !== yTrue.length) fail(where, `yTrue has ${yTrue.length} values but ${name} has ${other.length}; they must match`);
  return other;
}
