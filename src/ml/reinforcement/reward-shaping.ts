import { checkRange, fail } from '../core/validate.ts';

/**
 * Extra reward F(s, s') added to the environment's reward while learning (the agent's return is
 * still counted with the environment's reward alone). `done` says whether s' ends the episode.
 */
export type Shaping = (state: number, next: number, done: boolean) => number;

/**
 * Potential-based shaping (Ng, Harada & Russell 1999): F(s, s') = γ·Φ(s') − Φ(s), with Φ = 0 on
 * the cell that ends the episode. Along any path the bonuses telescope to γ^T·Φ(s_T) − Φ(s_0), so a
 * loop can never pay and the optimal policy is unchanged; only the Q values shift, by −Φ(s).
 */
export function potentialShaping(potential: readonly number[], gamma: number): Shaping {
  checkRange(gamma, 'potentialShaping', 'gamma', 0, 1);
  potential.forEach((phi, s) => {
    if (!Number.isFinite(phi)) fail('potentialShaping', `potential[${s}] must be a finite number, got ${phi}`);
  });
  return (state, next, done) => (done ? 0 : gamma * potential[next]) - potential[state];
}

/**
 * A naive progress bonus: `bonus` for every move that lands closer to the goal (by `distances`),
 * nothing for a move away. Moving away and back earns it again, so an agent can farm it in a
 * loop instead of finishing.
 */
export function progressBonus(distances: readonly number[], bonus: number): Shaping {
  if (!Number.isFinite(bonus)) fail('progressBonus', `bonus must be a finite number, got ${bonus}`);
  return (state, next) => (distances[next] < distances[state] ? bonus : 0);
}
