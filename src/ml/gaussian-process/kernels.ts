import { fail } from '../core/validate.ts';

type Rows = readonly (readonly number[])[];

/**
 * A covariance function for a Gaussian process, by scikit-learn's names: RBF, Matern,
 * ConstantKernel, WhiteKernel, composed with `plus` and `times` (scikit-learn's + and *).
 * Hyperparameters are fixed: what you construct is what the process uses.
 */
export abstract class Kernel {
  /** K[i][j] = k(A_i, B_j). With B omitted it is k(A, A), the only place WhiteKernel adds its noise. */
  abstract matrix(A: Rows, B?: Rows): number[][];
  /** k(x, x) for every row, the prior variance at each point. */
  abstract diag(A: Rows): number[];
  /** scikit-learn's repr, e.g. '1**2 * RBF(length_scale=0.5)'. */
  abstract toString(): string;

  /** k₁ + k₂ (e.g. a smooth kernel plus WhiteKernel noise). */
  plus(other: Kernel): Kernel {
    return new SumKernel(this, other);
  }

  /** k₁ · k₂ (e.g. ConstantKernel(σ²) times RBF sets the prior variance). */
  times(other: Kernel): Kernel {
    return new ProductKernel(this, other);
  }
}

/** A kernel of the scaled distance r = ‖(a − b)/ℓ‖ alone. */
abstract class StationaryKernel extends Kernel {
  readonly lengthScale: number | readonly number[];

  /** `where` names the kernel in messages (class names do not survive minification). */
  constructor(lengthScale: number | readonly number[], private readonly where: string) {
    super();
    const scales = typeof lengthScale === 'number' ? [lengthScale] : lengthScale;
    if (!Array.isArray(scales) || scales.length === 0 || !scales.every((s) => typeof s === 'number' && s > 0 && Number.isFinite(s))) {
      fail(where, `lengthScale must be a positive number or an array of them (one per feature), got ${JSON.stringify(lengthScale)}`);
    }
    this.lengthScale = lengthScale;
  }

  /** k as a function of the scaled distance r. */
  protected abstract ofDistance(r: number): number;

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
  constructor(options: { lengthScale?: number | readonly number[] } = {}) {
    super(options.lengthScale ?? 1, 'RBF');
  }

  protected ofDistance(r: number): number {
    return Math.exp(-0.5 * r * r);
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

  constructor(options: { lengthScale?: number | readonly number[]; nu?: 0.5 | 1.5 | 2.5 } = {}) {
    super(options.lengthScale ?? 1, 'Matern');
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

  toString(): string {
    return `Matern(length_scale=${this.lengthScaleString()}, nu=${this.nu})`;
  }
}

/** A constant c everywhere: multiplied with another kernel, c is the prior variance (σ² = c). */
export class ConstantKernel extends Kernel {
  readonly constantValue: number;

  constructor(options: { constantValue?: number } = {}) {
    super();
    const c = options.constantValue ?? 1;
    if (!(c > 0) || !Number.isFinite(c)) fail('ConstantKernel', `constantValue must be a positive number, got ${String(c)}`);
    this.constantValue = c;
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

  constructor(options: { noiseLevel?: number } = {}) {
    super();
    const v = options.noiseLevel ?? 1;
    if (!(v >= 0) || !Number.isFinite(v)) fail('WhiteKernel', `noiseLevel must be a number ≥ 0, got ${String(v)}`);
    this.noiseLevel = v;
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

class SumKernel extends Kernel {
  constructor(readonly k1: Kernel, readonly k2: Kernel) {
    super();
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

class ProductKernel extends Kernel {
  constructor(readonly k1: Kernel, readonly k2: Kernel) {
    super();
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
