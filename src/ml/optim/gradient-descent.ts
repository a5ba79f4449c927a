import { GradientOptimizer, checkDecay, checkPositive } from './optimizer.ts';

export interface SGDOptimizerOptions {
  learningRate: number;
}

/** Plain gradient descent: x ← x − η·∇f(x). */
export class SGD extends GradientOptimizer<SGDOptimizerOptions, Record<string, never>> {
  readonly name = 'SGD';

  constructor(options: Partial<SGDOptimizerOptions> = {}) {
    super({ learningRate: 0.01 }, options);
  }

  protected validate(): void {
    checkPositive(this.params.learningRate, this.name, 'learningRate');
  }

  state(): Record<string, never> {
    return {};
  }

  protected init(): void {}

  protected update(x: readonly number[], g: readonly number[]): number[] {
    return x.map((xi, j) => xi - this.params.learningRate * g[j]);
  }
}

export interface MomentumOptions {
  learningRate: number;
  /** How much of the previous velocity is kept each step. */
  beta: number;
}

/** Gradient descent with momentum (heavy ball): v ← βv − η·∇f(x), x ← x + v. */
export class Momentum extends GradientOptimizer<MomentumOptions, { velocity: number[] }> {
  readonly name: string = 'Momentum';
  protected velocity: number[] = [];

  constructor(options: Partial<MomentumOptions> = {}) {
    super({ learningRate: 0.01, beta: 0.9 }, options);
  }

  protected validate(): void {
    checkPositive(this.params.learningRate, this.name, 'learningRate');
    checkDecay(this.params.beta, this.name, 'beta');
  }

  state(): { velocity: number[] } {
    return { velocity: this.velocity.slice() };
  }

  protected init(dimension: number): void {
    this.velocity = new Array<number>(dimension).fill(0);
  }

  protected update(x: readonly number[], g: readonly number[]): number[] {
    const { learningRate, beta } = this.params;
    this.velocity = this.velocity.map((v, j) => beta * v - learningRate * g[j]);
    return x.map((xi, j) => xi + this.velocity[j]);
  }
}

/**
 * Nesterov momentum: the gradient is taken at the look-ahead point x + βv. Written, as in
 * PyTorch, in terms of the gradient at the current point: v ← βv − η·g, x ← x + βv − η·g.
 */
export class Nesterov extends Momentum {
  override readonly name: string = 'Nesterov';

  protected override update(x: readonly number[], g: readonly number[]): number[] {
    const { learningRate, beta } = this.params;
    this.velocity = this.velocity.map((v, j) => beta * v - learningRate * g[j]);
    return x.map((xi, j) => xi + beta * this.velocity[j] - learningRate * g[j]);
  }
}
