import { fail } from '../core/validate.ts';
import { GradientOptimizer, checkDecay, checkPositive } from './optimizer.ts';

export interface AdamOptions {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /**
   * Weight decay λ. Adam adds it to the gradient as an L2 term, g ← g + λx (PyTorch's Adam), so
   * it goes through the adaptive scaling; AdamW decouples it, x shrinks by η·λ·x each step.
   */
  weightDecay: number;
}

/** Adam's memory: raw moment estimates m, v and their bias-corrected versions m̂, v̂. */
export interface AdamState extends Record<string, number[]> {
  m: number[];
  v: number[];
  mHat: number[];
  vHat: number[];
}

/**
 * Adam: momentum on the gradient (m) and RMSprop-style scaling (v), both started at 0 and
 * bias-corrected by 1/(1 − β^t) so the first steps are not distorted (with the usual β₂ > β₁ the uncorrected first step is (1−β₁)/√(1−β₂) ≈ 3× too long):
 * x ← x − η·m̂/(√v̂ + ε). The first step therefore has size ≈ η in every coordinate.
 * With weightDecay λ the gradient is g + λx (L2 regularisation of the objective, as PyTorch's
 * Adam): on (x − 3)² with λ = 0.5 it settles where 2(x − 3) + 0.5x = 0, at x = 2.4.
 */
export class Adam extends GradientOptimizer<AdamOptions, AdamState> {
  readonly name: string = 'Adam';
  private m: number[] = [];
  private v: number[] = [];
  private mHat: number[] = [];
  private vHat: number[] = [];
  /** True for AdamW: weight decay shrinks x directly instead of being added to the gradient. */
  protected readonly decoupledWeightDecay: boolean = false;

  constructor(options: Partial<AdamOptions> = {}, weightDecayDefault = 0) {
    super({ learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: weightDecayDefault }, options);
  }

  protected validate(): void {
    checkPositive(this.params.learningRate, this.name, 'learningRate');
    checkDecay(this.params.beta1, this.name, 'beta1');
    checkDecay(this.params.beta2, this.name, 'beta2');
    if (!(this.params.weightDecay >= 0)) fail(this.name, `weightDecay must be ≥ 0, got ${this.params.weightDecay}`);
  }

  state(): AdamState {
    return { m: this.m.slice(), v: this.v.slice(), mHat: this.mHat.slice(), vHat: this.vHat.slice() };
  }

  protected init(dimension: number): void {
    const zeros = () => new Array<number>(dimension).fill(0);
    this.m = zeros(); this.v = zeros(); this.mHat = zeros(); this.vHat = zeros();
  }

  protected update(x: readonly number[], grads: readonly number[]): number[] {
    const { learningRate, beta1, beta2, epsilon, weightDecay } = this.params;
    const t = this.t;
    const coupled = this.decoupledWeightDecay ? 0 : weightDecay;
    const decoupled = this.decoupledWeightDecay ? weightDecay : 0;
    const g = grads.map((gj, j) => gj + coupled * x[j]); // Adam's L2 term: g ← g + λx
    this.m = this.m.map((m, j) => beta1 * m + (1 - beta1) * g[j]); // m ← β₁m + (1 − β₁)g
    this.v = this.v.map((v, j) => beta2 * v + (1 - beta2) * g[j] * g[j]); // v ← β₂v + (1 − β₂)g²
    this.mHat = this.m.map((m) => m / (1 - beta1 ** t)); // m̂ = m / (1 − β₁ᵗ)
    this.vHat = this.v.map((v) => v / (1 - beta2 ** t)); // v̂ = v / (1 − β₂ᵗ)
    // AdamW: x ← x − η·(m̂/(√v̂ + ε) + λx), the decay outside the adaptive scaling
    return x.map((xi, j) => xi - learningRate * (this.mHat[j] / (Math.sqrt(this.vHat[j]) + epsilon) + decoupled * xi));
  }
}

/**
 * AdamW (Loshchilov & Hutter): Adam with decoupled weight decay, x ← x − η·(m̂/(√v̂ + ε) + λx).
 * Unlike an L2 term added to the gradient, the decay is not divided by √v̂, so every weight
 * shrinks at the same rate; on (x − 3)² with η = 0.05 and λ = 0.5 it is at x = 1.7406 after 500
 * steps, where Adam's coupled L2 term gives 2.4.
 */
export class AdamW extends Adam {
  override readonly name: string = 'AdamW';
  protected override readonly decoupledWeightDecay: boolean = true;

  constructor(options: Partial<AdamOptions> = {}) {
    super(options, 0.01);
  }
}
