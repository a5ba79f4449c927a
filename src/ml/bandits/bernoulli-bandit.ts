import { checkPositiveInt, checkRange, fail } from '../core/validate.ts';
import { rng, type Random } from '../core/random.ts';

export interface BernoulliBanditOptions {
  /** μ_a, the probability that arm a pays 1 (it pays 0 otherwise). */
  means: readonly number[];
  /** Seed of the reward stream: the t-th pull uses the t-th uniform, whichever arm it pulls. */
  seed?: number;
}

/**
 * A multi-armed bandit whose arms pay 1 with probability μ_a and 0 otherwise. Rewards come from
 * one seeded stream, so two policies played on bandits with the same seed face the same luck
 * pull by pull (common random numbers), and their regret differs by their choices only.
 */
export class BernoulliBandit {
  readonly means: readonly number[];
  readonly nArms: number;
  /** a* = argmax μ_a, and μ* = μ_{a*}. */
  readonly bestArm: number;
  readonly bestMean: number;
  private readonly random: Random;

  constructor({ means, seed = 0 }: BernoulliBanditOptions) {
    const where = 'BernoulliBandit';
    if (!Array.isArray(means) || means.length < 2) fail(where, `means must list at least two arms' probabilities, got ${JSON.stringify(means)}`);
    means.forEach((mu, a) => checkRange(mu, where, `means[${a}]`, 0, 1));
    this.means = means.slice();
    this.nArms = means.length;
    this.bestMean = Math.max(...means);
    this.bestArm = means.indexOf(this.bestMean);
    this.random = rng(seed);
  }

  /** Pull arm a: 1 with probability μ_a, else 0. */
  pull(arm: number): number {
    if (!Number.isInteger(arm) || arm < 0 || arm >= this.nArms) {
      fail('BernoulliBandit.pull', `arm must be an integer from 0 to ${this.nArms - 1}, got ${arm}`);
    }
    return this.random.next() < this.means[arm] ? 1 : 0;
  }

  /** Δ_a = μ* − μ_a: what one pull of arm a costs in expectation against the best arm. */
  gap(arm: number): number {
    return this.bestMean - this.means[arm];
  }
}

export interface BanditMeansOptions {
  nArms: number;
  /** Δ, how much the best arm beats the second best. */
  gap: number;
  /** Seed of the arms' order, so the best arm is not always arm 0. */
  seed?: number;
}

/**
 * Arm means for a test bed: the second best pays 0.5, the others step down evenly to 0.25, and
 * the best pays 0.5 + Δ; then the arms are shuffled.
 */
export function makeBanditMeans({ nArms, gap, seed = 0 }: BanditMeansOptions): number[] {
  const where = 'makeBanditMeans';
  checkPositiveInt(nArms, where, 'nArms', 2);
  checkRange(gap, where, 'gap', 0, 0.5);
  const others = Array.from({ length: nArms - 1 }, (_, i) => (nArms === 2 ? 0.5 : 0.5 - (0.25 * i) / (nArms - 2)));
  return rng(seed).shuffle([0.5 + gap, ...others]);
}
