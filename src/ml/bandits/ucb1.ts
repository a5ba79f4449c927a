import { checkRange } from '../core/validate.ts';
import { argmax } from '../linear/labels.ts';
import { BanditPolicy } from './bandit-policy.ts';

export interface UCB1Options {
  nArms: number;
  /** c, the width of the bonus; Auer et al.'s UCB1 is c = √2 (rewards in [0, 1]). */
  c?: number;
}

/**
 * UCB1 (Auer, Cesa-Bianchi & Fischer 2002): pull each arm once, then the arm with the highest
 * upper confidence bound U_a = Q_a + c·√(ln t / N_a). The bonus shrinks as an arm is pulled and
 * grows slowly (ln t) while it is not, so every arm is retried, ever more rarely. Deterministic.
 */
export class UCB1 extends BanditPolicy {
  readonly c: number;

  constructor({ nArms, c = Math.SQRT2 }: UCB1Options) {
    super(nArms, 'UCB1');
    checkRange(c, this.where, 'c', 0, Infinity);
    this.c = c;
  }

  /** U_a = Q_a + c·√(ln t / N_a) with t the pulls so far; +∞ for an arm never pulled. */
  upperBounds(into: number[] = new Array<number>(this.nArms)): number[] {
    const logT = Math.log(this.pulls);
    for (let a = 0; a < this.nArms; a++) {
      into[a] = this.counts[a] === 0 ? Infinity : this.values[a] + this.c * Math.sqrt(logT / this.counts[a]);
    }
    return into;
  }

  select(): number {
    return argmax(this.upperBounds(this.scores));
  }
}
