import type { Dense } from '../core/dense.ts';
import type { ValueAndGradient } from '../optim/lbfgs.ts';

/**
 * The data of a logistic-regression fit. Parameters are one flat vector of `nOut` blocks of
 * (d + 1) numbers, [w_k, b_k]: nOut = 1 for two classes (the logit of classes[1]), K for softmax.
 */
export interface LogisticProblem {
  X: Dense;
  codes: Int32Array;
  nOut: number;
  fitIntercept: boolean;
}

/**
 * Σ_i log-loss + ½·l2·‖W‖² and its gradient (scikit-learn's lbfgs objective with l2 = 1/C;
 * intercepts are never penalised). Work buffers are allocated once here, not per call.
 */
export function logisticObjective(problem: LogisticProblem, l2: number): ValueAndGradient {
  const { X, codes, nOut, fitIntercept } = problem;
  const n = X.rows, d = X.cols, x = X.data, stride = d + 1;
  const z = new Float64Array(nOut);
  return (params, grad) => {
    grad.fill(0);
    let loss = nOut === 1 ? binaryLoss(X, codes, fitIntercept, params, grad) : 0;
    for (let i = 0; nOut > 1 && i < n; i++) {
      const row = i * d;
      // z_k = w_k·x_i + b_k
      for (let k = 0; k < nOut; k++) {
        const base = k * stride;
        let s = fitIntercept ? params[base + d] : 0;
        for (let j = 0; j < d; j++) s += params[base + j] * x[row + j];
        z[k] = s;
      }
      // Softmax: loss = logΣexp(z) − z_y, ∂loss/∂z_k = p_k − [k = y]
      let m = -Infinity;
      for (let k = 0; k < nOut; k++) if (z[k] > m) m = z[k];
      let sum = 0;
      for (let k = 0; k < nOut; k++) sum += Math.exp(z[k] - m);
      const lse = m + Math.log(sum);
      loss += lse - z[codes[i]];
      // ∇_{w_k} += r_k x_i, ∇_{b_k} += r_k with r_k = p_k − [k = y]
      for (let k = 0; k < nOut; k++) {
        const base = k * stride, r = Math.exp(z[k] - lse) - (k === codes[i] ? 1 : 0);
        for (let j = 0; j < d; j++) grad[base + j] += r * x[row + j];
        if (fitIntercept) grad[base + d] += r;
      }
    }
    if (l2 > 0) {
      for (let k = 0; k < nOut; k++) {
        for (let j = 0; j < d; j++) {
          const w = params[k * stride + j];
          loss += 0.5 * l2 * w * w;
          grad[k * stride + j] += l2 * w;
        }
      }
    }
    return loss;
  };
}

/** Which entries of the flat parameter vector are weights (penalised) rather than intercepts. */
export function weightMask(nOut: number, d: number): Uint8Array {
  const mask = new Uint8Array(nOut * (d + 1));
  for (let k = 0; k < nOut; k++) for (let j = 0; j < d; j++) mask[k * (d + 1) + j] = 1;
  return mask;
}

/**
 * The two-class case, the hot path of most fits: accumulates the loss log(1 + e^z) − y·z and the
 * gradient (σ(z) − y)·[x, 1]. Rows are taken four at a time (register blocking): each w_j is
 * loaded once for four dot products, the four dot products are independent chains the CPU
 * overlaps, and each gradient entry is read and written once per four rows instead of per row.
 */
function binaryLoss(X: Dense, codes: Int32Array, fitIntercept: boolean, params: Float64Array, grad: Float64Array): number {
  const n = X.rows, d = X.cols, x = X.data;
  const b = fitIntercept ? params[d] : 0;
  // acc[0]: running Σ loss; acc[1]: running Π(1 + e^(−|z|)) of the current block, whose log is
  // added once per four rows (one Math.log instead of four log1p: log Π = Σ log).
  const acc = Float64Array.of(0, 1);
  let gb = 0, i = 0;
  for (; i + 3 < n; i += 4) {
    const r0 = i * d, r1 = r0 + d, r2 = r1 + d, r3 = r2 + d;
    let z0 = b, z1 = b, z2 = b, z3 = b;
    for (let j = 0; j < d; j++) {
      const w = params[j];
      z0 += w * x[r0 + j];
      z1 += w * x[r1 + j];
      z2 += w * x[r2 + j];
      z3 += w * x[r3 + j];
    }
    const g0 = rowTerm(z0, codes[i], acc), g1 = rowTerm(z1, codes[i + 1], acc);
    const g2 = rowTerm(z2, codes[i + 2], acc), g3 = rowTerm(z3, codes[i + 3], acc);
    acc[0] += Math.log(acc[1]);
    acc[1] = 1;
    for (let j = 0; j < d; j++) grad[j] += g0 * x[r0 + j] + g1 * x[r1 + j] + g2 * x[r2 + j] + g3 * x[r3 + j];
    gb += g0 + g1 + g2 + g3;
  }
  for (; i < n; i++) {
    const row = i * d;
    let z = b;
    for (let j = 0; j < d; j++) z += params[j] * x[row + j];
    const g = rowTerm(z, codes[i], acc);
    acc[0] += Math.log(acc[1]);
    acc[1] = 1;
    for (let j = 0; j < d; j++) grad[j] += g * x[row + j];
    gb += g;
  }
  if (fitIntercept) grad[d] = gb;
  return acc[0];
}

/**
 * One row's share of log(1 + e^z) − y·z and its derivative σ(z) − y. One exp serves both: with
 * e = e^(−|z|), log(1 + e^z) = max(z, 0) + log(1 + e) and σ(z) = 1/(1 + e) or e/(1 + e).
 * Adds max(z, 0) − y·z to acc[0], multiplies (1 + e) into acc[1], returns σ(z) − y.
 */
function rowTerm(z: number, y: number, acc: Float64Array): number {
  const e = Math.exp(-Math.abs(z));
  acc[0] += (z > 0 ? z : 0) - y * z;
  acc[1] *= 1 + e;
  return (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - y;
}
