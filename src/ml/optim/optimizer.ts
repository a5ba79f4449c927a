import { fail } from '../core/validate.ts';

/** f(x): the loss surface an optimiser walks on. */
export type Objective = (x: readonly number[]) => number;
/** ∇f(x). */
export type Gradient = (x: readonly number[]) => number[];

export interface MinimizeOptions {
  /** Stop after this many steps. */
  maxIter: number;
  /** Stop early once ‖∇f(x)‖ ≤ tol. */
  tol: number;
}

/** One point of an optimiser's path: the step count, where it is, the loss and gradient there, and its internal state. */
export type MinimizeStep<S> = { t: number; x: number[]; loss: number; grad: number[] } & S;

/** The result of running an optimiser to the end. */
export interface MinimizeResult<S> {
  x: number[];
  loss: number;
  nIter: number;
  converged: boolean;
  /** Every state from t = 0 (the start) to the last step. */
  path: MinimizeStep<S>[];
}

const minimizeDefaults: MinimizeOptions = { maxIter: 1000, tol: 1e-8 };

/**
 * What every optimiser shares: `step(params, grads)` returns the next parameters and updates the
 * optimiser's memory (velocity, moment estimates…); `minimize` walks a function from x0.
 * `S` is the shape of that memory as reported in each step (e.g. Adam's m, v, m̂, v̂).
 */
export abstract class GradientOptimizer<P extends object, S extends object> {
  readonly params: Readonly<P>;
  /** Steps taken since the last reset (Adam's bias correction uses it). */
  t = 0;
  abstract readonly name: string;

  constructor(defaults: P, options: Partial<P>) {
    this.params = { ...defaults, ...options };
  }

  /** The parameters after one step from `params` along the gradient `grads`. */
  step(params: readonly number[], grads: readonly number[]): number[] {
    if (params.length !== grads.length) {
      fail(`${this.name}.step`, `params has ${params.length} values but grads has ${grads.length}; they must match`);
    }
    if (this.t === 0) this.start(params.length);
    this.t += 1;
    return this.update(params, grads);
  }

  /** Forgets the optimiser's memory (velocity, moments) and the step count. */
  reset(): void {
    this.t = 0;
  }

  /** The optimiser's memory after the last step, as plain arrays. */
  abstract state(): S;

  /**
   * Walks f from x0: yields the start (t = 0) and then the state after every step, until
   * ‖∇f‖ ≤ tol or maxIter steps. Starts from a fresh memory.
   */
  *minimize(f: Objective, grad: Gradient, x0: readonly number[], options: Partial<MinimizeOptions> = {}): Generator<MinimizeStep<S>, void, void> {
    const { maxIter, tol } = { ...minimizeDefaults, ...options };
    this.reset();
    this.start(x0.length);
    let x = x0.slice();
    let g = grad(x);
    yield { t: 0, x, loss: f(x), grad: g, ...this.state() };
    for (let k = 0; k < maxIter && norm(g) > tol; k++) {
      x = this.step(x, g);
      g = grad(x);
      const loss = f(x);
      yield { t: this.t, x, loss, grad: g, ...this.state() };
      if (!Number.isFinite(loss)) return; // diverged: the path ends where the numbers blew up
    }
  }

  /** Checks the options (here, not in the constructor, so errors name the concrete class) and clears the memory. */
  private start(dimension: number): void {
    this.validate();
    this.init(dimension);
  }

  protected abstract validate(): void;
  protected abstract init(dimension: number): void;
  protected abstract update(params: readonly number[], grads: readonly number[]): number[];
}

/** The memory an optimiser reports with each step (e.g. Adam's m, v, m̂, v̂). */
export type OptimizerState<O> = O extends GradientOptimizer<object, infer S> ? S : never;

/** Runs `optimizer.minimize` to the end and returns the final point and the whole path. */
export function minimize<O extends GradientOptimizer<object, object>>(
  optimizer: O, f: Objective, grad: Gradient, x0: readonly number[], options: Partial<MinimizeOptions> = {},
): MinimizeResult<OptimizerState<O>> {
  const tol = options.tol ?? minimizeDefaults.tol;
  const path = [...optimizer.minimize(f, grad, x0, options)] as MinimizeStep<OptimizerState<O>>[];
  const last = path[path.length - 1];
  return { x: last.x, loss: last.loss, nIter: last.t, converged: norm(last.grad) <= tol, path };
}

/** Euclidean norm ‖v‖. */
export function norm(v: readonly number[]): number {
  let s = 0;
  for (const x of v) s += x * x;
  return Math.sqrt(s);
}

/** Checks a learning rate or other positive option, naming the optimiser. */
export function checkPositive(value: number, where: string, name: string): void {
  if (!(value > 0) || !Number.isFinite(value)) fail(where, `${name} must be a positive number, got ${value}`);
}

/** Checks a decay rate such as β or ρ. */
export function checkDecay(value: number, where: string, name: string): void {
  if (!(value >= 0 && value < 1)) fail(where, `${name} must be in [0, 1), got ${value}`);
}
