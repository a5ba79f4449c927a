import { fail } from '../core/validate.ts';
import { rng, type Random } from '../core/random.ts';
import { argmax } from '../linear/labels.ts';
import { BanditPolicy } from './bandit-policy.ts';

export interface ThompsonSamplingOptions {
  nArms: number;
  /** The Beta(α₀, β₀) prior on every μ_a; Beta(1, 1) is uniform on [0, 1]. */
  alpha?: number;
  beta?: number;
  seed?: number;
}

/**
 * Thompson sampling for 0/1 rewards: arm a's posterior is Beta(α₀ + S_a, β₀ + F_a) after S_a
 * successes and F_a failures. Each pull draws one θ_a from every posterior and pulls the arm with
 * the largest draw, so an arm is pulled with the probability that it is the best one.
 */
export class ThompsonSampling extends BanditPolicy {
  readonly alpha: number;
  readonly beta: number;
  private readonly random: Random;

  constructor({ nArms, alpha = 1, beta = 1, seed = 0 }: ThompsonSamplingOptions) {
    super(nArms, 'ThompsonSampling');
    if (!(alpha > 0) || !(beta > 0)) fail(this.where, `alpha and beta must be positive numbers, got alpha ${alpha}, beta ${beta}`);
    this.alpha = alpha;
    this.beta = beta;
    this.random = rng(seed);
  }

  /** Arm a's posterior Beta(α₀ + S_a, β₀ + F_a): S_a, the pulls that paid 1, is the sum of its rewards. */
  posterior(arm: number): { alpha: number; beta: number } {
    return { alpha: this.alpha + this.sums[arm], beta: this.beta + this.counts[arm] - this.sums[arm] };
  }

  select(): number {
    // θ_a ~ Beta(α₀ + S_a, β₀ + F_a), drawn for arm 0, 1, … in order.
    for (let a = 0; a < this.nArms; a++) {
      this.scores[a] = this.random.beta(this.alpha + this.sums[a], this.beta + this.counts[a] - this.sums[a]);
    }
    return argmax(this.scores);
  }

  override update(arm: number, reward: number): this {
    if (reward !== 0 && reward !== 1) fail('ThompsonSampling.update', `rewards must be 0 or 1 (a Beta–Bernoulli model), got ${reward}`);
    return super.update(arm, reward);
  }
}
