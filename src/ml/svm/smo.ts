/** The state of the SMO solver after a batch of iterations. */
export interface SMOStep {
  iteration: number;
  /** Dual variables α (0 ≤ α_i ≤ C_i), one per training sample of this binary problem. */
  alpha: Float64Array;
  /** The bias term ρ (decision = Σ y_i α_i k(x_i, x) − ρ) at this point. */
  rho: number;
  /** Maximal violation of the optimality conditions, m(α) − M(α); SMO stops when it is below tol. */
  violation: number;
  converged: boolean;
}

/** Row i of Q, Q_ij = y_i y_j k(x_i, x_j), computed on demand (and cached by the caller). */
export type QRow = (i: number) => Float32Array | Float64Array;

const TAU = 1e-12; // libsvm's floor for a non-positive curvature along the pair direction

/**
 * Sequential minimal optimisation for the C-SVC dual, as in libsvm (Fan, Chen & Lin 2005):
 * minimise ½αᵀQα − Σα subject to 0 ≤ α_i ≤ C_i and yᵀα = 0, changing two variables at a time.
 * C_i is C times the sample's weight (sampleWeight · classWeight), libsvm's weighted C.
 * The pair is chosen with second-order information: i is the most violating index, j the one
 * whose joint update decreases the objective most. Yields every `every` iterations and at the end.
 */
export function* smo(y: Int8Array, Q: QRow, QD: Float64Array, C: Float64Array, tol: number, maxIter: number, every: number): Generator<SMOStep, void, void> {
  const l = y.length;
  const alpha = new Float64Array(l);
  const G = new Float64Array(l).fill(-1); // ∇ of the dual objective at α = 0 is −1
  const isUpper = (t: number) => alpha[t] >= C[t];
  const isLower = (t: number) => alpha[t] <= 0;

  const rho = (): number => {
    // ρ = mean of y_i∇_i over free α_i; with none free, the middle of the feasible interval.
    let ub = Infinity, lb = -Infinity, nFree = 0, sumFree = 0;
    for (let t = 0; t < l; t++) {
      const yG = y[t] * G[t];
      if (isUpper(t)) { if (y[t] === -1) ub = Math.min(ub, yG); else lb = Math.max(lb, yG); }
      else if (isLower(t)) { if (y[t] === 1) ub = Math.min(ub, yG); else lb = Math.max(lb, yG); }
      else { nFree++; sumFree += yG; }
    }
    return nFree > 0 ? sumFree / nFree : (ub + lb) / 2;
  };

  for (let iter = 1; ; iter++) {
    // Working-set selection, first index: the maximal violator.
    let gMax = -Infinity, gMax2 = -Infinity, i = -1, j = -1, best = Infinity;
    for (let t = 0; t < l; t++) {
      if (y[t] === 1) { if (!isUpper(t) && -G[t] >= gMax) { gMax = -G[t]; i = t; } }
      else if (!isLower(t) && G[t] >= gMax) { gMax = G[t]; i = t; }
    }
    const Qi = i >= 0 ? Q(i) : null;
    // Second index: the largest second-order decrease −(gradDiff²)/curvature.
    for (let t = 0; t < l && Qi; t++) {
      if (y[t] === 1) {
        if (isLower(t)) continue;
        const gradDiff = gMax + G[t];
        if (G[t] >= gMax2) gMax2 = G[t];
        if (gradDiff > 0) {
          const curvature = QD[i] + QD[t] - 2 * y[i] * Qi[t];
          const decrease = -(gradDiff * gradDiff) / (curvature > 0 ? curvature : TAU);
          if (decrease <= best) { j = t; best = decrease; }
        }
      } else {
        if (isUpper(t)) continue;
        const gradDiff = gMax - G[t];
        if (-G[t] >= gMax2) gMax2 = -G[t];
        if (gradDiff > 0) {
          const curvature = QD[i] + QD[t] + 2 * y[i] * Qi[t];
          const decrease = -(gradDiff * gradDiff) / (curvature > 0 ? curvature : TAU);
          if (decrease <= best) { j = t; best = decrease; }
        }
      }
    }
    const violation = gMax + gMax2;
    if (violation < tol || j === -1 || iter > maxIter) {
      yield { iteration: iter - 1, alpha: alpha.slice(), rho: rho(), violation, converged: violation < tol || j === -1 };
      return;
    }

    // Solve the two-variable subproblem exactly, then clip to the box [0, C_i] × [0, C_j].
    const Qj = Q(j);
    const Ci = C[i], Cj = C[j];
    const oldI = alpha[i], oldJ = alpha[j];
    if (y[i] !== y[j]) {
      const curvature = QD[i] + QD[j] + 2 * Qi![j];
      const delta = (-G[i] - G[j]) / (curvature > 0 ? curvature : TAU);
      const diff = alpha[i] - alpha[j];
      alpha[i] += delta; alpha[j] += delta;
      if (diff > 0) { if (alpha[j] < 0) { alpha[j] = 0; alpha[i] = diff; } }
      else if (alpha[i] < 0) { alpha[i] = 0; alpha[j] = -diff; }
      if (diff > Ci - Cj) { if (alpha[i] > Ci) { alpha[i] = Ci; alpha[j] = Ci - diff; } }
      else if (alpha[j] > Cj) { alpha[j] = Cj; alpha[i] = Cj + diff; }
    } else {
      const curvature = QD[i] + QD[j] - 2 * Qi![j];
      const delta = (G[i] - G[j]) / (curvature > 0 ? curvature : TAU);
      const sum = alpha[i] + alpha[j];
      alpha[i] -= delta; alpha[j] += delta;
      if (sum > Ci) { if (alpha[i] > Ci) { alpha[i] = Ci; alpha[j] = sum - Ci; } }
      else if (alpha[j] < 0) { alpha[j] = 0; alpha[i] = sum; }
      if (sum > Cj) { if (alpha[j] > Cj) { alpha[j] = Cj; alpha[i] = sum - Cj; } }
      else if (alpha[i] < 0) { alpha[i] = 0; alpha[j] = sum; }
    }
    // ∇ ← ∇ + Q_i Δα_i + Q_j Δα_j
    const dI = alpha[i] - oldI, dJ = alpha[j] - oldJ;
    for (let t = 0; t < l; t++) G[t] += Qi![t] * dI + Qj[t] * dJ;
    if (iter % every === 0) yield { iteration: iter, alpha: alpha.slice(), rho: rho(), violation, converged: false };
  }
}
