import { describe, expect, it } from 'vitest';
import fx from './fixtures/reinforcement.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';
import {
  BradleyTerryRewardModel, GridWorld, greedyPolicy, greedyRollout, policyAgreement, potentialShaping, progressBonus,
  qLearning, qLearningEpisodes, rng, valueIteration, type Shaping,
} from '../../src/ml/index.ts';

/** The shaping a fixture case names, built as make_reinforcement.py builds it. */
function shapingFor(world: GridWorld, kind: string, gamma: number, bonus: number): Shaping | undefined {
  const distances = world.distancesToGoal();
  if (kind === 'progress') return progressBonus(distances, bonus);
  if (kind === 'potential') return potentialShaping(distances.map((d) => (Number.isFinite(d) ? -bonus * d : 0)), gamma);
  return undefined;
}

describe('GridWorld', () => {
  const world = new GridWorld({ layout: fx.layout });

  it('moves one cell, stays put at walls and edges, and ends on the goal or a pit', () => {
    const at = (r: number, c: number) => r * world.columns + c;
    expect(world.start).toBe(at(4, 0));
    expect(world.moveFrom(at(0, 0), 0)).toBe(at(0, 0)); // off the top edge
    expect(world.moveFrom(at(0, 1), 2)).toBe(at(0, 1)); // into the wall below
    expect(world.moveFrom(at(3, 1), 2)).toBe(at(4, 1)); // into a pit
    expect(world.outcomes(at(3, 1), 2)).toEqual([{ next: at(4, 1), probability: 1, reward: -10, done: true }]);
    expect(world.outcomes(at(3, 6), 1)).toEqual([{ next: at(3, 7), probability: 1, reward: -1, done: false }]);
    expect(world.isDecision(at(1, 1))).toBe(false);
    expect(world.isTerminal(at(4, 7))).toBe(true);
  });

  it('outcomes split a slipping move 1 − slip ahead and slip / 2 to each side, merging equal cells', () => {
    const slippery = new GridWorld({ layout: fx.layout, slip: 0.2 });
    const outcomes = slippery.outcomes(0, 1); // right from the top-left corner: down slips to cell 8, up hits the edge and stays
    expect(outcomes.map((o) => o.next)).toEqual([1, 8, 0]);
    expectClose(outcomes.map((o) => o.probability), [0.8, 0.1, 0.1], 1e-15);
    // Sampled moves follow the same split.
    const random = rng(1);
    const landed = Array.from({ length: 20_000 }, () => slippery.step(0, 1, random).next);
    expect(landed.filter((s) => s === 1).length / landed.length).toBeCloseTo(0.8, 1);
    expect(landed.filter((s) => s === 8).length / landed.length).toBeCloseTo(0.1, 1);
  });

  it('distancesToGoal matches scipy shortest_path around walls and pits', () => {
    expect(world.distancesToGoal().map((d) => (Number.isFinite(d) ? d : null))).toEqual(fx.distances);
  });

  it('withRewards keeps the grid and replaces r(s\')', () => {
    const rewards = world.rewards.map((_, s) => s / 10);
    const other = world.withRewards(rewards);
    expect(other.rewards).toEqual(rewards);
    expect(other.outcomes(0, 1)[0].reward).toBeCloseTo(0.1, 15);
    expect(world.rewards[1]).toBe(-1);
  });

  it('explains a bad layout or a bad move', () => {
    expect(() => new GridWorld({ layout: ['S.G', '..'] })).toThrow(/GridWorld: layout row 1 has 2 cells, expected 3/);
    expect(() => new GridWorld({ layout: ['S.?G'] })).toThrow(/GridWorld: layout row 0, column 2 is '\?'; use \. # S G or X/);
    expect(() => new GridWorld({ layout: ['..G'] })).toThrow(/exactly one start S, found 0/);
    expect(() => new GridWorld({ layout: ['S.G'], slip: 1.5 })).toThrow(/GridWorld: slip must be a number in \[0, 1\], got 1.5/);
    expect(() => world.outcomes(0, 4)).toThrow(/GridWorld.outcomes: action must be 0 \(up\), 1 \(right\), 2 \(down\) or 3 \(left\), got 4/);
  });
});

describe('valueIteration', () => {
  it('finds the V* and Q* of numpy value iteration to 1e-9, with and without shaping', () => {
    for (const c of fx.valueIteration) {
      const world = new GridWorld({ layout: fx.layout, slip: c.slip });
      const result = valueIteration(world, { gamma: c.gamma, shaping: shapingFor(world, c.shaping, c.gamma, c.bonus) });
      const what = `slip ${c.slip}, γ ${c.gamma}, ${c.shaping}`;
      expectClose(result.values, c.values, 1e-9, `V* (${what})`);
      expectClose(result.q, c.q, 1e-9, `Q* (${what})`);
    }
  });

  it('shrinks its sweep-to-sweep change by about γ per sweep once the values settle (a contraction)', () => {
    const world = new GridWorld({ layout: fx.layout, slip: 0.2 });
    const { deltas } = valueIteration(world, { gamma: 0.9 });
    const ratios = deltas.slice(20, 40).map((d, i) => deltas[21 + i] / d);
    for (const r of ratios) expect(r).toBeLessThanOrEqual(0.9 + 1e-12);
    expect(deltas.at(-1)).toBeLessThanOrEqual(1e-12);
  });

  it('potential-based shaping keeps the optimal policy; the naive progress bonus changes it into a loop', () => {
    const world = new GridWorld({ layout: fx.layout });
    const plain = valueIteration(world, { gamma: 0.95 });
    const potential = valueIteration(world, { gamma: 0.95, shaping: shapingFor(world, 'potential', 0.95, 4) });
    expect(policyAgreement(world, potential.policy, plain.q).share).toBe(1);
    // Q shifts by −Φ(s) = 4·d(s) in every decision state.
    const d = world.distancesToGoal();
    for (let s = 0; s < world.nStates; s++) if (world.isDecision(s)) expect(potential.values[s] - plain.values[s]).toBeCloseTo(4 * d[s], 9);
    const naive = valueIteration(world, { gamma: 0.95, shaping: shapingFor(world, 'progress', 0.95, 4) });
    const rollout = greedyRollout(world, naive.q);
    expect(rollout.end).toBe('loop');
    expect(rollout.loop).toHaveLength(2);
    expect(greedyRollout(world, plain.q).end).toBe('goal');
    // The loop pays only for a large enough bonus and a far-sighted enough discount.
    expect(greedyRollout(world, valueIteration(world, { gamma: 0.95, shaping: shapingFor(world, 'progress', 0.95, 2) }).q).end).toBe('goal');
    expect(greedyRollout(world, valueIteration(world, { gamma: 0.9, shaping: shapingFor(world, 'progress', 0.9, 4) }).q).end).toBe('goal');
  });
});

describe('qLearning', () => {
  it('draws what the Python port draws: the same Q table and returns after 60 episodes', () => {
    for (const c of fx.qLearning) {
      const world = new GridWorld({ layout: fx.layout, slip: c.slip });
      const run = qLearning(world, {
        episodes: c.episodes, alpha: c.alpha, gamma: c.gamma, epsilon: c.epsilon, maxSteps: c.maxSteps, seed: c.seed,
        shaping: shapingFor(world, c.shaping, c.gamma, c.bonus),
      });
      const what = `slip ${c.slip}, ε ${c.epsilon}, ${c.shaping}`;
      expectClose(run.q, c.q, 1e-12, `Q (${what})`);
      expectClose(run.returns, c.returns, 1e-12, `returns (${what})`);
    }
  });

  it('records each episode: a path of adjacent cells from S, its rewards and return, and the Q table then', () => {
    const world = new GridWorld({ layout: fx.layout });
    const episodes = [...qLearningEpisodes(world, { episodes: 30, seed: 4 })];
    for (const e of episodes) {
      expect(e.states[0]).toBe(world.start);
      expect(e.states).toHaveLength(e.actions.length + 1);
      e.actions.forEach((a, t) => expect(world.moveFrom(e.states[t], a)).toBe(e.states[t + 1]));
      expect(e.return).toBeCloseTo(e.rewards.reduce((s, r) => s + r, 0), 12);
      expect(e.shapedReturn).toBe(e.return);
      if (e.end !== 'timeout') expect(world.isTerminal(e.states.at(-1)!)).toBe(true);
    }
    // Snapshots are copies: an early episode's table differs from the last.
    expect(Array.from(episodes[0].q)).not.toEqual(Array.from(episodes[29].q));
  });

  it('with α = 1 and random exploration on a deterministic grid, Q converges to Q* and its policy to the optimum', () => {
    const world = new GridWorld({ layout: fx.layout });
    const run = qLearning(world, { episodes: 3000, alpha: 1, gamma: 0.95, epsilon: 1, seed: 2 });
    const star = fx.valueIteration[0];
    expectClose(run.q, star.q, 1e-6, 'Q after 3000 random episodes');
    expect(policyAgreement(world, greedyPolicy(world, run.q), star.q).share).toBe(1);
  });

  it('checks its settings', () => {
    const world = new GridWorld({ layout: fx.layout });
    expect(() => qLearning(world, { alpha: 1.5 })).toThrow(/qLearning: alpha must be a number in \[0, 1\], got 1.5/);
    expect(() => qLearning(world, { episodes: 0 })).toThrow(/qLearning: episodes must be an integer ≥ 1, got 0/);
  });
});

describe('BradleyTerryRewardModel', () => {
  const bt = fx.bradleyTerry;

  it('fits the weights of scikit-learn LogisticRegression(fit_intercept=False, C = 1/λ) on x_a − x_b', () => {
    const model = new BradleyTerryRewardModel({ l2: bt.l2 }).fit(bt.first, bt.second, bt.firstPreferred);
    expectClose(model.coef, bt.coef, 1e-6, 'w');
    expectClose(model.predictProba(bt.first.slice(0, 10), bt.second.slice(0, 10)), bt.proba10, 1e-6, 'P(a ≻ b)');
    expect(model.score(bt.first, bt.second, bt.firstPreferred)).toBeCloseTo(bt.accuracy, 12);
    expect(model.gradientNorm).toBeLessThan(1e-8);
  });

  it('learns rewards only up to a shared constant: a feature every item has equally gets no weight', () => {
    const first = bt.first.map((x) => [...x, 1]);
    const second = bt.second.map((x) => [...x, 1]);
    const model = new BradleyTerryRewardModel({ l2: bt.l2 }).fit(first, second, bt.firstPreferred);
    expect(model.coef!.at(-1)).toBe(0);
    expectClose(model.coef!.slice(0, -1), bt.coef, 1e-6, 'w with a constant feature');
  });

  it('says what is wrong with its input', () => {
    const model = new BradleyTerryRewardModel();
    expect(() => model.reward([[1, 2]])).toThrow(/BradleyTerryRewardModel.reward: this estimator is not fitted yet/);
    expect(() => model.fit([[1, 2]], [[1, 2], [3, 4]], [1])).toThrow(/first is 1×2 but second is 2×2/);
    expect(() => model.fit([[1, 2]], [[0, 2]], [2])).toThrow(/firstPreferred\[0\] must be 0 or 1, got 2/);
    expect(() => new BradleyTerryRewardModel({ l2: 0 }).fit([[1, 2], [0, 2]], [[0, 2], [1, 2]], [1, 0])).toThrow(/Hessian is singular/);
  });
});
