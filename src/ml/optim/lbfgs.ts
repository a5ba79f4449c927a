/**
 * A differentiable objective: returns f(x) and writes ∇f(x) into `grad` (so the solver reuses
 * one gradient buffer instead of allocating per evaluation).
 */
export type ValueAndGradient = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  maxIter: number;
  /** Stop when max_j |∂f/∂x_j| ≤ gtol (scipy's `gtol`). */
  gtol: number;
  /** Stop when the relative decrease of f is ≤ ftol (scipy's `ftol`). */
  ftol: number;
  /** Number of past (s, y) pairs kept to approximate the inverse Hessian. */
  memory: number;
}

/** The state after one L-BFGS iteration. */
export interface LbfgsStep {
  iteration: number;
  x: Float64Array;
  loss: number;
  /** max_j |∂f/∂x_j| at x. */
  gradMax: number;
  /** Function evaluations used so far (line searches included). */
  evaluations: number;
  converged: boolean;
}

const defaults: LbfgsOptions = { maxIter: 100, gtol: 1e-5, ftol: 2.220446049250313e-9, memory: 10 };

/**
 * Limited-memory BFGS (Nocedal & Wright, Alg. 7.4): the search direction is −H∇f, with H built
 * from the last `memory` steps by the two-loop recursion; a bisection line search enforces the
 * weak Wolfe conditions so every stored pair has sᵀy > 0. Yields after each iteration; the
 * yielded `x` is the solver's own buffer (copy it to keep it).
 */
export function* lbfgs(fg: ValueAndGradient, x0: ArrayLike<number>, options: Partial<LbfgsOptions> = {}): Generator<LbfgsStep, void, void> {
  const { maxIter, gtol, ftol, memory } = { ...defaults, ...options };
  const n = x0.length;
  const x = Float64Array.from(x0), g = new Float64Array(n);
  const xNew = new Float64Array(n), gNew = new Float64Array(n), dir = new Float64Array(n);
  const S = Array.from({ length: memory }, () => new Float64Array(n));
  const Y = Array.from({ length: memory }, () => new Float64Array(n));
  const rho = new Float64Array(memory), alpha = new Float64Array(memory);
  let stored = 0, head = 0; // ring buffer of the most recent pairs
  let f = fg(x, g), evaluations = 1;
  if (maxAbs(g) <= gtol) {
    yield { iteration: 0, x, loss: f, gradMax: maxAbs(g), evaluations, converged: true };
    return;
  }

  for (let iter = 1; iter <= maxIter; iter++) {
    // Two-loop recursion: dir = −H·g.
    for (let j = 0; j < n; j++) dir[j] = -g[j];
    for (let m = 0; m < stored; m++) {
      const k = (head - 1 - m + memory) % memory;
      alpha[k] = rho[k] * dot(S[k], dir);
      axpy(-alpha[k], Y[k], dir);
    }
    if (stored > 0) {
      // Initial Hessian scaling γ = sᵀy / yᵀy of the latest pair.
      const k = (head - 1 + memory) % memory;
      const gamma = dot(S[k], Y[k]) / dot(Y[k], Y[k]);
      for (let j = 0; j < n; j++) dir[j] *= gamma;
    }
    for (let m = stored - 1; m >= 0; m--) {
      const k = (head - 1 - m + memory) % memory;
      const beta = rho[k] * dot(Y[k], dir);
      axpy(alpha[k] - beta, S[k], dir);
    }

    // Weak Wolfe line search by bisection/expansion (Lewis & Overton).
    const slope = dot(g, dir);
    let t = stored === 0 ? Math.min(1, 1 / Math.sqrt(dot(g, g))) : 1;
    let lo = 0, hi = Infinity, fNew = f;
    for (let trial = 0; trial < 60; trial++) {
      for (let j = 0; j < n; j++) xNew[j] = x[j] + t * dir[j];
      fNew = fg(xNew, gNew);
      evaluations++;
      if (!(fNew <= f + 1e-4 * t * slope)) hi = t; // not enough decrease (or NaN): shorter
      else if (dot(gNew, dir) < 0.9 * slope) lo = t; // still steeply downhill: longer
      else break;
      t = hi < Infinity ? (lo + hi) / 2 : 2 * lo;
    }

    // Store s = x_new − x and y = g_new − g (skipped if the curvature is not positive).
    const s = S[head], yv = Y[head];
    for (let j = 0; j < n; j++) {
      s[j] = xNew[j] - x[j];
      yv[j] = gNew[j] - g[j];
    }
    const sy = dot(s, yv);
    if (sy > 1e-12 * dot(yv, yv)) {
      rho[head] = 1 / sy;
      head = (head + 1) % memory;
      stored = Math.min(stored + 1, memory);
    }
    const decrease = (f - fNew) / Math.max(Math.abs(f), Math.abs(fNew), 1);
    x.set(xNew);
    g.set(gNew);
    f = fNew;
    const gradMax = maxAbs(g);
    const converged = gradMax <= gtol || decrease <= ftol;
    yield { iteration: iter, x, loss: f, gradMax, evaluations, converged };
    if (converged) return;
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let j = 0; j < x.length; j++) y[j] += a * x[j];
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let j = 0; j < a.length; j++) m = Math.max(m, Math.abs(a[j]));
  return m;
}
