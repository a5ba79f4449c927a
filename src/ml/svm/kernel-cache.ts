import type { Dense } from '../core/dense.ts';
import type { KernelSpec } from './kernel.ts';
import { kernelRow, kernelValue } from './kernel.ts';
import type { QRow } from './smo.ts';

/**
 * Rows of Q_ij = y_i y_j k(x_i, x_j) for one binary problem, computed when SMO first asks and
 * kept (up to `maxBytes`, oldest evicted first): SMO revisits the same few rows again and again.
 * Rows are stored in single precision as libsvm does (its Qfloat is float): half the memory, and
 * the SMO path, hence the result at a given tol, is the same as scikit-learn's.
 * Also returns the diagonal QD_i = k(x_i, x_i), in double precision like libsvm's.
 */
export function cachedQ(X: Dense, norms: Float64Array, y: Int8Array, spec: KernelSpec, maxBytes = 64 * 1024 * 1024): { Q: QRow; QD: Float64Array } {
  const l = X.rows;
  const capacity = Math.max(2, Math.floor(maxBytes / (4 * l)));
  const rows = new Map<number, Float32Array>();
  const QD = new Float64Array(l);
  const scratch = new Float64Array(l);
  for (let i = 0; i < l; i++) QD[i] = kernelValue(spec, X, i, norms, X, i, norms);
  const Q: QRow = (i) => {
    const hit = rows.get(i);
    if (hit) return hit;
    // Computed in double precision, then stored as float (like libsvm's Qfloat).
    kernelRow(spec, X, i, norms, X, norms, scratch, y);
    const row = Float32Array.from(scratch);
    if (rows.size >= capacity) rows.delete(rows.keys().next().value!);
    rows.set(i, row);
    return row;
  };
  return { Q, QD };
}
