import { rng, type Random } from '../core/random.ts';
import { checkPositiveInt, fail } from '../core/validate.ts';
import { expectedImprovement } from './expected-improvement.ts';
import { GaussianProcessRegressor } from './gaussian-process-regressor.ts';
import { ConstantKernel, Matern, type Kernel } from './kernels.ts';

export interface BayesianOptimizerOptions {
  /** [low, high] of each coordinate of the search box. */
  bounds: readonly (readonly [number, number])[];
  /** The surrogate's prior, used as given (not fitted); default ConstantKernel(1) · Matern(ν = 2.5, ℓ = 0.2 × each range), on the normalised y. */
  kernel: Kernel | null;
  /** Noise variance the surrogate assumes on each observation (also keeps K invertible). */
  alpha: number;
  /** Points drawn uniformly before the surrogate takes over. */
  nInitial: number;
  /** Uniform random points per step over which expected improvement is maximised. */
  nCandidates: number;
  /** Exploration margin ξ of expected improvement. */
  xi: number;
  /** True to maximise the objective (a score), false to minimise it (a loss). */
  maximize: boolean;
  seed: number;
}

/** One evaluation of the objective. */
export interface BayesianStep {
  iteration: number;
  x: number[];
  y: number;
  /** The best evaluation so far (smallest, or largest when maximising). */
  best: { x: number[]; y: number };
  /** The surrogate fitted on the evaluations before this one, which chose x (undefined for the initial random points). */
  gp?: GaussianProcessRegressor;
  /** Expected improvement at x under that surrogate (NaN for the initial points). */
  expectedImprovement: number;
}

const defaults: Omit<BayesianOptimizerOptions, 'bounds'> = { kernel: null, alpha: 1e-6, nInitial: 3, nCandidates: 1000, xi: 0.01, maximize: false, seed: 0 };

/**
 * A small Bayesian optimiser: a Gaussian process surrogate of the objective (fixed kernel, y
 * normalised) and expected improvement to choose where to look next. `ask()` says where, `tell(x, y)`
 * records the value; `steps(f, n)` does both, one evaluation per yielded step.
 * Draws, in order from one generator: the nInitial starting points, then nCandidates points per step.
 */
export class BayesianOptimizer {
  readonly params: Readonly<BayesianOptimizerOptions>;
  /** Every point evaluated so far, and its value. */
  readonly X: number[][] = [];
  readonly y: number[] = [];
  /** The surrogate behind the last `ask` (undefined while the initial points are drawn). */
  gp?: GaussianProcessRegressor;
  private random: Random;
  private lastEI = NaN;

  constructor(options: Partial<BayesianOptimizerOptions> & Pick<BayesianOptimizerOptions, 'bounds'>) {
    this.params = { ...defaults, ...options };
    const where = 'BayesianOptimizer';
    const { bounds, nInitial, nCandidates, alpha, xi } = this.params;
    if (!Array.isArray(bounds) || bounds.length === 0) fail(where, 'bounds must be a non-empty array of [low, high] pairs, one per coordinate');
    bounds.forEach((b, j) => {
      if (!Array.isArray(b) || b.length !== 2 || !(b[0] < b[1]) || !Number.isFinite(b[0]) || !Number.isFinite(b[1])) {
        fail(where, `bounds[${j}] must be [low, high] with low < high, got ${JSON.stringify(b)}`);
      }
    });
    checkPositiveInt(nInitial, where, 'nInitial');
    checkPositiveInt(nCandidates, where, 'nCandidates');
    if (!(alpha > 0)) fail(where, `alpha must be > 0, got ${alpha}`);
    if (!(xi >= 0)) fail(where, `xi must be ≥ 0, got ${xi}`);
    this.random = rng(this.params.seed);
  }

  /** The best evaluation so far. */
  get best(): { x: number[]; y: number } | undefined {
    if (this.y.length === 0) return undefined;
    let b = 0;
    for (let i = 1; i < this.y.length; i++) if (this.params.maximize ? this.y[i] > this.y[b] : this.y[i] < this.y[b]) b = i;
    return { x: this.X[b], y: this.y[b] };
  }

  /** The surrogate's kernel: the given one, or Matérn 2.5 with length scales a fifth of each range. */
  get kernel(): Kernel {
    return this.params.kernel ?? new ConstantKernel({ constantValue: 1 }).times(
      new Matern({ nu: 2.5, lengthScale: this.params.bounds.map(([lo, hi]) => 0.2 * (hi - lo)) }),
    );
  }

  /** Where to evaluate next: a uniform draw for the first nInitial points, then the candidate of largest expected improvement. */
  ask(): number[] {
    if (this.y.length < this.params.nInitial) {
      this.gp = undefined;
      this.lastEI = NaN;
      return this.draw();
    }
    const gp = new GaussianProcessRegressor({ kernel: this.kernel, optimizer: null, alpha: this.params.alpha, normalizeY: true }).fit(this.X, this.y);
    const candidates = Array.from({ length: this.params.nCandidates }, () => this.draw());
    const ei = expectedImprovement(gp.predict(candidates, { returnStd: true }), this.best!.y, { xi: this.params.xi, maximize: this.params.maximize });
    let pick = 0;
    for (let i = 1; i < ei.length; i++) if (ei[i] > ei[pick]) pick = i;
    this.gp = gp;
    this.lastEI = ei[pick];
    return candidates[pick];
  }

  /** Records the objective's value at x. */
  tell(x: readonly number[], y: number): this {
    const where = 'BayesianOptimizer.tell';
    if (!Array.isArray(x) || x.length !== this.params.bounds.length) fail(where, `x must have ${this.params.bounds.length} coordinates, got ${JSON.stringify(x)}`);
    if (typeof y !== 'number' || !Number.isFinite(y)) fail(where, `the objective returned ${String(y)} at x = ${JSON.stringify(x)}; it must return a finite number`);
    this.X.push(x.slice());
    this.y.push(y);
    return this;
  }

  /** Evaluates `objective` nIter times, one step per evaluation: ask, evaluate, tell. */
  *steps(objective: (x: number[]) => number, nIter: number): Generator<BayesianStep, void, void> {
    checkPositiveInt(nIter, 'BayesianOptimizer.steps', 'nIter');
    for (let k = 0; k < nIter; k++) {
      const x = this.ask();
      const gp = this.gp, ei = this.lastEI;
      const y = objective(x);
      this.tell(x, y);
      yield { iteration: this.y.length - 1, x, y, best: this.best!, gp, expectedImprovement: ei };
    }
  }

  /** A uniform point in the bounds. */
  private draw(): number[] {
    return this.params.bounds.map(([lo, hi]) => this.random.uniform(lo, hi));
  }
}
