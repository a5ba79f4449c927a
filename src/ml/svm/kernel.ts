import type { Dense } from '../core/dense.ts';
import { assertUnreachable, fail } from '../core/validate.ts';

export type SVMKernel = 'linear' | 'poly' | 'rbf' | 'sigmoid';
/** γ: 'scale' = 1/(d·Var(X)), 'auto' = 1/d, or a positive number. */
export type GammaOption = 'scale' | 'auto' | number;

/** A kernel with its parameters fixed: k(x, z) between row i of a and row j of b. */
export interface KernelSpec {
  kernel: SVMKernel;
  gamma: number;
  degree: number;
  coef0: number;
}

/** γ as scikit-learn resolves it: 'scale' uses the variance of all entries of X (1 if X is constant). */
export function resolveGamma(gamma: GammaOption, X: Dense, where: string): number {
  if (gamma === 'auto') return 1 / X.cols;
  if (gamma === 'scale') {
    const m = X.data.length;
    let mean = 0;
    for (let k = 0; k < m; k++) mean += X.data[k];
    mean /= m;
    let variance = 0;
    for (let k = 0; k < m; k++) variance += (X.data[k] - mean) ** 2;
    variance /= m;
    return variance === 0 ? 1 : 1 / (X.cols * variance);
  }
  if (typeof gamma !== 'number' || !(gamma > 0)) fail(where, `gamma must be 'scale', 'auto' or a positive number, got ${JSON.stringify(gamma)}`);
  return gamma;
}

/** Squared norm of every row (the RBF kernel uses ‖x − z‖² = ‖x‖² + ‖z‖² − 2x·z, as libsvm does). */
export function squaredNorms(X: Dense): Float64Array {
  const out = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let s = 0;
    for (let j = 0; j < X.cols; j++) s += X.data[i * X.cols + j] ** 2;
    out[i] = s;
  }
  return out;
}

/** k(a_i, b_j) for the four kernels: x·z, (γx·z + c₀)^degree, exp(−γ‖x − z‖²), tanh(γx·z + c₀). */
export function kernelValue(spec: KernelSpec, a: Dense, i: number, aNorm: Float64Array, b: Dense, j: number, bNorm: Float64Array): number {
  const d = a.cols, ai = i * d, bj = j * d;
  let dot = 0;
  for (let k = 0; k < d; k++) dot += a.data[ai + k] * b.data[bj + k];
  switch (spec.kernel) {
    case 'linear': return dot;
    case 'poly': return (spec.gamma * dot + spec.coef0) ** spec.degree;
    case 'rbf': return Math.exp(-spec.gamma * (aNorm[i] + bNorm[j] - 2 * dot));
    case 'sigmoid': return Math.tanh(spec.gamma * dot + spec.coef0);
    default: return assertUnreachable(spec.kernel);
  }
}

/**
 * out[j] = k(a_i, b_j) for every row j of b: one kernel row. The kernel choice is decided once
 * per row, outside the loop, and the dot products run straight over the flat buffers.
 */
export function kernelRow(spec: KernelSpec, a: Dense, i: number, aNorm: Float64Array, b: Dense, bNorm: Float64Array, out: Float64Array | Float32Array, scale?: Int8Array): void {
  const d = a.cols, ai = i * d, x = a.data, z = b.data;
  const { kernel, gamma, coef0, degree } = spec;
  for (let j = 0; j < b.rows; j++) {
    const bj = j * d;
    let dot = 0;
    for (let k = 0; k < d; k++) dot += x[ai + k] * z[bj + k];
    out[j] = dot;
  }
  switch (kernel) {
    case 'linear': break;
    case 'poly': for (let j = 0; j < b.rows; j++) out[j] = (gamma * out[j] + coef0) ** degree; break;
    case 'rbf': for (let j = 0; j < b.rows; j++) out[j] = Math.exp(-gamma * (aNorm[i] + bNorm[j] - 2 * out[j])); break;
    case 'sigmoid': for (let j = 0; j < b.rows; j++) out[j] = Math.tanh(gamma * out[j] + coef0); break;
    default: assertUnreachable(kernel);
  }
  // Q_ij = y_i y_j k(x_i, x_j) when signs are given.
  if (scale) for (let j = 0; j < b.rows; j++) out[j] *= scale[i] * scale[j];
}
