import type { Dense } from '../core/dense.ts';

/** The state after one sweep of coordinate descent over every feature. */
export interface CoordinateDescentStep {
  /** Sweep number, from 1. */
  iteration: number;
  coef: number[];
  /** Largest coordinate change in this sweep. */
  maxChange: number;
  /** Duality gap, computed (as in scikit-learn) only when the coefficients stop moving; else null. */
  gap: number | null;
  converged: boolean;
}

/**
 * Cyclic coordinate descent for the elastic net, exactly as scikit-learn's `enet_coordinate_descent`:
 * minimises ½‖y − Xw‖² + l1Reg‖w‖₁ + ½ l2Reg‖w‖² (the caller scales α by n). Each coordinate is set
 * to its exact 1-D minimiser, w_j = S(X_jᵀR_j, l1Reg) / (‖X_j‖² + l2Reg) with S the soft threshold.
 * Stops when the duality gap falls below tol·‖y‖².
 */
export function* coordinateDescent(
  X: Dense, y: Float64Array, w: Float64Array, l1Reg: number, l2Reg: number, tol: number, maxIter: number,
): Generator<CoordinateDescentStep, void, void> {
  const n = X.rows, d = X.cols;
  // Columns copied contiguously (column-major, as scikit-learn requires Fortran order) so each
  // X_jᵀR streams through memory.
  const cols = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) cols[j * n + i] = X.data[i * d + j];
  const colNorm2 = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += cols[j * n + i] ** 2;
    colNorm2[j] = s;
  }
  // R = y − Xw, kept up to date after every coordinate change.
  const R = Float64Array.from(y);
  for (let j = 0; j < d; j++) if (w[j] !== 0) for (let i = 0; i < n; i++) R[i] -= w[j] * cols[j * n + i];
  let yNorm2 = 0;
  for (let i = 0; i < n; i++) yNorm2 += y[i] * y[i];
  const gapTol = tol * yNorm2;

  for (let iter = 0; iter < maxIter; iter++) {
    let wMax = 0, dwMax = 0;
    for (let j = 0; j < d; j++) {
      if (colNorm2[j] === 0) continue;
      const base = j * n, old = w[j];
      // R_j = R + w_j X_j: the residual without feature j
      if (old !== 0) for (let i = 0; i < n; i++) R[i] += old * cols[base + i];
      let rho = 0;
      for (let i = 0; i < n; i++) rho += cols[base + i] * R[i];
      const shrunk = Math.abs(rho) - l1Reg;
      const next = shrunk > 0 ? (Math.sign(rho) * shrunk) / (colNorm2[j] + l2Reg) : 0;
      w[j] = next;
      if (next !== 0) for (let i = 0; i < n; i++) R[i] -= next * cols[base + i];
      dwMax = Math.max(dwMax, Math.abs(next - old));
      wMax = Math.max(wMax, Math.abs(next));
    }
    let gap: number | null = null;
    if (wMax === 0 || dwMax / wMax < tol || iter === maxIter - 1) gap = dualityGap(cols, n, d, y, R, w, l1Reg, l2Reg);
    const converged = gap !== null && gap < gapTol;
    yield { iteration: iter + 1, coef: Array.from(w), maxChange: dwMax, gap, converged };
    if (converged) return;
  }
}

/**
 * Primal minus dual objective of the elastic net at w (≥ 0, and 0 exactly at the optimum).
 * The dual point is the residual scaled so that ‖Xᵀθ − l2Reg·w‖∞ ≤ l1Reg.
 */
function dualityGap(cols: Float64Array, n: number, d: number, y: Float64Array, R: Float64Array, w: Float64Array, l1Reg: number, l2Reg: number): number {
  let dualNorm = 0, rNorm2 = 0, wNorm2 = 0, l1Norm = 0, ry = 0;
  for (let j = 0; j < d; j++) {
    let xtr = 0;
    for (let i = 0; i < n; i++) xtr += cols[j * n + i] * R[i];
    dualNorm = Math.max(dualNorm, Math.abs(xtr - l2Reg * w[j]));
    wNorm2 += w[j] * w[j];
    l1Norm += Math.abs(w[j]);
  }
  for (let i = 0; i < n; i++) {
    rNorm2 += R[i] * R[i];
    ry += R[i] * y[i];
  }
  let scale = 1, gap = rNorm2;
  if (dualNorm > l1Reg) {
    scale = l1Reg / dualNorm;
    gap = 0.5 * (rNorm2 + rNorm2 * scale * scale);
  }
  return gap + l1Reg * l1Norm - scale * ry + 0.5 * l2Reg * (1 + scale * scale) * wNorm2;
}
