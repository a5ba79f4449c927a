import { fail, toVector, type VectorLike } from '../core/validate.ts';

/** y_true and y_pred as checked number arrays of the same, non-zero length. */
export function checkPair(yTrue: VectorLike, yPred: VectorLike, where: string, predName = 'yPred'): [number[], number[]] {
  const t = toVector(yTrue, where, { name: 'yTrue' });
  if (t.length === 0) fail(where, 'yTrue is empty; expected at least one label');
  const p = toVector(yPred, where, { name: predName });
  if (p.length !== t.length) fail(where, `yTrue has ${t.length} values but ${predName} has ${p.length}; they must match`);
  return [t, p];
}

/** The distinct values of the given arrays, sorted ascending (scikit-learn's unique_labels). */
export function uniqueLabels(...arrays: readonly (readonly number[])[]): number[] {
  const set = new Set<number>();
  for (const a of arrays) for (const v of a) set.add(v);
  return [...set].sort((a, b) => a - b);
}

/**
 * The positive label of a binary problem: the given one, or 1 when the labels are {0, 1}, {-1, 1}
 * or a single one of those (scikit-learn's rule).
 */
export function resolvePosLabel(yTrue: readonly number[], posLabel: number | undefined, where: string): number {
  if (posLabel !== undefined) return posLabel;
  const labels = uniqueLabels(yTrue);
  const ok = labels.every((l) => l === 0 || l === 1 || l === -1) && !(labels.includes(0) && labels.includes(-1));
  if (!ok) fail(where, `yTrue has labels [${labels.join(', ')}]; pass posLabel to say which one is positive`);
  return 1;
}
