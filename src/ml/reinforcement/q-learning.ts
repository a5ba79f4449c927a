import { checkPositiveInt, checkRange } from '../core/validate.ts';
import { rng, type Random } from '../core/random.ts';
import type { GridWorld } from './grid-world.ts';
import type { Shaping } from './reward-shaping.ts';

export interface QLearningOptions {
  /** How many episodes to play; each starts on S. */
  episodes?: number;
  /** α, the learning rate: how far Q(s, a) moves toward each new target. */
  alpha?: number;
  /** γ, the discount of the target r + γ·max_a' Q(s', a'). */
  gamma?: number;
  /** ε: the share of moves chosen uniformly at random (exploration); the rest take argmax_a Q(s, a). */
  epsilon?: number;
  /** An episode that has not ended after this many moves is cut off (it still learns from every move). */
  maxSteps?: number;
  /** Extra reward F(s, s') added to the learning target only; returns are counted without it. */
  shaping?: Shaping;
  seed?: number;
}

/** How an episode ended. */
export type EpisodeEnd = 'goal' | 'pit' | 'timeout';

/** One episode: the path taken and the Q table as it was once the episode was over. */
export interface Episode {
  /** 1 for the first episode. */
  episode: number;
  /** s_0 = S, s_1, …, s_T: the cells visited, start and end included. */
  states: number[];
  /** a_t, the move made in s_t. */
  actions: number[];
  /** Whether each move explored (drawn uniformly) rather than exploited. */
  explored: boolean[];
  /** The environment's rewards r_{t+1}, without shaping. */
  rewards: number[];
  /** G = Σ_t r_{t+1}, the undiscounted return with the environment's reward. */
  return: number;
  /** The same sum with the shaping bonus added to every reward (equal to `return` without shaping). */
  shapedReturn: number;
  end: EpisodeEnd;
  /** Q(s, a) after this episode's updates, row-major q[s · 4 + a] (a copy, safe to keep). */
  q: Float64Array;
}

/**
 * ε-greedy choice over Q(s, ·): one uniform decides explore (u < ε) or exploit; a second picks
 * the move, uniformly among all four or among the moves tied at the highest Q.
 */
export function epsilonGreedyAction(q: ArrayLike<number>, state: number, nActions: number, epsilon: number, random: Random): { action: number; explored: boolean } {
  if (random.next() < epsilon) return { action: random.int(nActions), explored: true };
  let best = -Infinity;
  let nTied = 0;
  for (let a = 0; a < nActions; a++) {
    const value = q[state * nActions + a];
    if (value > best) [best, nTied] = [value, 1];
    else if (value === best) nTied += 1;
  }
  let pick = random.int(nTied);
  for (let a = 0; a < nActions; a++) if (q[state * nActions + a] === best && pick-- === 0) return { action: a, explored: false };
  return { action: nActions - 1, explored: false };
}

/**
 * Tabular Q-learning (Watkins 1989), played episode by episode. After every move s →a→ s' with
 * reward r it updates
 *
 *   Q(s, a) ← Q(s, a) + α·[r + F(s, s') + γ·max_a' Q(s', a') − Q(s, a)],
 *
 * with the max term dropped when s' ends the episode. The target uses the greedy max whatever the
 * next move will be, so Q learns the greedy policy's values while behaving ε-greedily (off-policy).
 * Yields each episode's record; `qLearning` runs it to the end.
 */
export function* qLearningEpisodes(world: GridWorld, options: QLearningOptions = {}): Generator<Episode> {
  const { episodes = 300, alpha = 0.5, gamma = 0.95, epsilon = 0.1, maxSteps = 100, shaping, seed = 0 } = options;
  const where = 'qLearning';
  checkPositiveInt(episodes, where, 'episodes');
  checkRange(alpha, where, 'alpha', 0, 1);
  checkRange(gamma, where, 'gamma', 0, 1);
  checkRange(epsilon, where, 'epsilon', 0, 1);
  checkPositiveInt(maxSteps, where, 'maxSteps');
  const random = rng(seed);
  const nA = world.nActions;
  const q = new Float64Array(world.nStates * nA);
  for (let episode = 1; episode <= episodes; episode++) {
    let state = world.start;
    const record: Episode = { episode, states: [state], actions: [], explored: [], rewards: [], return: 0, shapedReturn: 0, end: 'timeout', q };
    for (let t = 0; t < maxSteps; t++) {
      const { action, explored } = epsilonGreedyAction(q, state, nA, epsilon, random);
      const { next, reward, done } = world.step(state, action, random);
      const learned = reward + (shaping ? shaping(state, next, done) : 0);
      let future = 0;
      if (!done) {
        future = -Infinity;
        for (let b = 0; b < nA; b++) future = Math.max(future, q[next * nA + b]);
      }
      // TD error δ = r + F + γ·max_a' Q(s', a') − Q(s, a); Q moves a share α of it.
      q[state * nA + action] += alpha * (learned + gamma * future - q[state * nA + action]);
      record.actions.push(action);
      record.explored.push(explored);
      record.rewards.push(reward);
      record.states.push(next);
      record.return += reward;
      record.shapedReturn += learned;
      state = next;
      if (done) {
        record.end = world.kinds[next] === 'goal' ? 'goal' : 'pit';
        break;
      }
    }
    yield { ...record, q: q.slice() };
  }
}

export interface QLearningRun {
  /** Q after the last episode. */
  q: Float64Array;
  episodes: Episode[];
  /** G per episode, the curve of returns. */
  returns: number[];
}

/** Play every episode of Q-learning and keep them all. */
export function qLearning(world: GridWorld, options: QLearningOptions = {}): QLearningRun {
  const episodes = [...qLearningEpisodes(world, options)];
  return { q: episodes[episodes.length - 1].q, episodes, returns: episodes.map((e) => e.return) };
}

/**
 * Follow the greedy policy of `q` from `start` without exploring (and without slipping) until the
 * episode ends, a cell repeats (the policy loops: the cells of the loop are returned) or `maxSteps`.
 */
export function greedyRollout(world: GridWorld, q: ArrayLike<number>, start = world.start, maxSteps = 200): { states: number[]; end: EpisodeEnd | 'loop'; loop: number[] } {
  const states = [start];
  const seen = new Map<number, number>([[start, 0]]);
  let state = start;
  for (let t = 0; t < maxSteps; t++) {
    let best = 0;
    for (let a = 1; a < world.nActions; a++) if (q[state * world.nActions + a] > q[state * world.nActions + best]) best = a;
    state = world.moveFrom(state, best);
    states.push(state);
    if (world.isTerminal(state)) return { states, end: world.kinds[state] === 'goal' ? 'goal' : 'pit', loop: [] };
    const firstVisit = seen.get(state);
    if (firstVisit !== undefined) return { states, end: 'loop', loop: states.slice(firstVisit, -1) };
    seen.set(state, t + 1);
  }
  return { states, end: 'timeout', loop: [] };
}
