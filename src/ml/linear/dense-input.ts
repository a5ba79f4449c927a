import type { Dense } from '../core/dense.ts';
import { denseFromRows } from '../core/dense.ts';
import type { MatrixLike } from '../core/validate.ts';
import { toRows } from '../core/validate.ts';

/**
 * X as a checked row-major Dense matrix, validated and copied in a single pass over the values
 * (the common case: an array of equal-length rows of finite numbers). Anything unusual (an
 * ml-matrix Matrix, typed-array rows, a bad value) goes through toRows, which accepts it or
 * throws its precise message: the fast path never decides what an error says.
 */
export function toDense(X: MatrixLike, where: string): Dense {
  return copyPlainRows(X) ?? denseFromRows(toRows(X, where));
}

/** The one-pass copy, or null at the first thing it does not expect. */
function copyPlainRows(X: MatrixLike): Dense | null {
  if (!Array.isArray(X) || X.length === 0 || !Array.isArray(X[0]) || X[0].length === 0) return null;
  const rows = X as readonly (readonly number[])[];
  const n = rows.length, d = rows[0].length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== d) return null;
    const base = i * d;
    for (let j = 0; j < d; j++) {
      const v = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      data[base + j] = v;
    }
  }
  return { data, rows: n, cols: d };
}
