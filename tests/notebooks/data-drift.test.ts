import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import { allMarkdown, figureTitled, notebookRunner, numberAfter, traceNamed } from './report-queries.ts';

// scipy, scikit-learn and numpy on the notebook's own windows (tests/notebooks/fixtures/make_data_drift.py).
interface WindowReference {
  ksStatistic: number; ksPValue: number; chi2: number; chi2PValue: number; dof: number;
  psiAmount: number; psiChannel: number; accuracy: number; positives: number;
}
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/data-drift.json'), 'utf8')) as {
  referenceAccuracy: number;
  runs: Record<'covariate 1 500' | 'concept 1 500' | 'label 1 500' | 'none 1 500' | 'covariate 0.2 2000', WindowReference[]>;
};
const { runs } = reference;

const run = notebookRunner('data-drift');
const lastWindow = { window: 11 };
const concept = { driftKind: 'concept', window: 4 };
const label = { driftKind: 'label' };
const bigWindows = { driftSize: 0.2, windowSize: 2000 };

/** The monitor's traces as numbers. */
function monitor(report: RunReport, title: string) {
  const chart = figureTitled(report, title);
  const y = (name: string) => traceNamed(chart, name).y as number[];
  return {
    psiAmount: y('PSI of the amount'), psiChannel: y('PSI of the channel'),
    ksP: y('KS p-value (amount)'), chiP: y('χ² p-value (channel)'), accuracy: y('accuracy in the window'),
  };
}
/** Every window's statistics as scipy, numpy and scikit-learn compute them. */
function expectLikeReference(m: ReturnType<typeof monitor>, expected: WindowReference[]) {
  expected.forEach((w, t) => {
    expect(m.psiAmount[t]).toBeCloseTo(w.psiAmount, 9);
    expect(m.psiChannel[t]).toBeCloseTo(w.psiChannel, 9);
    expect(m.ksP[t]).toBeCloseTo(Math.max(w.ksPValue, 1e-12), 9);
    expect(m.chiP[t]).toBeCloseTo(Math.max(w.chi2PValue, 1e-12), 9);
    // Two logistic-regression solvers may disagree on a case right at the boundary: allow one.
    expect(Math.abs(m.accuracy[t] - w.accuracy)).toBeLessThanOrEqual(1 / 500 + 1e-12);
  });
}

describe('notebooks/data-drift.md', () => {
  it('the monitor under covariate drift shows scipy\'s KS and chi-squared p-values and numpy\'s PSI in every window', async () => {
    const [first, report] = [await run(), await run(lastWindow)];
    // The stepper starts at window 1, before any drift; the monitor does not depend on it.
    figureTitled(first, 'Window 1 against the reference (drift 0.00)');
    expect(numberAfter(first, 'Window **')).toBe(1);
    expectLikeReference(monitor(report, 'Drift monitor: covariate drift of size 1, 500 cases per window'), runs['covariate 1 500']);
    const last = runs['covariate 1 500'][11];
    expect(allMarkdown(report)).toContain(`KS $D$ = **${last.ksStatistic.toFixed(3)}**`);
    expect(numberAfter(report, 'χ² = **')).toBeCloseTo(last.chi2, 2);
    expect(numberAfter(report, 'PSI of the amount **')).toBeCloseTo(last.psiAmount, 3);
    expect(numberAfter(report, 'of the channel **')).toBeCloseTo(last.psiChannel, 3);
    expect(numberAfter(report, 'on the reference, with\n**')).toBeCloseTo(100 * last.positives, 1);
  }, 60_000);

  it('covariate drift sets off every monitor from window 4 on, yet accuracy does not fall', async () => {
    const report = await run();
    const windows = runs['covariate 1 500'];
    windows.forEach((w, t) => expect(w.ksPValue < 0.05).toBe(t >= 3));
    expect(windows[11].psiAmount).toBeGreaterThan(0.25);
    expect(windows[11].accuracy).toBeGreaterThan(reference.referenceAccuracy);
    expect(numberAfter(report, 'flags the amount in **')).toBe(9);
    expect(numberAfter(report, '(first: window **')).toBe(4);
    expect(numberAfter(report, 'accuracy is **')).toBeCloseTo(100 * windows[11].accuracy, 0);
  }, 60_000);

  it('concept drift leaves the feature monitors exactly as without drift while accuracy falls', async () => {
    const report = await run(concept);
    expectLikeReference(monitor(report, 'Drift monitor: concept drift of size 1, 500 cases per window'), runs['concept 1 500']);
    runs['concept 1 500'].forEach((w, t) => {
      const none = runs['none 1 500'][t];
      expect([w.ksStatistic, w.chi2, w.psiAmount]).toEqual([none.ksStatistic, none.chi2, none.psiAmount]);
      expect(w.psiAmount).toBeLessThan(0.1);
    });
    expect(runs['concept 1 500'][11].accuracy).toBeLessThan(reference.referenceAccuracy - 0.08);
    // Even with no drift at all, the KS test flags some windows by chance.
    expect(runs['none 1 500'].filter((w) => w.ksPValue < 0.05).length).toBeGreaterThan(0);
    // The stepper moved to window 5: the detail figure and its numbers follow.
    const detail = figureTitled(report, 'Window 5 against the reference');
    expect(traceNamed(detail, `D = ${runs['concept 1 500'][4].ksStatistic.toFixed(3)}`)).toBeDefined();
    expect(numberAfter(report, 'Window **')).toBe(5);
  }, 60_000);

  it('label drift raises the share of positives; KS notices, PSI stays below 0.1 at size 1', async () => {
    const report = await run(label);
    const windows = runs['label 1 500'];
    expectLikeReference(monitor(report, 'Drift monitor: label drift of size 1, 500 cases per window'), windows);
    // 0.2 more positives than the reference world's share at full drift, none before window 4.
    expect(windows[11].positives - windows[0].positives).toBeGreaterThan(0.15);
    expect(Math.abs(windows[0].positives - runs['none 1 500'][0].positives)).toBeLessThan(0.01);
    expect(windows.some((w) => w.ksPValue < 0.05)).toBe(true);
    windows.forEach((w) => expect(w.psiAmount).toBeLessThan(0.1));
    expect(Math.abs(windows[11].accuracy - reference.referenceAccuracy)).toBeLessThan(0.03);
  }, 60_000);

  it('with 2000 cases per window a small drift is significant but PSI calls it stable', async () => {
    const report = await run(bigWindows);
    const windows = runs['covariate 0.2 2000'];
    expectLikeReference(monitor(report, 'Drift monitor: covariate drift of size 0.2, 2000 cases per window'), windows);
    expect(windows[11].ksPValue).toBeLessThan(0.001);
    windows.forEach((w) => expect(w.psiAmount).toBeLessThan(0.1));
  }, 60_000);

  it('the hand-written KS statistic and PSI agree with the library', async () => {
    for (const report of [await run(), await run(concept), await run(bigWindows)]) {
      expect(numberAfter(report, 'hand-written KS $D$ and `ksTwoSample`:\n**')).toBeLessThan(1e-12);
      expect(numberAfter(report, 'hand-written PSI and `populationStabilityIndex`:\n**')).toBeLessThan(1e-12);
    }
  }, 60_000);
});
