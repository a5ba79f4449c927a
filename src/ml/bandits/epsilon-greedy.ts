import { checkRange } from '../core/validate.ts';
import { rng, type Random } from '../core/random.ts';
import { BanditPolicy } from './bandit-policy.ts';

export interface EpsilonGreedyOptions {
  nArms: number;
  /** ε: the share of pulls that explore (an arm drawn uniformly); the rest exploit argmax Q_a. */
  epsilon?: number;
  seed?: number;
}

/**
 * ε-greedy: with probability ε pull an arm chosen uniformly at random, otherwise the arm with the
 * highest estimate Q_a (ties broken uniformly at random, so untried arms are not taken in order).
 * With ε = 0 it is the greedy policy, which can settle on a worse arm for good.
 */
export class EpsilonGreedy extends BanditPolicy {
  readonly epsilon: number;
  /** Whether the last `select` explored (true) or exploited (false). */
  explored = false;
  private readonly random: Random;

  constructor({ nArms, epsilon = 0.1, seed = 0 }: EpsilonGreedyOptions) {
    super(nArms, 'EpsilonGreedy');
    checkRange(epsilon, this.where, 'epsilon', 0, 1);
    this.epsilon = epsilon;
    this.random = rng(seed);
  }

  select(): number {
    const { values, scores, nArms } = this;
    let best = -Infinity;
    let nTied = 0;
    for (let a = 0; a < nArms; a++) {
      scores[a] = values[a];
      if (values[a] > best) [best, nTied] = [values[a], 1];
      else if (values[a] === best) nTied += 1;
    }
    // One uniform decides explore or exploit; a second picks the arm (among all, or among the tied best).
    this.explored = this.random.next() < this.epsilon;
    if (this.explored) return this.random.int(nArms);
    let pick = this.random.int(nTied);
    for (let a = 0; a < nArms; a++) if (values[a] === best && pick-- === 0) return a;
    return nArms - 1;
  }
}
