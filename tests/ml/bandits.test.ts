import { describe, expect, it } from 'vitest';
import fx from './fixtures/bandits.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';
import {
  banditSteps, BernoulliBandit, betaCdf, betaPdf, betaQuantile, EpsilonGreedy, makeBanditMeans, playBandit, rng,
  ThompsonSampling, UCB1, type BanditPolicy,
} from '../../src/ml/index.ts';

const { runs } = fx;
type RunName = 'epsilon-greedy' | 'greedy' | 'ucb1' | 'thompson';
const policies: Record<RunName, () => BanditPolicy> = {
  'epsilon-greedy': () => new EpsilonGreedy({ nArms: 5, epsilon: runs.epsilon, seed: runs.policySeed }),
  greedy: () => new EpsilonGreedy({ nArms: 5, epsilon: 0, seed: runs.policySeed }),
  ucb1: () => new UCB1({ nArms: 5, c: runs.c }),
  thompson: () => new ThompsonSampling({ nArms: 5, seed: runs.policySeed }),
};

describe('Beta distribution', () => {
  it('betaPdf, betaCdf and betaQuantile match scipy.stats.beta', () => {
    for (const { a, b, x, pdf, cdf, p, ppf } of fx.beta) {
      expectClose(x.map((v) => betaPdf(v, a, b)), pdf, 1e-10, `pdf Beta(${a}, ${b})`);
      expectClose(x.map((v) => betaCdf(v, a, b)), cdf, 1e-10, `cdf Beta(${a}, ${b})`);
      expectClose(p.map((q) => betaQuantile(q, a, b)), ppf, 1e-10, `ppf Beta(${a}, ${b})`);
    }
  });

  it('betaQuantile rejects a probability outside [0, 1] and a bad shape', () => {
    expect(() => betaQuantile(1.2, 2, 3)).toThrow(/betaQuantile: p must be a number in \[0, 1\], got 1.2/);
    expect(() => betaPdf(0.5, 0, 3)).toThrow(/betaPdf: a and b must be positive numbers, got a 0, b 3/);
  });
});

describe('rng gamma and beta samplers', () => {
  it('draw what the Python port of Marsaglia–Tsang draws from the same seed', () => {
    const r = rng(3);
    const gammas = [...Array.from({ length: 6 }, () => r.gamma(2.5)), ...Array.from({ length: 4 }, () => r.gamma(0.4, 2))];
    expectClose(gammas, fx.draws.gamma, 1e-12, 'gamma draws');
    const s = rng(4);
    const betas = [...Array.from({ length: 6 }, () => s.beta(2, 5)), ...Array.from({ length: 4 }, () => s.beta(31, 70))];
    expectClose(betas, fx.draws.beta, 1e-12, 'beta draws');
  });

  it('have the mean and variance of scipy.stats.gamma and scipy.stats.beta (within 4 standard errors)', () => {
    const n = 20_000;
    const checkMoments = (draw: () => number, mean: number, variance: number, what: string) => {
      const xs = Array.from({ length: n }, draw);
      const m = xs.reduce((s, x) => s + x, 0) / n;
      const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1);
      // SE of the mean is √(var/n); of the variance about var·√(2/n) (a loose bound for skewed laws, so ×3).
      expect(Math.abs(m - mean), `${what} mean ${m} vs ${mean}`).toBeLessThan(4 * Math.sqrt(variance / n));
      expect(Math.abs(v - variance), `${what} variance ${v} vs ${variance}`).toBeLessThan(12 * variance * Math.sqrt(2 / n));
    };
    const r = rng(11);
    for (const { shape, scale, mean, var: variance } of fx.moments.gamma) checkMoments(() => r.gamma(shape, scale), mean, variance, `Gamma(${shape}, ${scale})`);
    for (const { a, b, mean, var: variance } of fx.moments.beta) checkMoments(() => r.beta(a, b), mean, variance, `Beta(${a}, ${b})`);
  });

  it('reject shapes that are not positive', () => {
    expect(() => rng(0).gamma(0)).toThrow(/rng.gamma: shape and scale must be positive numbers, got shape 0, scale 1/);
    expect(() => rng(0).beta(1, -2)).toThrow(/rng.beta: a and b must be positive numbers, got a 1, b -2/);
  });
});

describe('bandits', () => {
  it('makeBanditMeans puts the best arm Δ above a second best of 0.5, the rest down to 0.25, shuffled', () => {
    expect(makeBanditMeans({ nArms: 10, gap: 0.1, seed: 0 })).toEqual(fx.bandit10Means);
    const sorted = makeBanditMeans({ nArms: 4, gap: 0.2, seed: 5 }).sort((a, b) => b - a);
    expectClose(sorted, [0.7, 0.5, 0.375, 0.25], 1e-15);
    expect(() => makeBanditMeans({ nArms: 1, gap: 0.1 })).toThrow(/makeBanditMeans: nArms must be an integer ≥ 2, got 1/);
  });

  it('BernoulliBandit pays 0/1 with probability μ_a and checks its inputs', () => {
    const bandit = new BernoulliBandit({ means: [0.2, 0.7], seed: 1 });
    const paid = Array.from({ length: 20_000 }, () => bandit.pull(1));
    expect(new Set(paid)).toEqual(new Set([0, 1]));
    expect(paid.reduce((s, r) => s + r, 0) / paid.length).toBeCloseTo(0.7, 1);
    expect(bandit.bestArm).toBe(1);
    expect(bandit.gap(0)).toBeCloseTo(0.5, 15);
    expect(() => bandit.pull(2)).toThrow(/BernoulliBandit.pull: arm must be an integer from 0 to 1, got 2/);
    expect(() => new BernoulliBandit({ means: [0.2, 1.3] })).toThrow(/BernoulliBandit: means\[1\] must be a number in \[0, 1\], got 1.3/);
  });

  it('UCB1 upper bounds are Q_a + c·√(ln t / N_a) (numpy)', () => {
    for (const { counts, successes, c, bounds } of fx.ucb1) {
      const policy = new UCB1({ nArms: counts.length, c });
      // Feed each arm its rewards so that N_a and Q_a are the fixture's: S_a ones, then zeros.
      counts.forEach((n, a) => {
        for (let i = 0; i < n; i++) policy.update(a, i < successes[a] ? 1 : 0);
      });
      expectClose(policy.upperBounds(), bounds, 1e-12, `UCB1 bounds, c = ${c}`);
    }
    const fresh = new UCB1({ nArms: 3 });
    expect(fresh.upperBounds()).toEqual([Infinity, Infinity, Infinity]);
    expect(fresh.select()).toBe(0);
  });

  it('every policy pulls the arms of the Python port of the same seeded run, and its regret is numpy\'s', () => {
    for (const name of Object.keys(policies) as RunName[]) {
      const expected = runs[name];
      const make = policies[name];
      const policy = make();
      const run = playBandit(policy, new BernoulliBandit({ means: runs.means, seed: runs.banditSeed }), runs.nPulls);
      expect(Array.from(run.arms), `${name} arms`).toEqual(expected.arms);
      expect(Array.from(run.rewards), `${name} rewards`).toEqual(expected.rewards);
      expectClose(run.regret, expected.regret, 1e-9, `${name} regret`);
      expect(policy.counts).toEqual(expected.counts);
      expectClose(policy.values, expected.values, 1e-12, `${name} values`);
    }
    // On this run greedy settles on a worse arm and never leaves it; ε-greedy finds the best one.
    expect(runs.greedy.regret.at(-1)!).toBeGreaterThan(3 * runs['epsilon-greedy'].regret.at(-1)!);
  });

  it('banditSteps yields the same pulls as playBandit, with the scores each choice maximised', () => {
    const bandit = () => new BernoulliBandit({ means: runs.means, seed: runs.banditSeed });
    const steps = [...banditSteps(policies.thompson(), bandit(), 50)];
    expect(steps.map((s) => s.arm)).toEqual(runs.thompson.arms.slice(0, 50));
    for (const s of steps) expect(s.scores.indexOf(Math.max(...s.scores))).toBe(s.arm);
    expect(steps[49].counts.reduce((a, b) => a + b, 0)).toBe(50);
    expectClose(steps.map((s) => s.regret), runs.thompson.regret.slice(0, 50), 1e-9);
    const ucbSteps = [...banditSteps(policies.ucb1(), bandit(), 5)];
    // UCB1 tries every arm once first: untried arms have an infinite bound.
    expect(ucbSteps.map((s) => s.arm)).toEqual([0, 1, 2, 3, 4]);
  });

  it('policies check their parameters and the rewards they are given', () => {
    expect(() => new EpsilonGreedy({ nArms: 3, epsilon: 1.5 })).toThrow(/EpsilonGreedy: epsilon must be a number in \[0, 1\], got 1.5/);
    expect(() => new UCB1({ nArms: 1 })).toThrow(/UCB1: nArms must be an integer ≥ 2, got 1/);
    expect(() => new ThompsonSampling({ nArms: 3 }).update(0, 0.5)).toThrow(/ThompsonSampling.update: rewards must be 0 or 1/);
    expect(() => new UCB1({ nArms: 3 }).update(3, 1)).toThrow(/UCB1.update: arm must be an integer from 0 to 2, got 3/);
    expect(() => playBandit(new UCB1({ nArms: 3 }), new BernoulliBandit({ means: [0.1, 0.2] }), 10))
      .toThrow(/playBandit: the policy has 3 arms but the bandit has 2/);
  });
});
