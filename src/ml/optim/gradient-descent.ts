import { GradientOptimizer, checkDecay, checkPositive } from './optimizer.ts';

export interface SGDOptimizerOptions {
  lr: number;
}

/** Plain gradient descent: x ← x − lr·∇f(x). */
export class SGD extends GradientOptimizer<SGDOptimizerOptions, Record<string, never>> {
  readonly name = 'SGD';

  constructor(options: Partial<SGDOptimizerOptions> = {}) {
    super({ lr: 0.01 }, options);
  }

  protected validate(): void {
    checkPositive(this.params.lr, this.name, 'lr');
  }

  state(): Record<string, never> {
    return {};
  }

  protected init(): void {}

  protected update(x: readonly number[], g: readonly number[]): number[] {
    return x.map((xi, j) => xi - this.params.lr * g[j]);
  }
}

export interface MomentumOptions {
  lr: number;
  /** How much of the previous velocity is kept each step. */
  beta: number;
}

/** Gradient descent with momentum (heavy ball): v ← βv − lr·∇f(x), x ← x + v. */
export class Momentum extends GradientOptimizer<MomentumOptions, { velocity: number[] }> {
  readonly name: string = 'Momentum';
  protected velocity: number[] = [];

  constructor(options: Partial<MomentumOptions> = {}) {
    super({ lr: 0.01, beta: 0.9 }, options);
  }

  protected validate(): void {
    checkPositive(this.params.lr, this.name, 'lr');
    checkDecay(this.params.beta, this.name, 'beta');
  }

  state(): { velocity: number[] } {
    return { velocity: this.velocity.slice() };
  }

  protected init(dimension: number): void {
    this.velocity = new Array<number>(dimension).fill(0);
  }

  protected update(x: readonly number[], g: readonly number[]): number[] {
    const { lr, beta } = this.params;
    this.velocity = this.velocity.map((v, j) => beta * v - lr * g[j]);
    return x.map((xi, j) => xi + this.velocity[j]);
  }
}

/**
 * Nesterov momentum: the gradient is taken at the look-ahead point x + βv. Written, as in
 * PyTorch, in terms of the gradient at the current point: v ← βv − lr·g, x ← x + βv − lr·g.
 */
export class Nesterov extends Momentum {
  override readonly name: string = 'Nesterov';

  protected override update(x: readonly number[], g: readonly number[]): number[] {
    const { lr, beta } = this.params;
    this.velocity = this.velocity.map((v, j) => beta * v - lr * g[j]);
    return x.map((xi, j) => xi + beta * this.velocity[j] - lr * g[j]);
  }
}
