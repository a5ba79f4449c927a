import { AbstractMatrix } from 'ml-matrix';
import { describeValue } from './describe-value.ts';

/** What estimators accept as a data matrix: rows of numbers, or an ml-matrix Matrix. */
export type MatrixLike = readonly (readonly number[])[] | AbstractMatrix;
/** What estimators accept as a vector. */
export type VectorLike = readonly number[] | Float64Array;

/**
 * Errors a learner can act on: `KMeans.fit: X row 3 has 2 values, expected 4 (every row must
 * have the same length)`. `where` is "Estimator.method".
 */
export class MLInputError extends Error {
  constructor(where: string, message: string) {
    super(`${where}: ${message}`);
    this.name = 'MLInputError';
  }
}

/** Rows of X as plain arrays, checked: non-empty, rectangular, numeric and (unless allowed) finite. */
export function toRows(X: MatrixLike, where: string, opts: { name?: string; allowNaN?: boolean } = {}): number[][] {
  const name = opts.name ?? 'X';
  const rows: number[][] = AbstractMatrix.isMatrix(X)
    ? (X as AbstractMatrix).to2DArray()
    : Array.isArray(X)
      ? (X as number[][])
      : fail(where, `${name} must be an array of rows or a Matrix, got ${describeValue(X)}`);
  if (rows.length === 0) fail(where, `${name} is empty; expected at least one row`);
  const width = Array.isArray(rows[0]) ? rows[0].length : -1;
  if (width < 0) fail(where, `${name} must be 2-D (an array of rows); row 0 is ${describeValue(rows[0])}`);
  if (width === 0) fail(where, `${name} rows are empty; expected at least one feature`);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!Array.isArray(row) && !ArrayBuffer.isView(row)) fail(where, `${name} row ${i} is ${describeValue(row)}, expected an array`);
    if (row.length !== width) {
      fail(where, `${name} row ${i} has ${row.length} values, expected ${width} (every row must have the same length)`);
    }
    for (let j = 0; j < width; j++) {
      const v = row[j];
      if (typeof v !== 'number' || (!opts.allowNaN && !Number.isFinite(v))) {
        if (typeof v === 'number' && Number.isNaN(v)) {
          fail(where, `${name}[${i}][${j}] is NaN; impute missing values first (e.g. SimpleImputer)`);
        }
        if (typeof v !== 'number' || !Number.isNaN(v)) fail(where, `${name}[${i}][${j}] is ${describeValue(v)}, expected a finite number`);
      }
    }
  }
  return rows as number[][];
}

/** A numeric vector, checked for length (when given) and finiteness. */
export function toVector(y: VectorLike, where: string, opts: { name?: string; length?: number; allowNaN?: boolean } = {}): number[] {
  const name = opts.name ?? 'y';
  if (!Array.isArray(y) && !(y instanceof Float64Array)) fail(where, `${name} must be an array of numbers, got ${describeValue(y)}`);
  const out = Array.from(y);
  if (opts.length !== undefined && out.length !== opts.length) {
    fail(where, `${name} has ${out.length} values but X has ${opts.length} rows; they must match`);
  }
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    if (typeof v !== 'number' || (!opts.allowNaN && !Number.isFinite(v))) {
      // Class names are the usual way a string gets here: say how to turn them into numbers.
      const hint = typeof v === 'string' ? `; class names can be encoded as numbers with new LabelEncoder().fitTransform(${name})` : '';
      fail(where, `${name}[${i}] is ${describeValue(v)}, expected a finite number${hint}`);
    }
  }
  return out;
}

/** Throws unless `value` is set, i.e. unless fit has run. */
export function checkFitted<T>(value: T | undefined | null, where: string): T {
  if (value === undefined || value === null) fail(where, 'this estimator is not fitted yet; call fit(X, y) first');
  return value as T;
}

export function checkPositiveInt(value: number, where: string, name: string, min = 1): void {
  if (!Number.isInteger(value) || value < min) fail(where, `${name} must be an integer ≥ ${min}, got ${describeValue(value)}`);
}

export function checkRange(value: number, where: string, name: string, low: number, high: number): void {
  if (typeof value !== 'number' || !(value >= low && value <= high)) {
    fail(where, `${name} must be a number in [${low}, ${high}], got ${describeValue(value)}`);
  }
}

export function checkOneOf<T extends string>(value: T, allowed: readonly T[], where: string, name: string): void {
  if (!allowed.includes(value)) fail(where, `${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describeValue(value)}`);
}

/** Makes the compiler check that a switch covers every case of a string union. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}

export function fail(where: string, message: string): never {
  throw new MLInputError(where, message);
}

