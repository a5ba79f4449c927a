import { fail } from '../core/validate.ts';

type Rows = readonly (readonly number[])[];

/** Where a hyperparameter may go when the regressor fits it: [low, high], or 'fixed' to keep it as given. */
export type HyperparameterBounds = readonly [number, number] | 'fixed';

const defaultBounds: HyperparameterBounds = [1e-5, 1e5];

/**
 * A covariance function for a Gaussian process, by scikit-learn's names: RBF, Matern,
 * ConstantKernel, WhiteKernel, composed with `plus` and `times` (scikit-learn's + and *).
 * Each hyperparameter has bounds (default [1e-5, 1e5], or 'fixed'); GaussianProcessRegressor
 * fits those that are not fixed, unless its optimizer is null.
 */
export abstract class Kernel {
  /** K[i][j] = k(A_i, B_j). With B omitted it is k(A, A), the only place WhiteKernel adds its noise. */
  abstract matrix(A: Rows, B?: Rows): number[][];
  /** k(x, x) for every row, the prior variance at each point. */
  abstract diag(A: Rows): number[];
  /** scikit-learn's repr, e.g. '1**2 * RBF(length_scale=0.5)'. */
  abstract toString(): string;
  /** The logs of the hyperparameters that are not fixed (scikit-learn's theta). */
  abstract get theta(): number[];
  /** [log low, log high] for each entry of theta. */
  abstract get bounds(): [number, number][];
  /** The same kernel with theta replaced (the hyperparameters exp(theta)). */
  abstract withTheta(theta: readonly number[]): Kernel;

  /** k₁ + k₂ (e.g. a smooth kernel plus WhiteKernel noise). */
  plus(other: Kernel): Kernel {
    return new SumKernel(this, other);
  }

  /** k₁ · k₂ (e.g. ConstantKernel(σ²) times RBF sets the prior variance). */
  times(other: Kernel): Kernel {
    return new ProductKernel(this, other);
  }
}

function checkBounds(bounds: HyperparameterBounds, where: string, name: string): HyperparameterBounds {
  if (bounds === 'fixed') return bounds;
  if (!Array.isArray(bounds) || bounds.length !== 2 || !(bounds[0] > 0) || !(bounds[1] > bounds[0]) || !Number.isFinite(bounds[1])) {
    fail(where, `${name} must be 'fixed' or [low, high] with 0 < low < high, got ${JSON.stringify(bounds)}`);
  }
  return bounds;
}

function logBounds(bounds: HyperparameterBounds, count: number): [number, number][] {
  return bounds === 'fixed' ? [] : Array.from({ length: count }, () => [Math.log(bounds[0]), Math.log(bounds[1])]);
}

/** A kernel of the scaled distance r = ‖(a − b)/ℓ‖ alone. */
abstract class StationaryKernel extends Kernel {
  readonly lengthScale: number | readonly number[];
  readonly lengthScaleBounds: HyperparameterBounds;

  /** `where` names the kernel in messages (class names do not survive minification). */
  constructor(lengthScale: number | readonly number[], lengthScaleBounds: HyperparameterBounds, private readonly where: string) {
    super();
    const scales = typeof lengthScale === 'number' ? [lengthScale] : lengthScale;
    if (!Array.isArray(scales) || scales.length === 0 || !scales.every((s) => typeof s === 'number' && s > 0 && Number.isFinite(s))) {
      fail(where, `lengthScale must be a positive number or an array of them (one per feature), got ${JSON.stringify(lengthScale)}`);
    }
    this.lengthScale = lengthScale;
    this.lengthScaleBounds = checkBounds(lengthScaleBounds, where, 'lengthScaleBounds');
  }

  /** k as a function of the scaled distance r. */
  protected abstract ofDistance(r: number): number;
  /** The same kind of kernel with other length scales. */
  protected abstract withLengthScale(lengthScale: number | number[]): Kernel;

  get theta(): number[] {
    if (this.lengthScaleBounds === 'fixed') return [];
    return typeof this.lengthScale === 'number' ? [Math.log(this.lengthScale)] : this.lengthScale.map(Math.log);
  }

  get bounds(): [number, number][] {
    return logBounds(this.lengthScaleBounds, typeof this.lengthScale === 'number' ? 1 : this.lengthScale.length);
  }

  withTheta(theta: readonly number[]): Kernel {
    if (this.lengthScaleBounds === 'fixed') return this;
    return this.withLengthScale(typeof this.lengthScale === 'number' ? Math.exp(theta[0]) : theta.map(Math.exp));
  }

  matrix(A: Rows, B: Rows = A): number[][] {
    return A.map((a) => B.map((b) => this.ofDistance(this.distance(a, b))));
  }

  diag(A: Rows): number[] {
    return A.map(() => this.ofDistance(0));
  }

  private distance(a: readonly number[], b: readonly number[]): number {
    const ls = this.lengthScale;
    if (typeof ls !== 'number' && ls.length !== a.length) {
      fail(this.where, `lengthScale has ${ls.length} values but the points have ${a.length} features`);
    }
    let s = 0;
    for (let j = 0; j < a.length; j++) {
      const t = (a[j] - b[j]) / (typeof ls === 'number' ? ls : ls[j]);
      s += t * t;
    }
    return Math.sqrt(s);
  }

  protected lengthScaleString(): string {
    const ls = this.lengthScale;
    return typeof ls === 'number' ? formatNumber(ls) : `[${ls.map(formatNumber).join(', ')}]`;
  }
}

/** Radial basis function (squared exponential) k = exp(−r²/2): infinitely smooth samples. */
export class RBF extends StationaryKernel {
  constructor(options: { lengthScale?: number | readonly number[]; lengthScaleBounds?: HyperparameterBounds } = {}) {
    super(options.lengthScale ?? 1, options.lengthScaleBounds ?? defaultBounds, 'RBF');
  }

  protected ofDistance(r: number): number {
    return Math.exp(-0.5 * r * r);
  }

  protected withLengthScale(lengthScale: number | number[]): Kernel {
    return new RBF({ lengthScale, lengthScaleBounds: this.lengthScaleBounds });
  }

  toString(): string {
    return `RBF(length_scale=${this.lengthScaleString()})`;
  }
}

/**
 * Matérn kernel, smoothness ν ∈ {0.5, 1.5, 2.5}: exp(−r) (rough, Ornstein–Uhlenbeck),
 * (1 + √3r)exp(−√3r) (once differentiable), (1 + √5r + 5r²/3)exp(−√5r) (twice). As ν → ∞ it becomes RBF.
 */
export class Matern extends StationaryKernel {
  readonly nu: 0.5 | 1.5 | 2.5;

  constructor(options: { lengthScale?: number | readonly number[]; nu?: 0.5 | 1.5 | 2.5; lengthScaleBounds?: HyperparameterBounds } = {}) {
    super(options.lengthScale ?? 1, options.lengthScaleBounds ?? defaultBounds, 'Matern');
    const nu = options.nu ?? 1.5;
    if (nu !== 0.5 && nu !== 1.5 && nu !== 2.5) fail('Matern', `nu must be 0.5, 1.5 or 2.5, got ${String(nu)}`);
    this.nu = nu;
  }

  protected ofDistance(r: number): number {
    if (this.nu === 0.5) return Math.exp(-r);
    if (this.nu === 1.5) {
      const s = Math.sqrt(3) * r;
      return (1 + s) * Math.exp(-s);
    }
    const s = Math.sqrt(5) * r;
    return (1 + s + (s * s) / 3) * Math.exp(-s);
  }

  protected withLengthScale(lengthScale: number | number[]): Kernel {
    return new Matern({ lengthScale, nu: this.nu, lengthScaleBounds: this.lengthScaleBounds });
  }

  toString(): string {
    return `Matern(length_scale=${this.lengthScaleString()}, nu=${this.nu})`;
  }
}

/** A constant c everywhere: multiplied with another kernel, c is the prior variance (σ² = c). */
export class ConstantKernel extends Kernel {
  readonly constantValue: number;
  readonly constantValueBounds: HyperparameterBounds;

  constructor(options: { constantValue?: number; constantValueBounds?: HyperparameterBounds } = {}) {
    super();
    const c = options.constantValue ?? 1;
    if (!(c > 0) || !Number.isFinite(c)) fail('ConstantKernel', `constantValue must be a positive number, got ${String(c)}`);
    this.constantValue = c;
    this.constantValueBounds = checkBounds(options.constantValueBounds ?? defaultBounds, 'ConstantKernel', 'constantValueBounds');
  }

  get theta(): number[] {
    return this.constantValueBounds === 'fixed' ? [] : [Math.log(this.constantValue)];
  }

  get bounds(): [number, number][] {
    return logBounds(this.constantValueBounds, 1);
  }

  withTheta(theta: readonly number[]): Kernel {
    return this.constantValueBounds === 'fixed' ? this : new ConstantKernel({ constantValue: Math.exp(theta[0]), constantValueBounds: this.constantValueBounds });
  }

  matrix(A: Rows, B: Rows = A): number[][] {
    return A.map(() => B.map(() => this.constantValue));
  }

  diag(A: Rows): number[] {
    return A.map(() => this.constantValue);
  }

  toString(): string {
    return `${formatNumber(Math.sqrt(this.constantValue))}**2`;
  }
}

/** Independent noise of variance `noiseLevel` on each training observation (and in the predictive std). */
export class WhiteKernel extends Kernel {
  readonly noiseLevel: number;
  readonly noiseLevelBounds: HyperparameterBounds;

  constructor(options: { noiseLevel?: number; noiseLevelBounds?: HyperparameterBounds } = {}) {
    super();
    const v = options.noiseLevel ?? 1;
    if (!(v > 0) || !Number.isFinite(v)) fail('WhiteKernel', `noiseLevel must be a positive number, got ${String(v)}`);
    this.noiseLevel = v;
    this.noiseLevelBounds = checkBounds(options.noiseLevelBounds ?? defaultBounds, 'WhiteKernel', 'noiseLevelBounds');
  }

  get theta(): number[] {
    return this.noiseLevelBounds === 'fixed' ? [] : [Math.log(this.noiseLevel)];
  }

  get bounds(): [number, number][] {
    return logBounds(this.noiseLevelBounds, 1);
  }

  withTheta(theta: readonly number[]): Kernel {
    return this.noiseLevelBounds === 'fixed' ? this : new WhiteKernel({ noiseLevel: Math.exp(theta[0]), noiseLevelBounds: this.noiseLevelBounds });
  }

  matrix(A: Rows, B?: Rows): number[][] {
    // Noise belongs to an observation, not a place: only k(A, A) has it, on its diagonal.
    if (B !== undefined) return A.map(() => B.map(() => 0));
    return A.map((_, i) => A.map((__, j) => (i === j ? this.noiseLevel : 0)));
  }

  diag(A: Rows): number[] {
    return A.map(() => this.noiseLevel);
  }

  toString(): string {
    return `WhiteKernel(noise_level=${formatNumber(this.noiseLevel)})`;
  }
}

/** What sums and products share: theta is k₁'s then k₂'s. */
abstract class CompositeKernel extends Kernel {
  constructor(readonly k1: Kernel, readonly k2: Kernel) {
    super();
  }

  protected abstract combine(k1: Kernel, k2: Kernel): Kernel;

  get theta(): number[] {
    return [...this.k1.theta, ...this.k2.theta];
  }

  get bounds(): [number, number][] {
    return [...this.k1.bounds, ...this.k2.bounds];
  }

  withTheta(theta: readonly number[]): Kernel {
    const cut = this.k1.theta.length;
    return this.combine(this.k1.withTheta(theta.slice(0, cut)), this.k2.withTheta(theta.slice(cut)));
  }
}

class SumKernel extends CompositeKernel {
  protected combine(k1: Kernel, k2: Kernel): Kernel {
    return new SumKernel(k1, k2);
  }

  matrix(A: Rows, B?: Rows): number[][] {
    const a = this.k1.matrix(A, B), b = this.k2.matrix(A, B);
    return a.map((row, i) => row.map((v, j) => v + b[i][j]));
  }

  diag(A: Rows): number[] {
    const b = this.k2.diag(A);
    return this.k1.diag(A).map((v, i) => v + b[i]);
  }

  toString(): string {
    return `${this.k1} + ${this.k2}`;
  }
}

class ProductKernel extends CompositeKernel {
  protected combine(k1: Kernel, k2: Kernel): Kernel {
    return new ProductKernel(k1, k2);
  }

  matrix(A: Rows, B?: Rows): number[][] {
    const a = this.k1.matrix(A, B), b = this.k2.matrix(A, B);
    return a.map((row, i) => row.map((v, j) => v * b[i][j]));
  }

  diag(A: Rows): number[] {
    const b = this.k2.diag(A);
    return this.k1.diag(A).map((v, i) => v * b[i]);
  }

  toString(): string {
    return `${this.k1} * ${this.k2}`;
  }
}

/** Numbers as Python's repr prints them in scikit-learn's kernel names (3 significant digits). */
function formatNumber(v: number): string {
  return String(Number(v.toPrecision(3)));
}
