import { checkPositiveInt, checkRange } from '../core/validate.ts';
import type { GridWorld } from './grid-world.ts';
import type { Shaping } from './reward-shaping.ts';

export interface ValueIterationOptions {
  /** γ, the discount: a reward t steps ahead is worth γ^t now. */
  gamma?: number;
  /** Stop when no state's value moved by more than this in a sweep. */
  tolerance?: number;
  maxSweeps?: number;
  /** Extra reward F(s, s') on top of the world's (see reward-shaping.ts). */
  shaping?: Shaping;
}

export interface ValueIterationResult {
  /** V*(s) = max_a Q*(s, a); 0 for walls and for the cells that end the episode. */
  values: Float64Array;
  /** Q*(s, a) in a row-major table, q[s · 4 + a]. */
  q: Float64Array;
  /** A greedy action of Q* in each state (the first of tied ones); −1 for walls and terminal cells. */
  policy: Int8Array;
  /** max_s |V_{k+1}(s) − V_k(s)| after each sweep: the contraction shrinks it by about γ per sweep. */
  deltas: number[];
}

/** Q(s, a) = Σ_{s'} p(s' | s, a)·[r(s') + F(s, s') + γ·V(s')], with V(s') = 0 when s' ends the episode. */
export function bellmanBackup(world: GridWorld, values: ArrayLike<number>, state: number, action: number, gamma: number, shaping?: Shaping): number {
  let q = 0;
  for (const { next, probability, reward, done } of world.outcomes(state, action)) {
    const extra = shaping ? shaping(state, next, done) : 0;
    q += probability * (reward + extra + (done ? 0 : gamma * values[next]));
  }
  return q;
}

/**
 * Value iteration: sweep V_{k+1}(s) = max_a Q_k(s, a) over every state (Jacobi style: each sweep
 * reads only the previous sweep's values) until the values stop moving. For γ < 1 the sweep is a
 * γ-contraction, so V_k converges to the optimal V* from any start; the greedy policy of Q* is
 * optimal.
 */
export function valueIteration(world: GridWorld, { gamma = 0.95, tolerance = 1e-12, maxSweeps = 10_000, shaping }: ValueIterationOptions = {}): ValueIterationResult {
  const where = 'valueIteration';
  checkRange(gamma, where, 'gamma', 0, 1);
  checkRange(tolerance, where, 'tolerance', 0, Infinity);
  checkPositiveInt(maxSweeps, where, 'maxSweeps');
  const { nStates, nActions } = world;
  let values = new Float64Array(nStates);
  const q = new Float64Array(nStates * nActions);
  const deltas: number[] = [];
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    const next = new Float64Array(nStates);
    let delta = 0;
    for (let s = 0; s < nStates; s++) {
      if (!world.isDecision(s)) continue;
      let best = -Infinity;
      for (let a = 0; a < nActions; a++) {
        q[s * nActions + a] = bellmanBackup(world, values, s, a, gamma, shaping);
        best = Math.max(best, q[s * nActions + a]);
      }
      next[s] = best;
      delta = Math.max(delta, Math.abs(best - values[s]));
    }
    values = next;
    deltas.push(delta);
    if (delta <= tolerance) break;
  }
  // One more backup so that Q* is consistent with the final V*.
  for (let s = 0; s < nStates; s++) {
    if (world.isDecision(s)) for (let a = 0; a < nActions; a++) q[s * nActions + a] = bellmanBackup(world, values, s, a, gamma, shaping);
  }
  return { values, q, policy: greedyPolicy(world, q), deltas };
}

/** The greedy action argmax_a Q(s, a) in each decision state (first of tied actions); −1 elsewhere. */
export function greedyPolicy(world: GridWorld, q: ArrayLike<number>): Int8Array {
  const policy = new Int8Array(world.nStates).fill(-1);
  for (let s = 0; s < world.nStates; s++) {
    if (!world.isDecision(s)) continue;
    let best = 0;
    for (let a = 1; a < world.nActions; a++) if (q[s * world.nActions + a] > q[s * world.nActions + best]) best = a;
    policy[s] = best;
  }
  return policy;
}

/**
 * The share of decision states where `policy` takes an optimal action, i.e. one whose Q*(s, a) is
 * within `tolerance` of the best (several moves can be equally good on an open floor).
 */
export function policyAgreement(world: GridWorld, policy: ArrayLike<number>, qStar: ArrayLike<number>, tolerance = 1e-9): { share: number; matches: boolean[] } {
  const matches: boolean[] = [];
  let agreeing = 0;
  let decisions = 0;
  for (let s = 0; s < world.nStates; s++) {
    if (!world.isDecision(s)) {
      matches.push(true);
      continue;
    }
    let best = -Infinity;
    for (let a = 0; a < world.nActions; a++) best = Math.max(best, qStar[s * world.nActions + a]);
    const ok = qStar[s * world.nActions + policy[s]] >= best - tolerance;
    matches.push(ok);
    decisions += 1;
    if (ok) agreeing += 1;
  }
  return { share: agreeing / decisions, matches };
}
