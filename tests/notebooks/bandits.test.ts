import { describe, expect, it } from 'vitest';
import fx from './fixtures/bandits.json' with { type: 'json' };
import { allMarkdown, axisTitle, boldNumbers, figureTitled, figureWithPanel, markdown, notebookRunner, numberAfter, traceNamed } from './report-queries.ts';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Figure } from '../../src/plot/figure.ts';

// One session; five sets of controls: the defaults, greedy's last pull, Thompson sampling with ε and c
// moved and a log axis, a small gap at the last pull, and another bandit (k and Δ moved).
const run = notebookRunner('bandits');
const greedyLastPull = { pullIndex: 65, epsilon: 0 };
const moved = { policy: 'Thompson sampling', pullIndex: 30, epsilon: 0.3, cChoice: '0.5', logTime: true };

/** The run figure: its two panels are the arms and the shares of pulls. */
const runFigure = (report: RunReport): Figure => figureWithPanel(report, 'Share of pulls');
const regretFigure = (report: RunReport): Figure => figureTitled(report, 'Mean regret of 40 runs');

describe('notebooks/bandits.md', () => {
  it('the mean regrets it quotes are those of the Python port of the same seeded runs (numpy)', async () => {
    const report = await run();
    expect(numberAfter(report, 'greedy (ε = 0)')).toBeCloseTo(fx.default.greedy, 1);
    expect(numberAfter(report, 'ε-greedy (ε = 0.1)')).toBeCloseTo(fx.default.epsilonGreedy, 1);
    expect(numberAfter(report, 'UCB1 (c = √2)')).toBeCloseTo(fx.default.ucb1, 1);
    expect(numberAfter(report, 'Thompson sampling **')).toBeCloseTo(fx.default.thompson, 1);
    expect(numberAfter(report, 'uniform split **')).toBeCloseTo(fx.default.uniformSplit, 1);
    expect(numberAfter(report, 'Greedy gave the best arm **')).toBe(Math.round(100 * fx.default.greedyBestShare));
    // The curves end at the quoted numbers.
    const chart = regretFigure(report);
    expect((traceNamed(chart, 'Thompson sampling').y as number[]).at(-1)).toBeCloseTo(fx.default.thompson, 9);
    expect(traceNamed(chart, 'UCB1 (c = √2)').y).toHaveLength(1000);
  }, 60_000);

  it('the shape claims hold: greedy is as bad as a uniform split, ε-greedy stays above its floor, Thompson sampling slows down', async () => {
    const report = await run();
    const text = markdown(report, 'Regret added over pulls 201–400');
    const pair = (name: string) => {
      const m = new RegExp(`${name.replace(/[()]/g, '\\$&')} (\\d+\\.\\d) → (\\d+\\.\\d)`).exec(text);
      if (!m) throw new Error(`no slopes for ${name} in ${text}`);
      return [Number(m[1]), Number(m[2])];
    };
    expect(fx.default.greedy).toBeGreaterThan(0.8 * fx.default.uniformSplit);
    const [, epsilonLate] = pair('ε-greedy (ε = 0.1)');
    expect(epsilonLate).toBeGreaterThan(numberAfter(report, '$\\varepsilon \\bar\\Delta \\times$ 200 ='));
    const [thompsonEarly, thompsonLate] = pair('Thompson sampling');
    expect(thompsonLate).toBeLessThan(0.6 * thompsonEarly);
    const [ucbEarly, ucbLate] = pair('UCB1 (c = √2)');
    expect(ucbLate).toBeLessThan(ucbEarly);
    expect(fx.default.thompson).toBeLessThan(fx.default.epsilonGreedy);
    // The bars of the decomposition add up to the mean regret at T.
    expect(numberAfter(report, 'largest difference')).toBeLessThan(1e-9);
    // The worst arm: ε-greedy pulls it more than its exploring share εT/k, Thompson sampling less.
    const [, epsilonWorst, , thompsonWorst] = boldNumbers(markdown(report, 'The worst arm ('));
    const exploringShare = numberAfter(report, '$\\varepsilon T / k$ =');
    expect(exploringShare).toBe(20);
    expect(epsilonWorst).toBeGreaterThan(exploringShare);
    expect(thompsonWorst).toBeLessThan(exploringShare);
  }, 60_000);

  it('the hand-written choice rules pull the same arms as EpsilonGreedy, UCB1 and ThompsonSampling', async () => {
    for (const controls of [{}, moved]) {
      const text = allMarkdown(await run(controls));
      for (const name of ['ε-greedy', 'UCB1', 'Thompson sampling']) {
        expect(text).toContain(`${name}: **0** of 1000 pulls differ, largest regret difference **0.0e+0**`);
      }
    }
  }, 60_000);

  it('the worst arm gets few pulls and a wide posterior, as scipy.stats.beta computes from the same pulls', async () => {
    const report = await run();
    expect(numberAfter(report, 'had **')).toBe(fx.default.worstArm.pulls);
    expect(numberAfter(report, 'posterior interval is')).toBeCloseTo(fx.default.worstArm.width, 3);
    expect(numberAfter(report, 'against about')).toBeLessThan(fx.default.worstArm.width / 2);
  }, 60_000);

  it('the stepper walks the pulls: estimates, bounds, the ringed arm and the shares, on fixed axes', async () => {
    const first = await run();
    expect(allMarkdown(first)).toContain('**Pull 1**: exploited: a random one of the 5 arms tied');
    const startChart = runFigure(first);
    expect(traceNamed(startChart, 'estimate Q_a').y).toHaveLength(5);
    expect(traceNamed(startChart, 'true μ_a').y).toEqual(fx.means);
    const end = await run(greedyLastPull);
    const endChart = runFigure(end);
    expect(allMarkdown(end)).toContain('**Pull 1000**: exploited: the highest $Q_a$');
    const shares = traceNamed(endChart, 'share of pulls').y as number[];
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // The prediction asked for: greedy (ε = 0) has settled on one arm, and not the best (arm 3).
    expect(shares).toEqual([0, 0, 0, 0, 1]);
    expect(fx.means[4]).toBeLessThan(Math.max(...fx.means));
    for (const axis of ['yaxis', 'yaxis2']) expect(endChart.layout[axis]).toEqual(startChart.layout[axis]);
    expect(axisTitle(endChart, 'yaxis')).toBe('reward probability');
    // Estimates move between the first and last pull.
    expect(traceNamed(endChart, 'estimate Q_a').y).not.toEqual(traceNamed(startChart, 'estimate Q_a').y);
  }, 60_000);

  it('Thompson sampling shows its draws and posterior intervals, and pulls the largest draw', async () => {
    const report = await run(moved);
    const chart = runFigure(report);
    const draws = traceNamed(chart, 'draw θ_a').y as number[];
    const ringed = traceNamed(chart, 'pulled now');
    expect(ringed.x).toEqual([`arm ${draws.indexOf(Math.max(...draws)) + 1}`]);
    expect(ringed.y).toEqual([Math.max(...draws)]);
    const interval = traceNamed(chart, 'posterior 90 % interval') as { error_y: { array: number[]; arrayminus: number[] } };
    for (const half of [...interval.error_y.array, ...interval.error_y.arrayminus]) expect(half).toBeGreaterThan(0);
    expect(allMarkdown(report)).toContain('**Pull 75**: the largest draw $\\theta_a$');
    const posteriors = figureTitled(report, 'Beta posteriors when choosing pull 75');
    expect(traceNamed(posteriors, 'draws θ_a').x).toEqual(draws);
  }, 60_000);

  it('moving ε and c changes only their curves, to the Python port\'s numbers; the log box makes t logarithmic', async () => {
    const before = regretFigure(await run());
    const report = await run(moved);
    const after = regretFigure(report);
    expect(numberAfter(report, 'ε-greedy (ε = 0.3)')).toBeCloseTo(fx.moved.epsilonGreedy, 1);
    expect(numberAfter(report, 'UCB1 (c = 0.5)')).toBeCloseTo(fx.moved.ucb1, 1);
    expect(traceNamed(after, 'Thompson sampling').y).toEqual(traceNamed(before, 'Thompson sampling').y);
    expect(traceNamed(after, 'greedy (ε = 0)').y).toEqual(traceNamed(before, 'greedy (ε = 0)').y);
    expect((after.layout.xaxis as { type?: string }).type).toBe('log');
    expect((before.layout.xaxis as { type?: string }).type).not.toBe('log');
    // ε = 0.3: its floor εΔ̄·200 = 10.8 per 200 pulls.
    expect(numberAfter(report, '$\\varepsilon \\bar\\Delta \\times$ 200 =')).toBeCloseTo(10.8, 6);
    // A smaller c: UCB1 pulls the worst arm less often.
    const ucbWorst = (r: RunReport) => boldNumbers(markdown(r, 'The worst arm ('))[2];
    expect(ucbWorst(report)).toBeLessThan(ucbWorst(await run()) / 2);
  }, 60_000);

  it('with Δ = 0.02 the run on screen settles on the second-best arm within 1,000 pulls', async () => {
    const report = await run({ gap: 0.02, pullIndex: 65 });
    const chart = runFigure(report);
    const means = traceNamed(chart, 'true μ_a').y as number[];
    const [best, second] = [...means].sort((a, b) => b - a);
    expect(best - second).toBeCloseTo(0.02, 12);
    const shares = traceNamed(chart, 'share of pulls').y as number[];
    expect(means[shares.indexOf(Math.max(...shares))]).toBe(second);
    expect(Math.max(...shares)).toBeGreaterThan(0.5);
  }, 60_000);

  it('k and Δ rebuild the bandit: k arms, the best Δ above the second', async () => {
    const report = await run({ nArms: 8, gap: 0.3 });
    const chart = runFigure(report);
    const means = traceNamed(chart, 'true μ_a').y as number[];
    expect(means).toHaveLength(8);
    const sorted = [...means].sort((a, b) => b - a);
    expect(sorted[0] - sorted[1]).toBeCloseTo(0.3, 12);
    expect(regretFigure(report).layout.title).toMatchObject({ text: 'Mean regret of 40 runs, k = 8, Δ = 0.3' });
  }, 60_000);
});
