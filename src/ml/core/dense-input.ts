import { AbstractMatrix } from 'ml-matrix';
import { denseFromRows, type Dense } from './dense.ts';
import { toRows, type MatrixLike } from './validate.ts';

/**
 * X checked (as `toRows`) and copied into one row-major Float64Array, in a single pass: the
 * input conversion for estimators whose hot loops run on `Dense` data. On any problem it defers
 * to `toRows`, so the error message is the same one a learner gets everywhere else.
 */
export function toDense(X: MatrixLike, where: string, opts: { name?: string } = {}): Dense {
  if (!Array.isArray(X) || X.length === 0 || !Array.isArray(X[0]) || X[0].length === 0) {
    return denseFromRows(AbstractMatrix.isMatrix(X) ? (X as AbstractMatrix).to2DArray() : toRows(X, where, opts));
  }
  const rows = X as readonly (readonly number[])[];
  const n = rows.length;
  const d = rows[0].length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== d) return denseFromRows(toRows(X, where, opts));
    const offset = i * d;
    for (let j = 0; j < d; j++) {
      const v = row[j];
      // Number.isFinite is false for NaN, ±Infinity and anything that is not a number.
      if (!Number.isFinite(v)) return denseFromRows(toRows(X, where, opts));
      data[offset + j] = v;
    }
  }
  return { data, rows: n, cols: d };
}
