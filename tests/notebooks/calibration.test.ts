import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allMarkdown, figureTitled, notebookRunner, numberAfter, outputs, traceNamed } from './report-queries.ts';

// scikit-learn and numpy on the notebook's own data and scores (tests/notebooks/fixtures/make_calibration.py).
interface Curve { probTrue: number[]; probPred: number[] }
interface Card { brier: number; logLoss: number; accuracy: number; auc: number; ece10: number; ece30: number; curve10: Curve; curve30: Curve }
interface Small { ece10: number; brier: number; logLoss: number }
type Method = 'none' | 'Platt (sigmoid)' | 'isotonic';
interface ModelReference extends Record<Method, Card> {
  platt: { A: number; B: number };
  held50: Record<'Platt (sigmoid)' | 'isotonic', Small>;
  train1000: Record<'Platt (sigmoid)' | 'isotonic', Small>;
}
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/calibration.json'), 'utf8')) as {
  models: Record<'naive Bayes' | 'logistic regression' | 'random forest', ModelReference>;
  sklearnModels: Record<'naive Bayes' | 'logistic regression', Record<Method, { brier?: number; logLoss: number }>>
    & Record<'naive Bayes cv=5 isotonic', { brier: number; logLoss: number }>;
  constant: { baseRate: number; ece10: number; brier: number };
  logisticTrainMean: number;
};
const { models } = reference;

const run = notebookRunner('calibration');
// Every other control moved at once: one further run of the session.
const forest = {
  model: 'random forest', method: 'isotonic', bins: 30, featureSet: 'without the 10 redundant',
  calibrationRows: 50, pavaStep: 29,
};
const logistic = { model: 'logistic regression', method: 'Platt (sigmoid)', fitOn: 'the training rows' };

/** The dots of a reliability trace, as numbers. */
const dots = (trace: ReturnType<typeof traceNamed>) => ({ x: trace.x as number[], y: trace.y as number[] });
function expectCurve(actual: { x: number[]; y: number[] }, expected: Curve) {
  expect(actual.x).toHaveLength(expected.probPred.length);
  actual.x.forEach((v, i) => expect(v).toBeCloseTo(expected.probPred[i], 9));
  actual.y.forEach((v, i) => expect(v).toBeCloseTo(expected.probTrue[i], 9));
}
/** The three numbers of a table row `| name | ECE | Brier | log loss |`. */
function tableRow(text: string, name: string): number[] {
  const row = text.split('\n').find((line) => line.startsWith(`| ${name} |`));
  if (!row) throw new Error(`no row "${name}" in:\n${text}`);
  return row.split('|').slice(2, 5).map(Number);
}

describe('notebooks/calibration.md', () => {
  it('the default reliability diagram and scores of naive Bayes are scikit-learn\'s', async () => {
    const report = await run();
    const nb = models['naive Bayes'].none;
    const chart = figureTitled(report, 'Reliability diagram: naive Bayes, none, 10 bins');
    expectCurve(dots(traceNamed(chart, 'uncalibrated')), nb.curve10);
    expect(traceNamed(chart, `gaps (ECE ${nb.ece10.toFixed(3)})`)).toBeDefined();
    expect(numberAfter(report, 'uncalibrated: Brier score **')).toBeCloseTo(nb.brier, 3);
    expect(numberAfter(report, 'uncalibrated: Brier score **0.135**, log loss **')).toBeCloseTo(nb.logLoss, 3);
    expect(numberAfter(report, 'ECE **')).toBeCloseTo(nb.ece10, 3);
    expect(numberAfter(report, 'ROC AUC **')).toBeCloseTo(nb.auc, 3);
    // The table: every model and method, losses as scikit-learn scores them.
    const table = outputs(report).find((o) => o.kind === 'table') as { rows: string[][] };
    expect(table.rows).toHaveLength(9);
    for (const [name, method, ece, brier, loss, , auc] of table.rows) {
      const card = models[name as keyof typeof models][method as Method];
      expect([Number(ece), Number(brier), Number(loss), Number(auc)]).toEqual(
        [card.ece10, card.brier, card.logLoss, card.auc].map((v) => Number(v.toFixed(3))));
    }
  }, 120_000);

  it('the naive Bayes, random forest and constant-predictor claims quote the computed numbers', async () => {
    const report = await run();
    const nb = models['naive Bayes'], lr = models['logistic regression'], rf = models['random forest'];
    expect(numberAfter(report, 'Naive Bayes is the outlier: ECE **')).toBeCloseTo(nb.none.ece10, 3);
    expect(nb.none.ece10).toBeGreaterThan(3 * lr.none.ece10);
    expect(numberAfter(report, 'Platt scaling brings naive Bayes\'s log\nloss to **')).toBeCloseTo(nb['Platt (sigmoid)'].logLoss, 3);
    expect(nb['Platt (sigmoid)'].auc).toBeCloseTo(nb.none.auc, 12);
    // The forest's few certain misses carry most of its log loss.
    const added = numberAfter(report, 'cases alone add\n**');
    expect(added).toBeGreaterThan(rf.none.logLoss / 2);
    expect(added).toBeLessThan(rf.none.logLoss);
    expect(rf.none.accuracy).toBeGreaterThan(lr.none.accuracy);
    expect(numberAfter(report, 'isotonic to\n**')).toBeCloseTo(rf.isotonic.logLoss, 3);
    // The constant base-rate predictor: ECE near logistic regression's, Brier far worse.
    expect(numberAfter(report, 'Predicting **')).toBeCloseTo(reference.constant.baseRate, 3);
    expect(numberAfter(report, 'positives, 0.494: ECE\n**')).toBeCloseTo(reference.constant.ece10, 3);
    expect(numberAfter(report, 'Its Brier score,\n**')).toBeCloseTo(reference.constant.brier, 3);
    expect(reference.constant.brier).toBeGreaterThan(2 * lr.none.brier);
    // Logistic regression's mean training prediction is the training share of positives.
    expect(numberAfter(report, 'prediction **')).toBeCloseTo(reference.logisticTrainMean, 4);
    expect(numberAfter(report, 'prediction **')).toBeCloseTo(reference.constant.baseRate, 4);
  }, 120_000);

  it('moving model, method and bins redraws the diagram with scikit-learn\'s calibrated curve', async () => {
    const report = await run(forest);
    const rf = models['random forest'];
    const chart = figureTitled(report, 'Reliability diagram: random forest, isotonic, 30 bins');
    expectCurve(dots(traceNamed(chart, 'isotonic')), rf.isotonic.curve30);
    expectCurve(dots(traceNamed(chart, 'uncalibrated')), rf.none.curve30);
    expect(numberAfter(report, 'isotonic: Brier score 0.029 → **')).toBeCloseTo(rf.isotonic.brier, 3);
    expect(allMarkdown(report)).toContain(`ECE ${rf.none.ece30.toFixed(3)} → **${rf.isotonic.ece30.toFixed(3)}** with 30 bins`);
    expect(allMarkdown(report)).toContain(`log loss ${rf.none.logLoss.toFixed(3)} → **${rf.isotonic.logLoss.toFixed(3)}**`);
    // Thirty bins scatter even logistic regression's dots: its ECE grows with the bins.
    expect(models['logistic regression'].none.ece30).toBeGreaterThan(models['logistic regression'].none.ece10);
  }, 120_000);

  it('without the redundant features naive Bayes is no longer overconfident', async () => {
    const [plain, lean] = [await run(), await run(forest)];
    figureTitled(lean, 'Naive Bayes against logistic regression, without the 10 redundant');
    const extremeAll = numberAfter(plain, 'naive Bayes puts **');
    const extremeLean = numberAfter(lean, 'naive Bayes puts **');
    expect(extremeLean).toBeLessThan(extremeAll / 2);
    expect(numberAfter(lean, '(ECE **')).toBeLessThan(numberAfter(plain, '(ECE **') / 2);
  }, 120_000);

  it('Platt\'s A and B are scikit-learn\'s, and the maps are drawn for the chosen model', async () => {
    for (const [report, name] of [[await run(), 'naive Bayes'], [await run(logistic), 'logistic regression']] as const) {
      expect(numberAfter(report, '$A$ = **')).toBeCloseTo(models[name].platt.A, 3);
      expect(numberAfter(report, '$B$ = **')).toBeCloseTo(models[name].platt.B, 3);
      const maps = figureTitled(report, `Calibration maps for ${name}`);
      const iso = traceNamed(maps, 'isotonic (step function)').y as number[];
      iso.slice(1).forEach((v, i) => expect(v).toBeGreaterThanOrEqual(iso[i]));
    }
  }, 120_000);

  it('the calibrated probabilities of scikit-learn\'s own models agree with the notebook\'s', async () => {
    // scikit-learn refits naive Bayes and logistic regression and calibrates them end to end.
    for (const name of ['naive Bayes', 'logistic regression'] as const) {
      for (const method of ['Platt (sigmoid)', 'isotonic'] as const) {
        expect(reference.sklearnModels[name][method].logLoss).toBeCloseTo(models[name][method].logLoss, 4);
        expect(reference.sklearnModels[name][method].brier!).toBeCloseTo(models[name][method].brier, 4);
      }
    }
  });

  it('cross-validated calibration of naive Bayes agrees with scikit-learn\'s CalibratedClassifierCV(cv=5)', async () => {
    const report = await run();
    const cross = reference.sklearnModels['naive Bayes cv=5 isotonic'];
    expect(numberAfter(report, 'on all 2000 labelled rows: test\nlog loss **')).toBeCloseTo(cross.logLoss, 3);
    expect(numberAfter(report, 'on all 2000 labelled rows: test\nlog loss **0.413**, Brier **')).toBeCloseTo(cross.brier, 3);
  }, 120_000);

  it('fewer calibration rows hurt isotonic most, and fitting on training rows misleads it', async () => {
    const [small, leaked] = [await run(forest), await run(logistic)];
    const rf = models['random forest'].held50;
    const [plattSmall, isoSmall] = [tableRow(allMarkdown(small), 'Platt'), tableRow(allMarkdown(small), 'isotonic')];
    expect(plattSmall).toEqual([rf['Platt (sigmoid)'].ece10, rf['Platt (sigmoid)'].brier, rf['Platt (sigmoid)'].logLoss].map((v) => Number(v.toFixed(3))));
    expect(isoSmall).toEqual([rf.isotonic.ece10, rf.isotonic.brier, rf.isotonic.logLoss].map((v) => Number(v.toFixed(3))));
    expect(rf.isotonic.logLoss).toBeGreaterThan(3 * rf['Platt (sigmoid)'].logLoss);
    figureTitled(small, 'random forest calibrated on 50 held-out rows');
    const lr = models['logistic regression'].train1000;
    expect(tableRow(allMarkdown(leaked), 'isotonic')).toEqual([lr.isotonic.ece10, lr.isotonic.brier, lr.isotonic.logLoss].map((v) => Number(v.toFixed(3))));
    figureTitled(leaked, 'logistic regression calibrated on 1000 the training rows');
    // The forest memorised its training rows: isotonic fitted there is several times worse on test.
    expect(models['random forest'].train1000.isotonic.logLoss).toBeGreaterThan(3 * models['random forest'].isotonic.logLoss);
  }, 120_000);

  it('the PAVA stepper pools into rising blocks', async () => {
    const [start, end] = [await run(), await run(forest)];
    figureTitled(start, 'PAVA after 1 of 30 cases: 1 blocks');
    const chart = figureTitled(end, 'PAVA after 30 of 30 cases');
    const blocks = numberAfter(end, 'the fit now has **');
    expect(blocks).toBeGreaterThan(1);
    expect(blocks).toBeLessThan(30);
    const values = (traceNamed(chart, 'blocks (value = mean label)').y as (number | null)[]).filter((v): v is number => v !== null);
    values.slice(1).forEach((v, i) => expect(v).toBeGreaterThanOrEqual(values[i]));
  }, 120_000);

  it('the hand-written Platt scaling and PAVA agree with the library', async () => {
    for (const report of [await run(), await run(forest), await run(logistic)]) {
      expect(numberAfter(report, 'by hand against the library: **')).toBeLessThan(1e-6);
      expect(numberAfter(report, 'largest difference in a test probability **')).toBeLessThan(1e-6);
      expect(numberAfter(report, '`IsotonicRegression`\'s test probabilities: **')).toBeLessThan(1e-12);
    }
  }, 120_000);
});
