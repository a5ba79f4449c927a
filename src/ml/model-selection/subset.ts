import { AbstractMatrix } from 'ml-matrix';
import { fail } from '../core/validate.ts';
import type { AnyData } from './model-types.ts';

/** Rows of X (an array of rows or a Matrix) as a plain array, so folds can index them. */
export function asRows(X: AnyData, where: string): unknown[] {
  if (AbstractMatrix.isMatrix(X)) return (X as AbstractMatrix).to2DArray();
  if (!Array.isArray(X) || X.length === 0) fail(where, 'X must be a non-empty array of rows');
  return X;
}

/** The given rows of an array, in the given order. */
export function take<T>(values: readonly T[], indices: readonly number[]): T[] {
  return indices.map((i) => values[i]);
}
