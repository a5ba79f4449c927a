import { GradientOptimizer, checkDecay, checkPositive } from './optimizer.ts';

export interface AdagradOptions {
  learningRate: number;
  epsilon: number;
}

/** Adagrad: each coordinate's step shrinks with its accumulated squared gradients, G ← G + g², x ← x − η·g/(√G + ε). */
export class Adagrad extends GradientOptimizer<AdagradOptions, { sumSquares: number[] }> {
  readonly name = 'Adagrad';
  private sumSquares: number[] = [];

  constructor(options: Partial<AdagradOptions> = {}) {
    super({ learningRate: 0.01, epsilon: 1e-10 }, options);
  }

  protected validate(): void {
    checkPositive(this.params.learningRate, this.name, 'learningRate');
  }

  state(): { sumSquares: number[] } {
    return { sumSquares: this.sumSquares.slice() };
  }

  protected init(dimension: number): void {
    this.sumSquares = new Array<number>(dimension).fill(0);
  }

  protected update(x: readonly number[], g: readonly number[]): number[] {
    const { learningRate, epsilon } = this.params;
    this.sumSquares = this.sumSquares.map((s, j) => s + g[j] * g[j]);
    return x.map((xi, j) => xi - (learningRate * g[j]) / (Math.sqrt(this.sumSquares[j]) + epsilon));
  }
}

export interface RMSpropOptions {
  learningRate: number;
  /** Decay of the running average of squared gradients. */
  rho: number;
  epsilon: number;
}

/** RMSprop: Adagrad with a forgetting average, s ← ρs + (1 − ρ)g², x ← x − η·g/(√s + ε). */
export class RMSprop extends GradientOptimizer<RMSpropOptions, { meanSquare: number[] }> {
  readonly name = 'RMSprop';
  private meanSquare: number[] = [];

  constructor(options: Partial<RMSpropOptions> = {}) {
    super({ learningRate: 0.01, rho: 0.9, epsilon: 1e-8 }, options);
  }

  protected validate(): void {
    checkPositive(this.params.learningRate, this.name, 'learningRate');
    checkDecay(this.params.rho, this.name, 'rho');
  }

  state(): { meanSquare: number[] } {
    return { meanSquare: this.meanSquare.slice() };
  }

  protected init(dimension: number): void {
    this.meanSquare = new Array<number>(dimension).fill(0);
  }

  protected update(x: readonly number[], g: readonly number[]): number[] {
    const { learningRate, rho, epsilon } = this.params;
    this.meanSquare = this.meanSquare.map((s, j) => rho * s + (1 - rho) * g[j] * g[j]);
    return x.map((xi, j) => xi - (learningRate * g[j]) / (Math.sqrt(this.meanSquare[j]) + epsilon));
  }
}
