import type { ValueAndGradient } from '../optim/lbfgs.ts';

export interface ProximalStep {
  iteration: number;
  x: Float64Array;
  /** Smooth part + l1·‖x‖₁ (masked entries only). */
  objective: number;
  /** max |gradient mapping|: 0 exactly at the optimum (the proximal analogue of ‖∇f‖∞). */
  residual: number;
  converged: boolean;
}

/**
 * FISTA (Beck & Teboulle 2009) for f(x) + l1·Σ_{mask_j} |x_j|: a gradient step on the smooth f,
 * then the soft threshold (the proximal map of the L1 norm). The step size 1/L is found by
 * backtracking; momentum is restarted whenever it points uphill (O'Donoghue & Candès).
 */
export function* fistaL1(
  f: ValueAndGradient, x0: ArrayLike<number>, l1: number, mask: Uint8Array, maxIter: number, tol: number,
): Generator<ProximalStep, void, void> {
  const n = x0.length;
  const x = Float64Array.from(x0), y = Float64Array.from(x0), xNew = new Float64Array(n);
  const g = new Float64Array(n), scratch = new Float64Array(n);
  let t = 1, L = 1;
  const penalty = (v: Float64Array) => {
    let s = 0;
    for (let j = 0; j < n; j++) if (mask[j]) s += Math.abs(v[j]);
    return l1 * s;
  };
  for (let iter = 1; iter <= maxIter; iter++) {
    const fy = f(y, g);
    let fNew = 0;
    L *= 0.9; // let the step grow again where the surface is flatter
    for (;;) {
      // x⁺ = prox_{l1/L}(y − ∇f(y)/L): soft-threshold the penalised entries
      let lin = 0, quad = 0;
      for (let j = 0; j < n; j++) {
        const v = y[j] - g[j] / L;
        const thr = l1 / L;
        xNew[j] = mask[j] ? (v > thr ? v - thr : v < -thr ? v + thr : 0) : v;
        const dlt = xNew[j] - y[j];
        lin += g[j] * dlt;
        quad += dlt * dlt;
      }
      fNew = f(xNew, scratch);
      // Sufficient decrease: f(x⁺) ≤ f(y) + ∇f(y)·(x⁺ − y) + (L/2)‖x⁺ − y‖²
      if (fNew <= fy + lin + 0.5 * L * quad + 1e-12 * Math.abs(fy)) break;
      L *= 2;
    }
    let residual = 0, uphill = 0;
    for (let j = 0; j < n; j++) {
      residual = Math.max(residual, L * Math.abs(xNew[j] - y[j]));
      uphill += (y[j] - xNew[j]) * (xNew[j] - x[j]);
    }
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const momentum = uphill > 0 ? 0 : (t - 1) / tNext;
    t = uphill > 0 ? 1 : tNext;
    for (let j = 0; j < n; j++) {
      y[j] = xNew[j] + momentum * (xNew[j] - x[j]);
      x[j] = xNew[j];
    }
    const converged = residual <= tol;
    yield { iteration: iter, x, objective: fNew + penalty(x), residual, converged };
    if (converged) return;
  }
}
