import { describe, expect, it } from 'vitest';
import { allMarkdown, control, figure, markdown, notebookRunner, numberAfter, traceNamed } from './report-queries.ts';
import reference from './fixtures/imbalanced-data.json' with { type: 'json' };

const run = notebookRunner('imbalanced-data');
// The other controls, set as `stepwise run --set` does: a rarer minority, SMOTE with 3 neighbours,
// its 11th synthetic point, the 'balanced' weight of that data (25) and a lower threshold.
const rare = { minorityPercent: 2, method: 'SMOTE', kNeighbors: 3, which: 10, minorityWeight: 25, threshold: 0.3 };

/** The percentages of a Markdown table row that starts with `| name |`. */
function rowPercents(text: string, name: string): number[] {
  const row = text.split('\n').find((line) => line.startsWith(`| ${name} |`));
  if (!row) throw new Error(`no table row "${name}" in:\n${text}`);
  return [...row.matchAll(/(-?[\d.]+) %/g)].map((m) => Number(m[1]) / 100);
}

describe('notebooks/imbalanced-data.md', () => {
  it('the accuracy paradox: its numbers are scikit-learn\'s, at 5 % and at 2 % minority', async () => {
    for (const [report, ref] of [[await run(), reference['5']], [await run(rare), reference['2']]] as const) {
      const table = markdown(report, '| on the test set | accuracy |');
      const [accuracy, precision, recall, f1] = rowPercents(table, 'logistic regression');
      expect(accuracy).toBeCloseTo(ref.plain.accuracy, 3);
      expect(precision).toBeCloseTo(ref.plain.precision, 3);
      expect(recall).toBeCloseTo(ref.plain.recall, 3);
      expect(f1).toBeCloseTo(ref.plain.f1, 3);
      expect(numberAfter(report, 'Always "majority" scores') / 100).toBeCloseTo(ref.alwaysMajority.accuracy, 3);
    }
    // The Check-yourself answer quotes 95 % and 98 %, and "a point or two" of accuracy more at 5 %.
    expect(numberAfter(await run(rare), 'Always "majority" scores')).toBe(98);
    const gain = numberAfter(await run(), 'only');
    expect(gain).toBeGreaterThan(0);
    expect(gain).toBeLessThan(2.5);
  }, 120_000);

  it('every resampling raises recall and lowers precision; the figure follows the method select', async () => {
    const report = await run();
    const table = markdown(report, '| trained on |');
    const [, nonePrecision, noneRecall] = rowPercents(table, 'none');
    for (const method of ['random oversampling', 'random undersampling', 'SMOTE']) {
      const [, precision, recall] = rowPercents(table, method);
      expect(recall).toBeGreaterThan(noneRecall + 0.3);
      expect(precision).toBeLessThan(nonePrecision);
    }
    expect(table).toContain('| random undersampling | 30 / 30 |');
    expect(figure(report, 'Trained on: none (570 / 30 rows)').data.some((t) => String(t.name ?? '').startsWith('synthetic'))).toBe(false);

    const smote = figure(await run(rare), 'Trained on: SMOTE (588 / 588 rows)');
    // One segment per synthetic point: two ends and a gap.
    expect(traceNamed(smote, 'segments between neighbours').x).toHaveLength(3 * 576);
    expect(traceNamed(smote, 'synthetic (576)').x).toHaveLength(576);
  }, 120_000);

  it('the hand-written SMOTE draws the library\'s points, and the stepper walks them', async () => {
    for (const report of [await run(), await run(rare)]) {
      expect(numberAfter(report, 'against `SMOTE.syntheticPairs`:')).toBe(0);
      expect(numberAfter(report, 'point difference')).toBe(0);
      expect(allMarkdown(report)).toContain('equal `confusionMatrix`: **yes**');
      expect(numberAfter(report, 'precision, recall, F1:')).toBeLessThan(1e-12);
    }
    const rareRun = await run(rare);
    expect((control(rareRun, 'which').control as { count: number }).count).toBe(576);
    const step = figure(rareRun, 'SMOTE step 10 of 575');
    // The drawn point's k = 3 neighbours as spokes, and the new point on the drawn one.
    expect(traceNamed(step, 'its 3 nearest minority neighbours').x).toHaveLength(9);
    expect(traceNamed(step, 'synthetic so far (10)').x).toHaveLength(10);
    const [x0, x1] = [traceNamed(step, 'the segment drawn').x as number[], traceNamed(step, 'the segment drawn').y as number[]];
    const [px, py] = [(traceNamed(step, 'new point').x as number[])[0], (traceNamed(step, 'new point').y as number[])[0]];
    const u = Number(/u = ([\d.]+)/.exec(String((step.layout.title as { text: string }).text))![1]);
    expect(px).toBeCloseTo(x0[0] + u * (x0[1] - x0[0]), 1);
    expect(py).toBeCloseTo(x1[0] + u * (x1[1] - x1[0]), 1);
    // A larger k makes longer segments on average.
    for (const report of [await run(), rareRun]) expect(numberAfter(report, 'with k = 1:')).toBeLessThan(numberAfter(report, 'with k = 8:'));
  }, 120_000);

  it('class weights: \'balanced\' is scikit-learn\'s, a weight equals copies, and the slider picks the model', async () => {
    const report = await run();
    expect(numberAfter(report, "'balanced' gives the majority")).toBeCloseTo(reference['5'].classWeight[0], 3);
    expect(numberAfter(report, 'and the minority')).toBeCloseTo(reference['5'].classWeight[1], 3);
    expect(numberAfter(report, "two fitted models' weights:")).toBeLessThan(1e-8);
    const sweep = figure(report, 'Test scores against the minority weight');
    const recall = traceNamed(sweep, 'recall').y as number[];
    expect(recall).toHaveLength(40);
    expect(recall[39]).toBeGreaterThan(recall[0]);
    expect(figure(report, 'Logistic regression, minority weight 1')).toBeDefined();

    const rareRun = await run(rare);
    figure(rareRun, 'Logistic regression, minority weight 25');
    // The slider's weight is ringed on the sweep, at that weight's recall.
    const ring = traceNamed(figure(rareRun, 'Test scores against the minority weight'), 'weight 25');
    expect(ring.x).toEqual([25, 25]);
    expect((ring.y as number[])[0]).toBeCloseTo((traceNamed(figure(rareRun, 'Test scores against the minority weight'), 'recall').y as number[])[24], 12);
  }, 120_000);

  it('the threshold: the F1-best cut on validation, ROC AUC and AP are scikit-learn\'s; the marker follows the slider', async () => {
    for (const [report, ref] of [[await run(), reference['5']], [await run(rare), reference['2']]] as const) {
      expect(numberAfter(report, 'Cutting the unweighted model at')).toBeCloseTo(ref.bestThreshold, 3);
      expect(numberAfter(report, 'gives test F1') / 100).toBeCloseTo(ref.bestTestF1, 3);
      expect(numberAfter(report, 'ROC AUC')).toBeCloseTo(ref.rocAuc, 3);
      expect(numberAfter(report, 'average precision')).toBeCloseTo(ref.averagePrecision, 3);
      const [precision, recall, f1] = rowPercents(markdown(report, '| on the test set | threshold |'), "classWeight 'balanced'").slice(0, 3);
      expect(precision).toBeCloseTo(ref.balanced.precision, 3);
      expect(recall).toBeCloseTo(ref.balanced.recall, 3);
      expect(f1).toBeCloseTo(ref.balanced.f1, 3);
    }
    // The Check-yourself claim: a rarer minority barely moves ROC AUC but lowers AP.
    expect(reference['2'].averagePrecision).toBeLessThan(reference['5'].averagePrecision - 0.1);
    expect(Math.abs(reference['2'].rocAuc - reference['5'].rocAuc)).toBeLessThan(0.03);

    const low = figure(await run(rare), 'Precision–recall curve (validation), threshold 0.30');
    const high = figure(await run(), 'Precision–recall curve (validation), threshold 0.50');
    // Lowering the threshold moves the marker to higher recall.
    expect((traceNamed(low, 'threshold 0.30').x as number[])[0]).toBeGreaterThan(0);
    expect(traceNamed(high, 'threshold 0.50').x).toHaveLength(1);
  }, 120_000);

  it('gradient boosting with \'balanced\' finds more of the minority', async () => {
    const report = await run();
    expect(numberAfter(report, 'without weights,')).toBeGreaterThan(numberAfter(report, 'Gradient boosting: recall'));
  }, 120_000);
});
