/**
 * Adam on a flat Float64Array, updated in place. The library's `Adam` (src/ml/optim) maps plain
 * arrays and allocates at every step, which is what a learner should read; a GAN takes tens of
 * thousands of steps, so its two players share this allocation-free loop with the same formulas.
 */
export class InPlaceAdam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;

  constructor(size: number, readonly lr: number, readonly beta1 = 0.9, readonly beta2 = 0.999, readonly eps = 1e-8) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  /** θ ← θ − lr·m̂/(√v̂ + ε), with m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ). */
  step(params: Float64Array, grads: Float64Array): void {
    const { m, v, beta1, beta2, eps, lr } = this;
    this.t += 1;
    const mScale = 1 / (1 - beta1 ** this.t);
    const vScale = 1 / (1 - beta2 ** this.t);
    for (let j = 0; j < params.length; j++) {
      const g = grads[j];
      m[j] = beta1 * m[j] + (1 - beta1) * g;
      v[j] = beta2 * v[j] + (1 - beta2) * g * g;
      params[j] -= (lr * m[j] * mScale) / (Math.sqrt(v[j] * vScale) + eps);
    }
  }
}
