import { GradientOptimizer, checkDecay, checkPositive } from './optimizer.ts';

export interface AdagradOptions {
  lr: number;
  eps: number;
}

/** Adagrad: each coordinate's step shrinks with its accumulated squared gradients, G ← G + g², x ← x − lr·g/(√G + ε). */
export class Adagrad extends GradientOptimizer<AdagradOptions, { sumSquares: number[] }> {
  readonly name = 'Adagrad';
  private sumSquares: number[] = [];

  constructor(options: Partial<AdagradOptions> = {}) {
    super({ lr: 0.01, eps: 1e-10 }, options);
  }

  protected validate(): void {
    checkPositive(this.params.lr, this.name, 'lr');
  }

  state(): { sumSquares: number[] } {
    return { sumSquares: this.sumSquares.slice() };
  }

  protected init(dimension: number): void {
    this.sumSquares = new Array<number>(dimension).fill(0);
  }

  protected update(x: readonly number[], g: readonly number[]): number[] {
    const { lr, eps } = this.params;
    this.sumSquares = this.sumSquares.map((s, j) => s + g[j] * g[j]);
    return x.map((xi, j) => xi - (lr * g[j]) / (Math.sqrt(this.sumSquares[j]) + eps));
  }
}

export interface RMSpropOptions {
  lr: number;
  /** Decay of the running average of squared gradients. */
  rho: number;
  eps: number;
}

/** RMSprop: Adagrad with a forgetting average, s ← ρs + (1 − ρ)g², x ← x − lr·g/(√s + ε). */
export class RMSprop extends GradientOptimizer<RMSpropOptions, { meanSquare: number[] }> {
  readonly name = 'RMSprop';
  private meanSquare: number[] = [];

  constructor(options: Partial<RMSpropOptions> = {}) {
    super({ lr: 0.01, rho: 0.9, eps: 1e-8 }, options);
  }

  protected validate(): void {
    checkPositive(this.params.lr, this.name, 'lr');
    checkDecay(this.params.rho, this.name, 'rho');
  }

  state(): { meanSquare: number[] } {
    return { meanSquare: this.meanSquare.slice() };
  }

  protected init(dimension: number): void {
    this.meanSquare = new Array<number>(dimension).fill(0);
  }

  protected update(x: readonly number[], g: readonly number[]): number[] {
    const { lr, rho, eps } = this.params;
    this.meanSquare = this.meanSquare.map((s, j) => rho * s + (1 - rho) * g[j] * g[j]);
    return x.map((xi, j) => xi - (lr * g[j]) / (Math.sqrt(this.meanSquare[j]) + eps));
  }
}
