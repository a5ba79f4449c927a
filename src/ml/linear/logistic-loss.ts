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
  /** Per-row weights (sampleWeight × classWeight); undefined weighs every row 1. */
  weights?: Float64Array;
}

/**
 * Σ_i w_i log-loss_i + ½·l2·‖W‖² and its gradient (scikit-learn's lbfgs objective with l2 = 1/C;
 * intercepts are never penalised). Work buffers are allocated once here, not per call.
 */
export function logisticObjective(problem: LogisticProblem, l2: number): ValueAndGradient {
  const { X, codes, nOut, fitIntercept, weights } = problem;
  const n = X.rows, d = X.cols, x = X.data, stride = d + 1;
  const z = new Float64Array(nOut);
  return (params, grad) => {
    grad.fill(0);
    let loss = nOut > 1 ? 0 : weights ? weightedBinaryLoss(X, codes, weights, fitIntercept, params, grad) : binaryLoss(X, codes, fitIntercept, params, grad);
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
      const wi = weights ? weights[i] : 1;
      loss += wi * (lse - z[codes[i]]);
      // ∇_{w_k} += w_i r_k x_i, ∇_{b_k} += w_i r_k with r_k = p_k − [k = y]
      for (let k = 0; k < nOut; k++) {
        const base = k * stride, r = wi * (Math.exp(z[k] - lse) - (k === codes[i] ? 1 : 0));
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
 * One exp per row serves loss and gradient: with e = e^(−|z|), log(1 + e^z) = max(z, 0) + log(1 + e)
 * and σ(z) = 1/(1 + e) or e/(1 + e); the four log(1 + e) are taken as one log of their product.
 */
function binaryLoss(X: Dense, codes: Int32Array, fitIntercept: boolean, params: Float64Array, grad: Float64Array): number {
  const n = X.rows, d = X.cols, x = X.data;
  const b = fitIntercept ? params[d] : 0;
  let loss = 0, gb = 0, i = 0;
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
    const y0 = codes[i], y1 = codes[i + 1], y2 = codes[i + 2], y3 = codes[i + 3];
    const e0 = Math.exp(-Math.abs(z0)), e1 = Math.exp(-Math.abs(z1));
    const e2 = Math.exp(-Math.abs(z2)), e3 = Math.exp(-Math.abs(z3));
    loss += linearPart(z0, y0) + linearPart(z1, y1) + linearPart(z2, y2) + linearPart(z3, y3)
      + Math.log((1 + e0) * (1 + e1) * (1 + e2) * (1 + e3));
    const g0 = sigmoidFrom(z0, e0) - y0, g1 = sigmoidFrom(z1, e1) - y1;
    const g2 = sigmoidFrom(z2, e2) - y2, g3 = sigmoidFrom(z3, e3) - y3;
    for (let j = 0; j < d; j++) grad[j] += g0 * x[r0 + j] + g1 * x[r1 + j] + g2 * x[r2 + j] + g3 * x[r3 + j];
    gb += g0 + g1 + g2 + g3;
  }
  // The last n mod 4 rows, one at a time. This loop alone is the readable form of the whole
  // function (the blocked loop above computes exactly its sums, four rows per pass), and
  // weightedBinaryLoss below is the same with weights.
  for (; i < n; i++) {
    const row = i * d;
    let z = b;
    for (let j = 0; j < d; j++) z += params[j] * x[row + j];
    const e = Math.exp(-Math.abs(z));
    loss += linearPart(z, codes[i]) + Math.log(1 + e);
    const g = sigmoidFrom(z, e) - codes[i];
    for (let j = 0; j < d; j++) grad[j] += g * x[row + j];
    gb += g;
  }
  if (fitIntercept) grad[d] = gb;
  return loss;
}

/**
 * The two-class case with row weights: Σ w_i (log(1 + e^z_i) − y_i z_i) and its gradient
 * Σ w_i (σ(z_i) − y_i)·[x_i, 1]. A plain loop: weighted fits are rarer than the hot path above.
 */
function weightedBinaryLoss(X: Dense, codes: Int32Array, weights: Float64Array, fitIntercept: boolean, params: Float64Array, grad: Float64Array): number {
  const n = X.rows, d = X.cols, x = X.data;
  const b = fitIntercept ? params[d] : 0;
  let loss = 0, gb = 0;
  for (let i = 0; i < n; i++) {
    const wi = weights[i];
    if (wi === 0) continue;
    const row = i * d;
    let z = b;
    for (let j = 0; j < d; j++) z += params[j] * x[row + j];
    const e = Math.exp(-Math.abs(z));
    loss += wi * (linearPart(z, codes[i]) + Math.log(1 + e));
    const g = wi * (sigmoidFrom(z, e) - codes[i]);
    for (let j = 0; j < d; j++) grad[j] += g * x[row + j];
    gb += g;
  }
  if (fitIntercept) grad[d] = gb;
  return loss;
}

/**
 * max(z, 0) − y·z: the part of log(1 + e^z) − y·z outside the log. max(z, 0) is taken as
 * (z + |z|)/2, exact in floating point, because the sign of z is a coin flip the branch
 * predictor cannot learn.
 */
function linearPart(z: number, y: number): number {
  return (z + Math.abs(z)) * 0.5 - y * z;
}

/**
 * σ(z) given e = e^(−|z|): 1/(1 + e) for z ≥ 0, e/(1 + e) for z < 0. The numerator is picked by
 * arithmetic on the 0/1 value of z < 0 (exact: it only multiplies by 0 or 1 and adds 0), again
 * so that no branch depends on the sign of z.
 */
function sigmoidFrom(z: number, e: number): number {
  const negative = +(z < 0);
  return (negative * e + (1 - negative)) / (1 + e);
}
