import { describe, expect, it } from 'vitest';
import fx from './fixtures/reinforcement-learning.json' with { type: 'json' };
import { allMarkdown, boldNumbers, figureTitled, figureWithPanel, markdown, notebookRunner, numberAfter, traceNamed } from './report-queries.ts';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Figure } from '../../src/plot/figure.ts';

// One session: the defaults, then the steppers at their ends, a slippery far-sighted-less world with a
// noisy labeller, a smaller bonus, and potential-based shaping on screen.
const run = notebookRunner('reinforcement-learning');
const converged = { sweep: fx.default.sweeps, episodeIndex: 299 };
const slippery = { slip: 0.2, gamma: 0.9, sweep: fx.slippery.sweeps, tau: 10, nPairs: 1000 };
const columns = 8;
const cellName = (s: number) => `(${Math.floor(s / columns)}, ${s % columns})`;

/** A grid figure's heatmap, row by row (null on walls, pits and the goal). */
const gridValues = (figure: Figure) => (traceNamed(figure, 'value').z as (number | null)[][]).flat();
const valueFigure = (report: RunReport, sweep: number, of: number) => figureTitled(report, `Value iteration, sweep ${sweep} of ${of}`);
/** V* as numpy's value iteration computes it, on the cells the figure colours. */
function expectValues(figure: Figure, expected: number[]) {
  const values = gridValues(figure);
  expect(values.filter((v) => v !== null)).toHaveLength(28);
  values.forEach((v, s) => {
    if (v !== null) expect(v).toBeCloseTo(expected[s], 9);
  });
}

describe('notebooks/reinforcement-learning.md', () => {
  it('value iteration ends at numpy\'s V*; the sweeps, V*(S) and the optimal route in the prose are numpy\'s', async () => {
    const start = await run();
    const first = valueFigure(start, 0, fx.default.sweeps);
    expect(gridValues(first).filter((v) => v !== null).every((v) => v === 0)).toBe(true);
    const report = await run(converged);
    const last = valueFigure(report, fx.default.sweeps, fx.default.sweeps);
    expectValues(last, fx.default.values);
    // Fixed colours while the stepper plays.
    expect(traceNamed(last, 'value').zmin).toBe(traceNamed(first, 'value').zmin);
    const [, , sweeps, vStart, moves, besidePits] = boldNumbers(markdown(report, 'The optimal route from S takes'));
    expect(sweeps).toBe(fx.default.sweeps);
    expect(Math.abs(vStart - fx.default.start)).toBeLessThan(5e-4);
    expect(moves).toBe(fx.default.routeMoves);
    expect(besidePits).toBe(6);
    expect(numberAfter(report, 'returns ')).toBe(fx.default.routeReturn);
    // The hand-written algorithms agree with the library's.
    const text = allMarkdown(report);
    expect(text).toContain('largest difference between the Q tables over all 300 episodes **0.0e+0**; episodes whose return differs: **0**');
    expect(numberAfter(report, 'largest difference in $V^*$ **')).toBeLessThan(1e-9);
  }, 120_000);

  it('with slip 0.2 the optimal route climbs away from the pits (numpy\'s V*), and a noisy labeller still trains a good ranking', async () => {
    const report = await run(slippery);
    expectValues(valueFigure(report, fx.slippery.sweeps, fx.slippery.sweeps), fx.slippery.values);
    const [, , sweeps, vStart, moves, besidePits] = boldNumbers(markdown(report, 'The optimal route from S takes'));
    expect(sweeps).toBe(fx.slippery.sweeps);
    expect(Math.abs(vStart - fx.slippery.start)).toBeLessThan(5e-4);
    expect(moves).toBe(fx.slippery.routeMoves);
    expect(besidePits).toBeLessThan(6);
    // τ = 10, 1000 comparisons: the labeller errs on about a pair in four; the model does better than it.
    const [labeller, model, correlation] = boldNumbers(markdown(report, 'The labeller agreed'));
    expect(labeller).toBeLessThan(80);
    expect(model).toBeGreaterThan(labeller);
    expect(correlation).toBeGreaterThan(0.8);
  }, 120_000);

  it('Q-learning plays the Python port\'s episodes: returns, the share of optimal moves, and the ε trade-off', async () => {
    const report = await run();
    expect(numberAfter(report, 'with return $G$ = ')).toBe(fx.qLearning['0.1'].firstReturn);
    expect(numberAfter(report, 'match the optimal policy in **')).toBe(Math.round(100 * fx.qLearning['0.1'].matchShare[0]));
    const [meanA, , meanB, , shareA, shareB] = boldNumbers(markdown(report, 'Over the last 100 episodes'));
    expect(meanA).toBeCloseTo(fx.qLearning['0.1'].meanLast100, 2);
    expect(meanB).toBeCloseTo(fx.qLearning['0.3'].meanLast100, 2);
    expect(shareA).toBe(Math.round(100 * fx.qLearning['0.1'].matchShare[299]));
    expect(shareB).toBe(Math.round(100 * fx.qLearning['0.3'].matchShare[299]));
    // The claims: more exploration earns less while learning but leaves more cells right.
    expect(meanA).toBeGreaterThan(meanB);
    expect(shareB).toBeGreaterThan(shareA);
    const curves = figureWithPanel(report, 'Return per episode, ε = 0.1 and 0.3');
    expect(traceNamed(curves, 'ε = 0.1, each episode').y).toEqual(fx.qLearning['0.1'].returns);
    (traceNamed(curves, 'ε = 0.3: optimal moves').y as number[]).forEach((share, e) => expect(share).toBeCloseTo(fx.qLearning['0.3'].matchShare[e], 12));
    expect(allMarkdown(report)).toContain(`the final table of ε = 0.1 **reaches G in ${fx.default.routeMoves} moves**`);
  }, 120_000);

  it('the episode stepper shows that episode\'s path and table on fixed colours, arrows red where not optimal', async () => {
    const first = figureTitled(await run(), 'Q-learning after episode 1');
    const report = await run(converged);
    const last = figureTitled(report, 'Q-learning after episode 300');
    expect(traceNamed(last, 'value').zmax).toBe(traceNamed(first, 'value').zmax);
    expect((traceNamed(first, 'episode 1').x as number[])[0]).toBe(0);
    const path = traceNamed(last, 'episode 300');
    // The path is a walk of single moves from S.
    const xs = path.x as number[], ys = path.y as number[];
    expect([ys[0], xs[0]]).toEqual([4, 0]);
    for (let t = 1; t < xs.length; t++) expect(Math.abs(xs[t] - xs[t - 1]) + Math.abs(ys[t] - ys[t - 1])).toBeLessThanOrEqual(1);
    const colours = (traceNamed(last, 'policy').textfont as { color: string[] }).color;
    const red = colours.filter((c) => c === '#d6404e').length;
    const share = numberAfter(report, 'match the optimal policy in **');
    expect(share).toBe(Math.round(100 * fx.qLearning['0.1'].matchShare[299]));
    // Red arrows plus undecided dots are the cells that are not right.
    const arrows = traceNamed(last, 'policy').text as string[];
    const undecided = arrows.filter((a) => a === '·').length;
    expect(Math.round(100 * (1 - (red + undecided) / 28))).toBe(share);
  }, 120_000);

  it('the naive bonus is farmed in the loop numpy\'s value iteration finds; potential-based shaping keeps the optimum', async () => {
    const report = await run();
    const text = allMarkdown(report);
    const loop = (cells: number[]) => `loops for ever between ${cells.map(cellName).join(' and ')}`;
    expect(text).toContain(`the greedy route of the learned $Q$ **${loop(fx.shaping.learnedB4.loop)}**`);
    expect(text).toContain(`the route of value iteration with the same shaped reward ${loop(fx.shaping.b4.loop)}`);
    expect(numberAfter(report, 'value iteration with it picks an optimal move in **')).toBe(100 * fx.shaping.potentialShare);
    expect(numberAfter(report, 'the naive bonus in **')).toBeLessThan(100);
    const route = traceNamed(figureTitled(report, 'naive progress bonus: Q after 300 episodes'), 'greedy route from S');
    const lastCell = (route.y as number[]).at(-1)! * columns + (route.x as number[]).at(-1)!;
    expect(fx.shaping.learnedB4.loop).toContain(lastCell);
    // b = 2: the loop no longer pays (numpy agrees); potential-based shaping on screen reaches G.
    expect(fx.shaping.b2.end).toBe('goal');
    expect(allMarkdown(await run({ bonus: 2 }))).toContain('the route of value iteration with the same shaped reward reaches G');
    const potential = await run({ shapingKind: 'potential-based' });
    expect(allMarkdown(potential)).toMatch(/With the \*\*potential-based\*\* \(b = 4\), the greedy route of the learned \$Q\$ \*\*reaches G in \d+ moves\*\*/);
  }, 120_000);

  it('the reward model is fitted (zero gradient), ranks held-out trajectories, and is hacked when optimised', async () => {
    const report = await run();
    expect(numberAfter(report, 'has norm **')).toBeLessThan(1e-8);
    const [, model, correlation] = boldNumbers(markdown(report, 'The labeller agreed'));
    expect(model).toBeGreaterThan(85);
    expect(correlation).toBeGreaterThan(0.8);
    const scatter = figureTitled(report, 'Reward model: 300 comparisons, τ = 2');
    expect(scatter.data.reduce((n, t) => n + (t.x as number[]).length, 0)).toBe(100);
    const hacked = markdown(report, 'Optimised against the learned reward');
    expect(hacked).toMatch(/stays there for ever|loops for ever/);
    expect(numberAfter(report, 'Its moves are optimal for the true reward in **')).toBeLessThan(80);
  }, 120_000);
});
