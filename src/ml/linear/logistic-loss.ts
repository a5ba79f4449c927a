import type { Dense } from '../core/dense.ts';
import type { ValueAndGradient } from '../optim/lbfgs.ts';
import { log1pExp, sigmoid } from './softmax.ts';

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
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const row = i * d;
      // z_k = w_k·x_i + b_k
      for (let k = 0; k < nOut; k++) {
        const base = k * stride;
        let s = fitIntercept ? params[base + d] : 0;
        for (let j = 0; j < d; j++) s += params[base + j] * x[row + j];
        z[k] = s;
      }
      if (nOut === 1) {
        // Binary: loss = log(1 + e^z) − y·z, ∂loss/∂z = σ(z) − y
        const yi = codes[i];
        loss += log1pExp(z[0]) - yi * z[0];
        z[0] = sigmoid(z[0]) - yi;
      } else {
        // Softmax: loss = logΣexp(z) − z_y, ∂loss/∂z_k = p_k − [k = y]
        let m = -Infinity;
        for (let k = 0; k < nOut; k++) if (z[k] > m) m = z[k];
        let sum = 0;
        for (let k = 0; k < nOut; k++) sum += Math.exp(z[k] - m);
        const lse = m + Math.log(sum);
        loss += lse - z[codes[i]];
        for (let k = 0; k < nOut; k++) z[k] = Math.exp(z[k] - lse) - (k === codes[i] ? 1 : 0);
      }
      // ∇_{w_k} += r_k x_i, ∇_{b_k} += r_k
      for (let k = 0; k < nOut; k++) {
        const base = k * stride, r = z[k];
        if (r === 0) continue;
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
