import { describe, expect, it } from 'vitest';
import { mcnemarTest, tConfidenceInterval } from '../../src/ml/index.ts';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import stats from '../ml/fixtures/stats.json' with { type: 'json' };
import { allMarkdown, boldNumbers, figureTitled, markdown, notebookRunner, numberAfter, traceNamed } from './report-queries.ts';

const run = notebookRunner('ab-testing');
// One run with every section's controls moved, beside the default run.
const moved = { folds: 20, level: 0.99, testSize: 2000, liftPercent: 10, looks: 20, bonferroni: true, checkpoint: 9, bugErrorRate: 0.055 };

const ys = (trace: Trace) => trace.y as number[];
/** The mean and interval a diamond with asymmetric error bars shows. */
function shownInterval(trace: Trace): { mean: number; low: number; high: number } {
  const mean = ys(trace)[0];
  const bars = trace.error_y as { array: number[]; arrayminus: number[] };
  return { mean, low: mean - bars.arrayminus[0], high: mean + bars.array[0] };
}
function foldFigure(report: Awaited<ReturnType<typeof run>>): Figure {
  return figureTitled(report, 'Fold scores');
}

describe('notebooks/ab-testing.md', () => {
  it('each model\'s and the paired difference\'s fold intervals are tConfidenceInterval\'s, and pairing narrows the interval', async () => {
    for (const [controls, k, level] of [[{}, 10, 0.95], [moved, 20, 0.99]] as const) {
      const report = await run(controls);
      const fig = foldFigure(report);
      const widths = ['logistic regression', 'decision tree (depth 4)', 'difference'].map((name) => {
        const points = ys(traceNamed(fig, name === 'difference' ? 'difference per fold' : `${name}: folds`));
        expect(points).toHaveLength(k);
        const shown = shownInterval(traceNamed(fig, `${name}: mean and interval`));
        const reference = tConfidenceInterval(points, { confidenceLevel: level });
        expect(shown.mean).toBeCloseTo(reference.mean, 12);
        expect(shown.low).toBeCloseTo(reference.low, 12);
        expect(shown.high).toBeCloseTo(reference.high, 12);
        return reference.high - reference.low;
      });
      expect(widths[2]).toBeLessThan(Math.min(widths[0], widths[1]));
      const [meanA, meanB, gap] = boldNumbers(markdown(report, 'Paired by fold'));
      expect(gap).toBeCloseTo(meanB - meanA, 2);
    }
  }, 120_000);

  it("McNemar's p-value is mcnemarTest's on the table drawn, falls as the test set grows, and stays below the unpaired test's", async () => {
    const pValues = [];
    for (const [controls, n] of [[{}, 300], [moved, 2000]] as const) {
      const report = await run(controls);
      const fig = figureTitled(report, `McNemar on n = ${n} test rows`);
      const table = fig.data.find((t) => t.type === 'heatmap')!.z as number[][];
      expect(table.flat().reduce((a, v) => a + v, 0)).toBe(n);
      const reference = mcnemarTest(table);
      expect(fig.layout.title).toMatchObject({ text: `McNemar on n = ${n} test rows: b = ${reference.b}, c = ${reference.c}` });
      const p = numberAfter(report, "McNemar's exact p-value:");
      expect(p).toBeCloseTo(Number(reference.pValue.toPrecision(3)), 12);
      expect(numberAfter(report, 'as independent samples (a two-proportion z-test) gives p =')).toBeGreaterThan(p);
      pValues.push(reference.pValue);
    }
    expect(pValues[1]).toBeLessThan(0.01);
    expect(pValues[0]).toBeGreaterThan(0.05);
  }, 120_000);

  it('the sample size is the scipy fixture\'s, and the simulated tests detect the lift at the power chosen and find none at α', async () => {
    const [fixture10, fixture20] = [stats.power[1], stats.power[0]]; // 10 % → 11 % and 10 % → 12 %, α 0.05, power 0.8
    for (const [controls, expected] of [[{}, fixture20.sampleSize], [moved, fixture10.sampleSize]] as const) {
      const report = await run(controls);
      // The bold numbers after the (comma-grouped) sample size: detected with the lift, and without.
      const [detected, without] = boldNumbers(markdown(report, 'Simulating 2,000 such tests'));
      expect(Number(String(markdown(report, 'users per group, ').match(/\*\*([\d,]+)\*\*/)![1]).replaceAll(',', ''))).toBe(expected);
      expect(Math.abs(detected - 80)).toBeLessThan(3); // 2,000 simulated tests: ±0.9 points is one standard error
      expect(Math.abs(without - 5)).toBeLessThan(1.5);
    }
    // Halving the lift (20 % → 10 %) roughly quadruples n.
    expect(fixture10.sampleSize / fixture20.sampleSize).toBeGreaterThan(3.5);
  }, 120_000);

  it('peeking raises the false-positive rate as published; α / looks keeps it under α; the stepper shows the paths so far', async () => {
    const report = await run();
    const fig = figureTitled(report, 'Peeking at 10 looks');
    const looks = traceNamed(fig, 'stop at first p < α').x as number[];
    const peeking = ys(traceNamed(fig, 'stop at first p < α'));
    const published = new Map([[1, 0.05], [5, 0.142], [10, 0.193], [20, 0.248]]);
    for (const [k, rate] of published) expect(Math.abs(peeking[looks.indexOf(k)] - rate), `${k} looks`).toBeLessThan(0.025);
    expect(peeking.at(-1)!).toBeGreaterThan(0.25);
    for (const rate of ys(traceNamed(fig, 'each look at α / looks'))) expect(rate).toBeLessThan(0.055);
    expect(boldNumbers(markdown(report, 'declare a winner that does not exist'))[0]).toBe(Number((100 * peeking[looks.indexOf(10)]).toFixed(1)));

    const later = figureTitled(await run(moved), 'Peeking at 20 looks');
    const paths = later.data.filter((t) => t.showlegend === false);
    expect(paths).toHaveLength(40);
    for (const path of paths) expect(path.x).toHaveLength(10);
    expect(traceNamed(later, 'looks').x).toHaveLength(20);
  }, 120_000);

  it('shadow mode catches the bug before any user is served; the canary alone serves users until its guardrail fires, longer for a subtler bug', async () => {
    const served = (fig: Figure) => fig.data.filter((t) => t.name === 'requests the new model serves').map(ys);
    const stopDays = [];
    for (const [controls, rate] of [[{}, '6.5'], [moved, '5.5']] as const) {
      const report = await run(controls);
      const [withShadow, canaryOnly] = served(figureTitled(report, `Rollout of a buggy model (${rate} % errors)`));
      expect(withShadow.every((v) => v === 0)).toBe(true);
      const [shadowDay, shadowServed, canaryDay, canaryServed] = boldNumbers(markdown(report, 'With shadow mode first').replaceAll(',', ''));
      expect(shadowServed).toBe(0);
      expect(shadowDay).toBeLessThan(canaryDay);
      expect(canaryServed).toBeGreaterThan(0);
      expect(canaryOnly[0]).toBeGreaterThan(0);
      expect(canaryOnly.slice(canaryDay + 1).every((v) => v === 0)).toBe(true);
      const text = markdown(report, 'Answers made wrong by the bug');
      expect(boldNumbers(text.slice(text.indexOf('Answers made wrong'))).map((v) => v > 0)).toEqual([false, true]);
      stopDays.push(canaryDay);
    }
    // The subtler bug (5.5 % against 5 %) takes the canary longer to notice.
    expect(stopDays[1]).toBeGreaterThan(stopDays[0]);
  }, 120_000);

  it('the hand-written interval, McNemar p-value and sample size agree with the library', async () => {
    for (const controls of [{}, moved]) {
      const text = allMarkdown(await run(controls));
      expect(text).toContain('(b and c equal)');
      const [interval, pValue, size] = boldNumbers(text.slice(text.indexOf('Agrees with the library')));
      expect(interval).toBeLessThan(1e-12);
      expect(pValue).toBeLessThan(1e-12);
      expect(size).toBe(0);
    }
  }, 120_000);
});
