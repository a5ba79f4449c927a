import { AbstractMatrix } from 'ml-matrix';
import { denseFromRows, type Dense } from './dense.ts';
import { fail, toRows, type MatrixLike } from './validate.ts';

/** Input accepted where hot loops run on dense data: rows, an ml-matrix Matrix, or a `Dense` itself. */
export type DenseLike = MatrixLike | Dense;

/**
 * X checked (as `toRows`) and copied into one row-major Float64Array, in a single pass: the
 * input conversion for estimators whose hot loops run on `Dense` data. On any problem it defers
 * to `toRows`, so the error message is the same one a learner gets everywhere else. A `Dense`
 * is checked for finite values and copied, unless `copy: false`: for callers that only read the
 * result, which may then be the Dense itself or a copy of the same rows shared with other readers.
 */
export function toDense(X: DenseLike, where: string, opts: { name?: string; copy?: boolean } = {}): Dense {
  if (isDense(X)) return checkedDense(X, where, opts.name ?? 'X', opts.copy ?? true);
  if (!Array.isArray(X) || X.length === 0 || !Array.isArray(X[0]) || X[0].length === 0) {
    return denseFromRows(AbstractMatrix.isMatrix(X) ? (X as AbstractMatrix).to2DArray() : toRows(X, where, opts));
  }
  const rows = X as NumberRows;
  return (opts.copy === false ? readOnlyRows(rows) : copyRows(rows)) ?? denseFromRows(toRows(X, where, opts));
}

type NumberRows = readonly (readonly number[])[];

/**
 * The last read-only conversion of each array of rows (kept only while the rows are alive).
 * Fitting again on the same rows, as when a slider changes k, then compares instead of copying:
 * for 100,000 × 16 rows that is no new 12.8 MB buffer, whose garbage cost a full collection of
 * 7–9 ms about once per fit. Any edit to the rows shows in the comparison and makes a new copy.
 */
const readOnlyCopies = new WeakMap<NumberRows, Dense>();

function readOnlyRows(rows: NumberRows): Dense | null {
  const cached = readOnlyCopies.get(rows);
  if (cached !== undefined && sameValues(rows, cached)) return cached;
  const fresh = copyRows(rows);
  if (fresh !== null) readOnlyCopies.set(rows, fresh);
  return fresh;
}

function sameValues(rows: NumberRows, x: Dense): boolean {
  const { cols: d, data } = x;
  if (rows.length !== x.rows) return false;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== d) return false;
    const offset = i * d;
    for (let j = 0; j < d; j++) if (row[j] !== data[offset + j]) return false;
  }
  return true;
}

/**
 * Rows of equal length and finite numbers copied into one Float64Array, or null at the first
 * problem (the caller then lets `toRows` say what it is). A function of its own so that V8 sees
 * only arrays here: sharing one function with the Dense path made this loop 2.5× slower.
 */
function copyRows(rows: NumberRows): Dense | null {
  const n = rows.length;
  const d = rows[0].length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== d) return null;
    const offset = i * d;
    for (let j = 0; j < d; j++) {
      const v = row[j];
      // Number.isFinite is false for NaN, ±Infinity and anything that is not a number.
      if (!Number.isFinite(v)) return null;
      data[offset + j] = v;
    }
  }
  return { data, rows: n, cols: d };
}

function isDense(X: unknown): X is Dense {
  return typeof X === 'object' && X !== null && (X as Dense).data instanceof Float64Array && Number.isInteger((X as Dense).rows) && Number.isInteger((X as Dense).cols);
}

function checkedDense(X: Dense, where: string, name: string, copy: boolean): Dense {
  if (X.rows < 1 || X.cols < 1) fail(where, `${name} is empty; expected at least one row and one feature`);
  if (X.data.length !== X.rows * X.cols) fail(where, `${name}.data has ${X.data.length} values, expected rows × cols = ${X.rows * X.cols}`);
  const data = X.data;
  if (!allFinite(data)) {
    for (let i = 0; i < data.length; i++) {
      if (!Number.isFinite(data[i])) fail(where, `${name}[${Math.floor(i / X.cols)}][${i % X.cols}] is ${data[i]}, expected a finite number`);
    }
  }
  return copy ? { data: X.data.slice(), rows: X.rows, cols: X.cols } : X;
}

/**
 * Whether every value is finite, without a branch per value: v − v is 0 for a finite v and NaN
 * for NaN or ±∞, so the sums stay 0 exactly when all are finite (2× faster than Number.isFinite).
 */
function allFinite(data: Float64Array): boolean {
  let z0 = 0;
  let z1 = 0;
  let i = 0;
  for (; i + 2 <= data.length; i += 2) {
    z0 += data[i] - data[i];
    z1 += data[i + 1] - data[i + 1];
  }
  for (; i < data.length; i++) z0 += data[i] - data[i];
  return z0 + z1 === 0;
}
