import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Trace } from '../../src/plot/figure.ts';
import { allMarkdown, boldNumbers, control, figureTitled, markdown, notebookRunner, titleOf, traceNamed } from './report-queries.ts';
import { streamedRun } from './streamed-run.ts';

const run = notebookRunner('gan');

/** scipy's density of the real data and the equilibrium values (fixtures/make_gan.py). */
const scipy = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/gan.json'), 'utf8')) as {
  defaults: Record<string, number | boolean>;
  axis: number[];
  pData: number[];
  lossDAtEquilibrium: number;
  lossGAtEquilibrium: number;
  slopeAtD001: { minimax: number; nonSaturating: number };
};
const COLLAPSE = { lrG: 0.02 };
const FIX = { lrG: 0.02, minibatchStd: true };
const numbers = (t: Trace) => t.y as number[];
/** Per snapshot, the share of G's samples near each mode, read off the share chart. */
function modeShares(report: RunReport): { steps: number[]; left: number[]; right: number[] } {
  const chart = figureTitled(report, "Share of G's samples");
  const left = traceNamed(chart, 'near x = −3');
  return { steps: left.x as number[], left: numbers(left), right: numbers(traceNamed(chart, 'near x = 3')) };
}
/** The bold numbers of the collapse sentence: hops, the emptiest mode's mean share (in %), G's spread over the data's. */
const collapseNumbers = (report: RunReport) => boldNumbers(markdown(report, 'This run: in'));

describe('notebooks/gan.md', () => {
  it('starts from the controls the fixture describes, draws scipy\'s real density and lets the stepper walk 41 snapshots', async () => {
    const report = await run();
    for (const [name, value] of Object.entries(scipy.defaults)) expect(control(report, name).value, name).toBe(value);
    const game = figureTitled(report, 'The game at G step 2000');
    const real = traceNamed(game, 'real density p_data');
    expect(real.x).toEqual(scipy.axis.map((x) => expect.closeTo(x, 12)));
    numbers(real).forEach((p, i) => expect(p, `x = ${scipy.axis[i]}`).toBeCloseTo(scipy.pData[i], 12));
    const d = numbers(traceNamed(game, 'D(x) = P(real)'));
    expect(Math.min(...d)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...d)).toBeLessThanOrEqual(1);
    // The histogram is a density: its area is the share of samples on the axis (at most 1).
    const area = numbers(traceNamed(game, "G's samples (histogram)")).reduce((s, h) => s + h * 0.25, 0);
    expect(area).toBeGreaterThan(0.9);
    expect(area).toBeLessThanOrEqual(1 + 1e-12);
    const stepper = control(report, 'snapshotStep').control as { count: number; values?: string[] };
    expect(stepper.count).toBe(41);
    expect(stepper.values?.[40]).toBe('2000');

    // Step 0: the untrained G puts its samples in a narrow bump near 0, on neither mode.
    const start = await run({ snapshotStep: 0 });
    const first = figureTitled(start, 'The game at G step 0');
    expect(first.layout.title).toEqual({ text: 'The game at G step 0: 0.0 % at −3, 0.0 % at 3' });
    const marker = (figureTitled(start, 'Losses up to').layout.shapes as { x0: number }[])[0];
    expect(marker.x0).toBe(0);
  });

  it('the default run settles where the theory says: L_D near ln 4, L_G near ln 2, D near ½ on both densities, both modes covered', async () => {
    const report = await run();
    const [lossD, lossG, dReal, dFake] = boldNumbers(markdown(report, 'over the last quarter of training'));
    expect(Math.abs(lossD - scipy.lossDAtEquilibrium)).toBeLessThan(0.05);
    expect(Math.abs(lossG - scipy.lossGAtEquilibrium)).toBeLessThan(0.06);
    expect(Math.abs(dReal - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(dFake - 0.5)).toBeLessThan(0.05);
    expect(allMarkdown(report)).toContain('Both are near ½');
    const losses = figureTitled(report, 'Losses up to');
    expect(numbers(traceNamed(losses, 'ln 4'))[0]).toBeCloseTo(scipy.lossDAtEquilibrium, 12);
    expect(numbers(traceNamed(losses, 'ln 2'))[0]).toBeCloseTo(scipy.lossGAtEquilibrium, 12);
    const { left, right } = modeShares(report);
    expect(left.at(-1)).toBeGreaterThan(0.35);
    expect(right.at(-1)).toBeGreaterThan(0.35);
    // The slopes of the two generator losses at D(G(z)) = 0.01.
    const [minimax, nonSaturating] = boldNumbers(markdown(report, 'the slope of each loss').replace(/−/g, '-'));
    expect(minimax).toBeCloseTo(scipy.slopeAtD001.minimax, 6);
    expect(nonSaturating).toBeCloseTo(scipy.slopeAtD001.nonSaturating, 6);
    // The written-out updates are the library's, to the last bit.
    expect(markdown(report, 'written-out updates')).toContain('**0.0e+0**');
  });

  it('a discriminator trained on the frozen G follows D* = p_data / (p_data + p_g), and the prose quotes the gap the figure shows', async () => {
    const report = await run();
    const chart = figureTitled(report, 'D* against a discriminator');
    const [pData, pG, dStar, dFresh] = ['p_data', 'p_g (KDE of G)', 'D* = p_data / (p_data + p_g)', 'D trained on the frozen G'].map((n) => numbers(traceNamed(chart, n)));
    dStar.forEach((v, i) => expect(v).toBeCloseTo(pData[i] / (pData[i] + pG[i] || 1) || 0.5, 12));
    const inMass = pData.flatMap((p, i) => (p + pG[i] > 0.05 ? [i] : []));
    const meanGap = inMass.reduce((s, i) => s + Math.abs(dFresh[i] - dStar[i]), 0) / inMass.length;
    const [quoted] = boldNumbers(markdown(report, 'the freshly trained D is within'));
    expect(quoted).toBeCloseTo(meanGap, 3);
    expect(meanGap).toBeLessThan(0.15);
  });

  it('G twenty times faster than D collapses onto one mode and hops between them; the minibatch-std input covers both', async () => {
    const collapsed = await run(COLLAPSE);
    const [hops, emptiest, spread] = collapseNumbers(collapsed);
    expect(hops).toBeGreaterThanOrEqual(2);
    expect(emptiest).toBeLessThan(5);
    expect(spread).toBeLessThan(0.3);
    const shares = modeShares(collapsed);
    // Each mode holds over 70 % of the samples at some snapshot: the generator visited both, one at a time.
    expect(Math.max(...shares.left)).toBeGreaterThan(0.7);
    expect(Math.max(...shares.right)).toBeGreaterThan(0.7);
    expect(figureTitled(collapsed, 'The game at G step 2000')).toBeDefined();

    const fixed = await run(FIX);
    const [fixedHops, fixedEmptiest, fixedSpread] = collapseNumbers(fixed);
    expect(fixedHops).toBe(0);
    expect(fixedEmptiest).toBeGreaterThan(30);
    expect(fixedSpread).toBeGreaterThan(0.8);
    const after = modeShares(fixed);
    const secondHalf = after.steps.flatMap((t, i) => (t > 1000 ? [Math.min(after.left[i], after.right[i])] : []));
    expect(Math.min(...secondHalf)).toBeGreaterThan(0.1);
  });

  it('on the page, training is live: the game draws at G step 0 at once, then grows to the headless run; the fresh D follows, the end-of-training numbers wait', async () => {
    // The titles of the main figure and of D*'s, and the lines shown while training, in the order shown.
    const live = await streamedRun('gan', (o) => {
      if (o.kind === 'figure' && (titleOf(o.figure).startsWith('The game at G step') || titleOf(o.figure).startsWith('D* against'))) return titleOf(o.figure);
      if (o.kind === 'markdown' && o.markdown.startsWith('*Training: G step')) return o.markdown.split('\n')[0];
      return undefined;
    });
    const titles = live.frames.filter((f) => f.startsWith('The game'));
    // The cells' pass ended with the untrained game, none of the 2,000 steps yet, and training went on.
    expect(live.busyAfterPass).toBe(true);
    expect(live.frames.slice(0, live.framesAfterPass).filter((f) => f.startsWith('The game'))).toEqual([expect.stringMatching(/^The game at G step 0:/)]);
    expect(live.frames.slice(0, live.framesAfterPass).some((f) => f.startsWith('*Training: G step 0 of 2000.*'))).toBe(true);
    expect(titles.map((t) => Number(/G step (\d+)/.exec(t)![1]))).toEqual([0, 200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000]);
    // Then the fresh discriminator trains on the last G, drawn every 200 of its 1000 steps.
    const fits = live.frames.filter((f) => f.startsWith('D* against'));
    expect(fits.filter((f) => f.includes('the fresh D at step')).map((f) => Number(/fresh D at step (\d+)/.exec(f)![1]))).toEqual([200, 400, 600, 800]);
    expect(live.frames.indexOf(fits.find((f) => f.includes('the fresh D at step 200'))!)).toBeGreaterThan(live.frames.indexOf(titles.at(-1)!));
    // The last frames are the headless run's, and the numbers that wait for the end are in.
    const headless = await run();
    expect(titles.at(-1)).toBe(titleOf(figureTitled(headless, 'The game at G step 2000')));
    expect(fits.at(-1)).toBe(titleOf(figureTitled(headless, 'D* against')));
    const gap = live.outputs.flatMap((o) => (o.kind === 'markdown' && o.markdown.includes('the freshly trained D is within') ? [o.markdown] : []));
    expect(gap).toEqual([markdown(headless, 'the freshly trained D is within')]);
    const quarter = live.outputs.flatMap((o) => (o.kind === 'markdown' && o.markdown.includes('over the last quarter of training') ? [o.markdown] : []));
    expect(quarter).toEqual([markdown(headless, 'over the last quarter of training')]);
    expect(live.outputs.some((o) => o.kind === 'markdown' && o.markdown.includes('*Training:'))).toBe(false);
  }, 120_000);
});
