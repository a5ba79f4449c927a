import type { Dense } from '../core/dense.ts';
import type { Random } from '../core/random.ts';

/** The state of dual coordinate descent after one pass over the samples. */
export interface DualCDStep {
  epoch: number;
  /** Weights of the augmented problem: d coefficients, then the bias weight (if an intercept is fitted). */
  w: Float64Array;
  /** max − min projected gradient: 0 at the optimum; the solver stops when it is below tol. */
  violation: number;
  converged: boolean;
}

/**
 * Dual coordinate descent for a linear SVM (Hsieh et al. 2008, liblinear's solver):
 * min_w ½‖w‖² + C Σ loss(1 − y_i w·x̃_i), where x̃ = [x, interceptScaling] when an intercept is
 * fitted (so, as in liblinear, the bias is penalised too). Hinge loss boxes α_i in [0, C_i]; squared
 * hinge leaves α_i ≥ 0 and adds 1/(2C_i) to the diagonal. C_i is C times sample i's weight
 * (liblinear's weighted C); a row of weight 0 keeps α_i = 0 and is skipped. Each step sets one α_i to its exact 1-D
 * minimiser and keeps w = Σ α_i y_i x̃_i up to date, so a step costs O(d).
 */
export function* dualCoordinateDescent(
  X: Dense, y: Int8Array, C: Float64Array, squaredHinge: boolean, interceptScaling: number | null,
  tol: number, maxIter: number, random: Random,
): Generator<DualCDStep, void, void> {
  const n = X.rows, d = X.cols, x = X.data;
  const dw = interceptScaling === null ? d : d + 1;
  const w = new Float64Array(dw);
  const alpha = new Float64Array(n);
  const upper = Float64Array.from(C, (c) => (squaredHinge ? Infinity : c));
  const diag = Float64Array.from(C, (c) => (squaredHinge && c > 0 ? 1 / (2 * c) : 0));
  const s = interceptScaling ?? 0;
  // Q̄_ii = x̃_i·x̃_i + D_ii
  const Qii = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let q = diag[i] + s * s;
    for (let j = 0; j < d; j++) q += x[i * d + j] ** 2;
    Qii[i] = q;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let epoch = 1; epoch <= maxIter; epoch++) {
    // Visit the samples in a fresh random order each pass (liblinear does; it speeds convergence).
    for (let i = n - 1; i > 0; i--) {
      const j = random.int(i + 1);
      const t = order[i]; order[i] = order[j]; order[j] = t;
    }
    let pgMax = -Infinity, pgMin = Infinity;
    for (let k = 0; k < n; k++) {
      const i = order[k], base = i * d, yi = y[i];
      if (C[i] === 0) continue;
      // G = y_i w·x̃_i − 1 + D_ii α_i: the dual gradient in coordinate i
      let margin = interceptScaling === null ? 0 : w[d] * s;
      for (let j = 0; j < d; j++) margin += w[j] * x[base + j];
      const G = yi * margin - 1 + diag[i] * alpha[i];
      // Projected gradient: zero where the bound stops the move
      const pg = alpha[i] === 0 ? Math.min(G, 0) : alpha[i] === upper[i] ? Math.max(G, 0) : G;
      pgMax = Math.max(pgMax, pg);
      pgMin = Math.min(pgMin, pg);
      if (Math.abs(pg) > 1e-12) {
        const old = alpha[i];
        alpha[i] = Math.min(Math.max(old - G / Qii[i], 0), upper[i]);
        const step = (alpha[i] - old) * yi;
        for (let j = 0; j < d; j++) w[j] += step * x[base + j];
        if (interceptScaling !== null) w[d] += step * s;
      }
    }
    const violation = pgMax - pgMin;
    const converged = violation <= tol;
    yield { epoch, w, violation, converged };
    if (converged) return;
  }
}
