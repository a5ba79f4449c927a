import { fail, toRows, toVector, type MatrixLike, type VectorLike } from '../core/validate.ts';

/** 'auto' balances every class; a number r (binary only) asks for minority / majority = r after resampling. */
export type SamplingStrategy = 'auto' | number;

/** The result of a resampler: the new rows and their labels. */
export interface Resampled {
  X: number[][];
  y: number[];
}

/** Checked X and y plus the rows of each class (classes sorted). */
export function groupByClass(X: MatrixLike, y: VectorLike, where: string): { rows: number[][]; labels: number[]; classes: number[]; members: number[][] } {
  const rows = toRows(X, where);
  const labels = toVector(y, where, { length: rows.length });
  const classes = [...new Set(labels)].sort((a, b) => a - b);
  if (classes.length < 2) fail(where, `y has a single class (${classes[0]}); resampling needs at least two`);
  const members = classes.map((c) => labels.flatMap((v, i) => (v === c ? [i] : [])));
  return { rows, labels, classes, members };
}

/**
 * How many samples each class should have after resampling (imbalanced-learn's rules): over-sampling
 * raises classes to the majority count, under-sampling lowers them to the minority count.
 */
export function targetCounts(counts: number[], strategy: SamplingStrategy, kind: 'over' | 'under', where: string): number[] {
  const max = Math.max(...counts);
  const min = Math.min(...counts);
  if (strategy === 'auto') return counts.map(() => (kind === 'over' ? max : min));
  if (typeof strategy !== 'number' || !(strategy > 0 && strategy <= 1)) {
    fail(where, `samplingStrategy must be 'auto' or a ratio in (0, 1], got ${String(strategy)}`);
  }
  if (counts.length !== 2) fail(where, `a numeric samplingStrategy needs 2 classes, found ${counts.length}; use 'auto'`);
  if (kind === 'over') {
    const target = Math.floor(strategy * max);
    if (target < min) fail(where, `samplingStrategy ${strategy} asks for fewer minority samples (${target}) than there are (${min})`);
    return counts.map((c) => (c === max ? c : target));
  }
  const target = Math.floor(min / strategy);
  return counts.map((c) => (c === min ? c : Math.min(c, target)));
}
