import { fail, toRows, type MatrixLike } from '../core/validate.ts';

/** A category value: encoders accept strings or numbers. */
export type Category = string | number;
/** A table of categories, one row per sample: what encoders accept as X. */
export type CategoricalMatrix = readonly (readonly Category[])[];

/** Rows of X checked against the feature count seen in fit. */
export function rowsLike(X: MatrixLike, nFeatures: number, where: string, opts: { allowNaN?: boolean } = {}): number[][] {
  const rows = toRows(X, where, opts);
  checkWidth(rows[0].length, nFeatures, where);
  return rows;
}

/** Throws unless X has as many columns as fit saw. */
export function checkWidth(width: number, nFeatures: number, where: string): void {
  if (width !== nFeatures) fail(where, `X has ${width} features but the model was fitted on ${nFeatures}`);
}

/** Rows of a categorical X: non-empty, rectangular, every value a string or a finite number. */
export function toCategoricalRows(X: CategoricalMatrix, where: string): Category[][] {
  if (!Array.isArray(X) || X.length === 0) fail(where, 'X must be a non-empty array of rows');
  const width = Array.isArray(X[0]) ? X[0].length : -1;
  if (width <= 0) fail(where, 'X must be 2-D with at least one column: an array of rows such as [["red", 1], ["blue", 2]]');
  X.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== width) {
      fail(where, `X row ${i} has ${Array.isArray(row) ? row.length : 'no'} values, expected ${width} (every row must have the same length)`);
    }
    row.forEach((v, j) => {
      if (typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) {
        fail(where, `X[${i}][${j}] is ${String(v)}; categories must be strings or finite numbers`);
      }
    });
  });
  return X as Category[][];
}

/** Sorted distinct values: numbers ascending, then strings in code-point order (as numpy sorts). */
export function sortedCategories(values: Iterable<Category>): Category[] {
  const unique = [...new Set(values)];
  const numbers = unique.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  const strings = unique.filter((v): v is string => typeof v === 'string').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...numbers, ...strings];
}

/** Column j of rows. */
export function column<T>(rows: readonly (readonly T[])[], j: number): T[] {
  return rows.map((row) => row[j]);
}

/** scikit-learn's _handle_zeros_in_scale: a (near-)zero scale becomes 1 so constant features pass unchanged. */
export function safeScale(scale: number): number {
  return Math.abs(scale) < 10 * Number.EPSILON ? 1 : scale;
}
