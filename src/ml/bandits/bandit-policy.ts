import { checkPositiveInt, fail } from '../core/validate.ts';

/**
 * What every bandit policy keeps: N_a, how often arm a was pulled, and Q_a, the mean reward it
 * paid (the sample-average estimate of μ_a). `select` picks the next arm from them and leaves in
 * `scores` the number it maximised for each arm; `update` records what the pulled arm paid.
 */
export abstract class BanditPolicy {
  readonly nArms: number;
  /** N_a: pulls of arm a so far. */
  readonly counts: number[];
  /** The sum of arm a's rewards so far. */
  readonly sums: number[];
  /** Q_a = (sum of arm a's rewards) / N_a, 0 before its first pull. */
  readonly values: number[];
  /** t: pulls so far, all arms together. */
  pulls = 0;
  /** The per-arm numbers the last `select` maximised (Q_a, an upper bound, a posterior draw). */
  scores: number[];
  protected readonly where: string;

  protected constructor(nArms: number, where: string) {
    checkPositiveInt(nArms, where, 'nArms', 2);
    this.where = where;
    this.nArms = nArms;
    this.counts = new Array<number>(nArms).fill(0);
    this.sums = new Array<number>(nArms).fill(0);
    this.values = new Array<number>(nArms).fill(0);
    this.scores = new Array<number>(nArms).fill(0);
  }

  /** The arm to pull next. */
  abstract select(): number;

  /** Record that `arm` paid `reward`: N_a += 1 and Q_a = sum / N_a (a ratio, not a running update, so equal estimates tie exactly). */
  update(arm: number, reward: number): this {
    if (!Number.isInteger(arm) || arm < 0 || arm >= this.nArms) {
      fail(`${this.where}.update`, `arm must be an integer from 0 to ${this.nArms - 1}, got ${arm}`);
    }
    if (!Number.isFinite(reward)) fail(`${this.where}.update`, `reward must be a finite number, got ${reward}`);
    this.pulls += 1;
    this.counts[arm] += 1;
    this.sums[arm] += reward;
    this.values[arm] = this.sums[arm] / this.counts[arm];
    return this;
  }
}

