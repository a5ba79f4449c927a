import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../src/kernel/types.ts';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import { boldNumbers, figure, markdown, notebookRunner, outputs, traceNamed } from './report-queries.ts';

const run = notebookRunner('ensembles');

/** scikit-learn on the notebook's own data, drawn by the Python port of rng (fixtures/make_ensembles.py). */
interface BiasVariance { bias2: number; variance: number }
interface Classification { accuracy: Record<string, number>; disagreements: number; metaCoef: number[]; leakyCoef: number[] }
const sklearn = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/ensembles.json'), 'utf8')) as {
  deepTree: BiasVariance;
  bagging: BiasVariance[];
  boosting: Record<'2/0.1' | '1/0.3', BiasVariance[]>;
  classification: Record<'all' | 'withoutLogistic', Classification>;
};

const CURVES = 'Bias² and variance against the number of trees';
const yOf = (report: RunReport, name: string) => traceNamed(figure(report, CURVES), name).y as number[];
/** Every value of a curve within tol of the reference, so one wrong point anywhere fails. */
function expectCurve(actual: number[], expected: number[], tol: number, label: string) {
  expect(actual, label).toHaveLength(expected.length);
  actual.forEach((v, m) => expect(Math.abs(v - expected[m]), `${label} at M = ${m + 1}`).toBeLessThan(tol));
}
/** The test-accuracy bars as { model → accuracy }. */
function accuracies(report: RunReport): Record<string, number> {
  const trace = figure(report, 'Test accuracy').data[0];
  return Object.fromEntries((trace.x as string[]).map((name, i) => [name, (trace.y as number[])[i]]));
}
type Table = Extract<Output, { kind: 'table' }>;
const disagreementTable = (report: RunReport) => outputs(report).find((o): o is Table => o.kind === 'table' && o.columns.includes('soft'))!;

describe('notebooks/ensembles.md', () => {
  it('measures bias² and variance of the deep tree, bagging and boosting as scikit-learn does on the same data and bags (defaults)', async () => {
    const report = await run();
    // Trees on one feature have no ties, so scikit-learn's trees are ours: the curves agree to rounding.
    expectCurve(yOf(report, 'bagging bias²'), sklearn.bagging.map((c) => c.bias2), 1e-9, 'bagging bias²');
    expectCurve(yOf(report, 'bagging variance'), sklearn.bagging.map((c) => c.variance), 1e-9, 'bagging variance');
    expectCurve(yOf(report, 'boosting bias²'), sklearn.boosting['2/0.1'].map((c) => c.bias2), 1e-9, 'boosting bias²');
    expectCurve(yOf(report, 'boosting variance'), sklearn.boosting['2/0.1'].map((c) => c.variance), 1e-9, 'boosting variance');
    expect(yOf(report, 'one deep tree variance')[0]).toBeCloseTo(sklearn.deepTree.variance, 9);

    // The stacked bars at M = 10 and the prose's numbers are the curves' values there.
    const bars = figure(report, 'Expected test error, split, at M = 10');
    expect(traceNamed(bars, 'variance').y as number[]).toEqual([sklearn.deepTree.variance, sklearn.bagging[9].variance, sklearn.boosting['2/0.1'][9].variance].map((v) => expect.closeTo(v, 9)));
    const [M, bagVar, bagPct, bagBias, boostStart, boostBias, boostVar, rho] = boldNumbers(markdown(report, "bagging's variance is"));
    expect(M).toBe(10);
    expect(bagVar).toBeCloseTo(sklearn.bagging[9].variance, 4);
    expect(bagPct).toBe(Math.round((100 * sklearn.bagging[9].variance) / sklearn.deepTree.variance));
    expect(bagBias).toBeCloseTo(sklearn.bagging[9].bias2, 4);
    expect(boostStart).toBeCloseTo(sklearn.boosting['2/0.1'][0].bias2, 4);
    expect(boostBias).toBeCloseTo(sklearn.boosting['2/0.1'][9].bias2, 4);
    expect(boostVar).toBeCloseTo(sklearn.boosting['2/0.1'][9].variance, 4);
    // ρ solved from the variance of one bagged tree and of 60: ρs² + (1 − ρ)s²/60.
    const s2 = sklearn.bagging[0].variance;
    expect(rho).toBeCloseTo((sklearn.bagging[59].variance / s2 - 1 / 60) / (1 - 1 / 60), 2);
    // The lesson itself: bagging cuts variance and keeps bias; boosting cuts bias.
    expect(sklearn.bagging[59].variance).toBeLessThan(0.6 * sklearn.deepTree.variance);
    expect(sklearn.boosting['2/0.1'][59].bias2).toBeLessThan(0.1 * sklearn.boosting['2/0.1'][0].bias2);
  });

  it('combines the classifiers as scikit-learn does: voting, stacking, the leaky stack and the meta-model weights (defaults)', async () => {
    const report = await run();
    const ref = sklearn.classification.all;
    const ours = accuracies(report);
    expect(Object.keys(ours)).toEqual(Object.keys(ref.accuracy));
    // Logistic regressions agree to the solver's tolerance; a point near the boundary could flip, so 2 of 250.
    for (const [name, accuracy] of Object.entries(ref.accuracy)) expect(Math.abs(ours[name] - accuracy), name).toBeLessThanOrEqual(2 / 250 + 1e-12);
    expect(disagreementTable(report).rows).toHaveLength(ref.disagreements);
    // A fully grown tree on two features meets tied splits, which the two libraries break
    // differently, so the fold trees (and the weight on them) differ a little: 0.1 (measured 0.06).
    const coefs = figure(report, "The meta-model's weight");
    const outOfFold = traceNamed(coefs, 'out-of-fold features').y as number[];
    const leakyCoef = traceNamed(coefs, 'in-sample features (leaky)').y as number[];
    outOfFold.forEach((c, k) => expect(Math.abs(c - ref.metaCoef[k]), `coef ${k}`).toBeLessThan(0.1));
    leakyCoef.forEach((c, k) => expect(Math.abs(c - ref.leakyCoef[k]), `leaky coef ${k}`).toBeLessThan(0.1));
    // The prose: out-of-fold the meta-model leans on kNN; leaky, on the deep tree.
    expect(outOfFold.indexOf(Math.max(...outOfFold))).toBe(2);
    expect(leakyCoef.indexOf(Math.max(...leakyCoef))).toBe(1);
    const [best, hard, soft, stack, leaky] = boldNumbers(markdown(report, 'Best single model'));
    expect([best, hard, soft, stack, leaky]).toEqual([ours['kNN (k = 15)'], ours['hard voting'], ours['soft voting'], ours.stacking, ours['stacking, leaky']].map((a) => Number((100 * a).toFixed(1))));
    const [disagree] = boldNumbers(markdown(report, 'The rules disagree on'));
    expect(disagree).toBe(ref.disagreements);
    // The hand-written stack is the library's StackingClassifier.
    expect(boldNumbers(markdown(report, "The library's `StackingClassifier`"))[0]).toBe(250);
    expect(figure(report, 'soft voting: test accuracy').data.length).toBeGreaterThan(1);
  });

  it('the controls move what they claim to: boosting depth and η, the trees stepper and the voting members', async () => {
    const report = await run({ boostDepth: 1, learningRate: 0.3, treeStep: 59, useLogistic: false, fanModel: 'boosting', regionModel: 'hard voting' });
    expectCurve(yOf(report, 'boosting bias²'), sklearn.boosting['1/0.3'].map((c) => c.bias2), 1e-9, 'boosting bias² (depth 1, η 0.3)');
    expectCurve(yOf(report, 'boosting variance'), sklearn.boosting['1/0.3'].map((c) => c.variance), 1e-9, 'boosting variance (depth 1, η 0.3)');
    const bars = figure(report, 'Expected test error, split, at M = 60');
    expect((traceNamed(bars, 'bias²').y as number[])[1]).toBeCloseTo(sklearn.bagging[59].bias2, 9);
    expect(figure(report, 'Boosting with M = 60').data).toHaveLength(32);
    const ref = sklearn.classification.withoutLogistic;
    const ours = accuracies(report);
    expect(Object.keys(ours)).toEqual(Object.keys(ref.accuracy));
    for (const [name, accuracy] of Object.entries(ref.accuracy)) expect(Math.abs(ours[name] - accuracy), name).toBeLessThanOrEqual(2 / 250 + 1e-12);
    // The prose's claim: without logistic regression hard voting gains four points, soft voting does not.
    expect(ref.accuracy['hard voting'] - sklearn.classification.all.accuracy['hard voting']).toBeCloseTo(0.04, 6);
    expect(ref.accuracy['soft voting']).toBeLessThan(sklearn.classification.all.accuracy['soft voting']);
    expect(figure(report, 'hard voting: test accuracy').data.length).toBeGreaterThan(1);
  });
});
