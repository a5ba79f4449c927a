import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import { allMarkdown, figureTitled, notebookRunner, numberAfter, traceNamed } from './report-queries.ts';

// scikit-learn, scipy and numpy on the notebook's own scores (tests/notebooks/fixtures/make_fraud_detection.py).
interface Cheapest { threshold: number; cost: number; alerts: number; caught: number; nThresholds: number }
interface ModelReference {
  ap: number; precision: number[]; recall: number[];
  cheapest: Record<'5' | '50', Cheapest>; atHalf: Record<'5' | '50', { cost: number; alerts: number }>;
  weeks?: { week: number; ap: number; cost: number; ksStatistic: number; ksPValue: number; flagNothing: number }[];
  retrained?: { week: number; ap: number; cost: number }[];
}
type ModelName = 'gradient boosting' | 'logistic regression';
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/fraud-detection.json'), 'utf8')) as {
  flagNothing: { accuracy: number; cost: number }; baseRate: number;
  models: Record<'none' | 'class weights', Record<ModelName, ModelReference>>;
  psi: Record<string, number[]>; split: Record<'by time' | 'at random', number>;
};
const { models } = reference;
const boosting = models.none['gradient boosting'];
const logistic = models.none['logistic regression'];

const run = notebookRunner('fraud-detection');
const euros = (text: string) => Number(text.replace(/[€,]/g, ''));

/** The trace of `figure` whose name starts with `start`. */
function traceStarting(figure: Figure, start: string): Trace {
  const found = figure.data.find((t) => String(t.name ?? '').startsWith(start));
  if (!found) throw new Error(`no trace named "${start}…"; names: ${figure.data.map((t) => t.name).join(', ')}`);
  return found;
}
/** The week-5 PR curves drawn for the rare-class choice, against scikit-learn's. */
function expectPrCurves(report: RunReport, imbalance: 'none' | 'class weights') {
  const pr = figureTitled(report, `Precision–recall on week 5 (rare class: ${imbalance}`);
  for (const model of ['gradient boosting', 'logistic regression'] as const) {
    const expected = models[imbalance][model];
    const curve = traceStarting(pr, `${model}: AP ${expected.ap.toFixed(3)}`);
    expect(curve.x as number[]).toHaveLength(expected.recall.length);
    (curve.x as number[]).forEach((r, k) => expect(r).toBeCloseTo(expected.recall[k], 12));
    (curve.y as number[]).forEach((p, k) => expect(p).toBeCloseTo(expected.precision[k], 12));
  }
}
/** The cost figure's cheapest point, its prose, and the cost at 0.5, against the numpy brute force. */
function expectCheapest(report: RunReport, model: ModelName, expected: Cheapest, atHalf: { cost: number; alerts: number }) {
  const figure = figureTitled(report, `Cost on week 5: ${model}`);
  const star = traceStarting(figure, 'cheapest: t = ');
  expect((star.x as number[])[0]).toBeCloseTo(expected.threshold, 12);
  expect((star.y as number[])[0]).toBeCloseTo(expected.cost, 6);
  expect(traceStarting(figure, 'cost C(t)').x as number[]).toHaveLength(expected.nThresholds - 1);
  expect(numberAfter(report, `the cheapest threshold for ${model} is\n**`)).toBeCloseTo(Number(expected.threshold.toPrecision(2)), 12);
  expect(numberAfter(report, 'It flags **')).toBe(expected.alerts);
  expect(numberAfter(report, 'catches **')).toBe(expected.caught);
  expect(euros(allMarkdown(report).split('and costs **')[1].split('**')[0])).toBe(Math.round(expected.cost));
  expect(numberAfter(report, 'default 0.5 flags **')).toBe(atHalf.alerts);
  expect((traceStarting(figure, 't = 0.5: ').y as number[])[0]).toBeCloseTo(atHalf.cost, 6);
}

describe('notebooks/fraud-detection.md', () => {
  it('shows the base rate, the flag-nothing baseline, scikit-learn\'s PR curves and the cheapest threshold', async () => {
    const report = await run();
    expect(numberAfter(report, 'base rate of **')).toBeCloseTo(100 * reference.baseRate, 1);
    expect(numberAfter(report, 'its accuracy is **')).toBeCloseTo(100 * reference.flagNothing.accuracy, 1);
    expect(reference.flagNothing.accuracy).toBeGreaterThan(0.975);
    expect(allMarkdown(report)).toContain(`€${Math.round(reference.flagNothing.cost).toLocaleString('en-US')}** of them`);
    expectPrCurves(report, 'none');
    expectCheapest(report, 'gradient boosting', boosting.cheapest['5'], boosting.atHalf['5']);
    // The cheapest threshold beats 0.5 and flagging nothing, in euros.
    expect(boosting.cheapest['5'].cost).toBeLessThan(boosting.atHalf['5'].cost);
    expect(boosting.atHalf['5'].cost).toBeLessThan(reference.flagNothing.cost);
    expect(numberAfter(report, '`thresholdCostCurve` over all\n')).toBe(boosting.cheapest['5'].nThresholds);
    expect(numberAfter(report, 'thresholds: **')).toBeLessThan(1e-9);
  }, 120_000);

  it('a random split leaks the future: its AP on weeks 6–10 is far above the time split\'s', async () => {
    const [byTime, atRandom] = [await run(), await run({ split: 'at random' })];
    expect(numberAfter(byTime, 'scores AP **')).toBeCloseTo(reference.split['at random'], 3);
    expect(numberAfter(byTime, 'past only, it scores **')).toBeCloseTo(reference.split['by time'], 3);
    figureTitled(byTime, `Split by time: gradient boosting scores AP ${reference.split['by time'].toFixed(3)}`);
    figureTitled(atRandom, `Split at random: gradient boosting scores AP ${reference.split['at random'].toFixed(3)}`);
    expect(reference.split['at random']).toBeGreaterThan(1.3 * reference.split['by time']);
  }, 120_000);

  it('dearer reviews raise the cheapest threshold; class weights shift the scores, not the cheapest cost', async () => {
    const dear = await run({ reviewCost: 50, model: 'logistic regression' });
    expectCheapest(dear, 'logistic regression', logistic.cheapest['50'], logistic.atHalf['50']);
    expect(logistic.cheapest['50'].threshold).toBeGreaterThan(logistic.cheapest['5'].threshold);
    const weighted = await run({ imbalance: 'class weights' });
    const cw = models['class weights']['gradient boosting'];
    expectPrCurves(weighted, 'class weights');
    expectCheapest(weighted, 'gradient boosting', cw.cheapest['5'], cw.atHalf['5']);
    expect(cw.atHalf['5'].alerts).toBeGreaterThan(3 * boosting.atHalf['5'].alerts);
    expect(Math.abs(cw.cheapest['5'].cost - boosting.cheapest['5'].cost)).toBeLessThan(0.2 * boosting.cheapest['5'].cost);
  }, 120_000);

  it('the monitor shows numpy\'s PSI, scipy\'s KS, AP and cost by week, and the retrained model recovering', async () => {
    const report = await run({ retrain: true, shownWeek: 4 });
    const monitor = figureTitled(report, 'Monitor, week 10: gradient boosting');
    const heat = monitor.data.find((t) => t.type === 'heatmap')!;
    const names = Object.keys(reference.psi);
    (heat.z as number[][]).forEach((row, f) => row.forEach((v, k) => expect(v).toBeCloseTo(reference.psi[names[f]][k], 9)));
    const weeks = boosting.weeks!;
    const y = (name: string) => traceNamed(monitor, name).y as number[];
    expect(y('KS D of the score (vs week 5)')).toEqual(weeks.map((w) => expect.closeTo(w.ksStatistic, 12)));
    expect(y('AP, deployed model')).toEqual(weeks.map((w) => expect.closeTo(w.ap, 12)));
    expect(y('cost, deployed model')).toEqual(weeks.map((w) => expect.closeTo(w.cost, 6)));
    expect(y('AP, retrained')).toEqual(boosting.retrained!.map((w) => expect.closeTo(w.ap, 12)));
    expect(y('cost, retrained')).toEqual(boosting.retrained!.map((w) => expect.closeTo(w.cost, 6)));
    // Stable before the drift, amount and newDevice over 0.25 in week 8; the hour and velocity stay quiet.
    names.forEach((n) => reference.psi[n].slice(0, 3).forEach((v) => expect(v).toBeLessThan(0.1)));
    expect(reference.psi.amount[3]).toBeGreaterThan(0.25);
    expect(reference.psi.newDevice[3]).toBeGreaterThan(0.25);
    [...reference.psi.hour, ...reference.psi.velocity].forEach((v) => expect(v).toBeLessThan(0.1));
    expect(numberAfter(report, 'first week over 0.25: **')).toBe(8);
    expect(numberAfter(report, 'jumps to **')).toBeCloseTo(reference.psi.newDevice[3], 2);
    expect(weeks[3].ksPValue).toBeLessThan(1e-10);
    // After the drift AP falls and cost rises; retraining on weeks 6–8 wins both back in weeks 9–10.
    const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
    expect(mean(weeks.slice(3).map((w) => w.ap))).toBeLessThan(mean(weeks.slice(1, 3).map((w) => w.ap)) - 0.1);
    expect(mean(weeks.slice(3).map((w) => w.cost))).toBeGreaterThan(mean(weeks.slice(1, 3).map((w) => w.cost)));
    expect(mean(boosting.retrained!.map((w) => w.ap))).toBeGreaterThan(mean(weeks.slice(4).map((w) => w.ap)) + 0.2);
    expect(mean(boosting.retrained!.map((w) => w.cost))).toBeLessThan(mean(weeks.slice(4).map((w) => w.cost)));
    expect(numberAfter(report, 'the model scores AP **')).toBeCloseTo(mean(boosting.retrained!.map((w) => w.ap)), 3);
    // Gradient boosting holds up better than logistic regression after the drift.
    expect(numberAfter(report, 'AP of gradient boosting is\n**')).toBeGreaterThan(numberAfter(report, 'of logistic regression **') + 0.1);
  }, 120_000);

  it('the stepper reveals the monitor week by week without refitting anything', async () => {
    const report = await run();
    const monitor = figureTitled(report, 'Monitor, week 6: gradient boosting');
    expect(traceNamed(monitor, 'AP, deployed model').x).toEqual([5, 6]);
    const z = monitor.data.find((t) => t.type === 'heatmap')!.z as (number | null)[][];
    z.forEach((row) => expect(row.slice(2)).toEqual([null, null, null, null]));
  }, 120_000);
});
