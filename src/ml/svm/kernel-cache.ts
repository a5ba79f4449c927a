import type { Dense } from '../core/dense.ts';
import type { KernelSpec } from './kernel.ts';
import { kernelValue } from './kernel.ts';
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
  for (let i = 0; i < l; i++) QD[i] = kernelValue(spec, X, i, norms, X, i, norms);
  const Q: QRow = (i) => {
    const hit = rows.get(i);
    if (hit) return hit;
    const row = new Float32Array(l);
    for (let j = 0; j < l; j++) row[j] = y[i] * y[j] * kernelValue(spec, X, i, norms, X, j, norms);
    if (rows.size >= capacity) rows.delete(rows.keys().next().value!);
    rows.set(i, row);
    return row;
  };
  return { Q, QD };
}
