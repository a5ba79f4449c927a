import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { ControlValue } from '../../src/kernel/types.ts';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import { boldNumbers, control, figure, markdown, notebookRunner, outputs } from './report-queries.ts';

const run = notebookRunner('naive-bayes');

// scikit-learn and scipy on the notebook's own data (tests/notebooks/fixtures/make_naive_bayes.py).
interface Scores { accuracy: number; logLoss: number; brier: number; extreme: number; probTrue: number[]; probPred: number[] }
interface NaiveBayesFixture {
  plane: Record<string, { accuracy: number; best: number; theta: number[][]; var: number[][] }>;
  calibration: Record<string, Record<'naive Bayes' | 'logistic regression', Scores>>;
  spam: Record<string, { pSpam: number[]; accuracy: number; bernoulli: number }> & { vocabulary: string[] };
  curves: { size: number; nb: number; lr: number }[];
}
const sklearn = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/naive-bayes.json'), 'utf8')) as NaiveBayesFixture;

/** A share as the notebook prints it, a percentage with one decimal; compared with the rounding's slack. */
function expectPercent(printed: number, share: number): void {
  expect(Math.abs(printed - 100 * share)).toBeLessThanOrEqual(0.05 + 1e-9);
}

function trace(fig: Figure, name: string): Trace {
  const found = fig.data.find((t) => t.name === name);
  expect(found, `a trace named "${name}" in ${fig.data.map((t) => t.name).join(', ')}`).toBeDefined();
  return found!;
}

/** The figure with a subplot titled `text` (subplot titles are annotations). */
function figureWithPanel(report: RunReport, text: string): Figure {
  const found = outputs(report).flatMap((o) => (o.kind === 'figure'
    && ((o.figure.layout.annotations as { text: string }[] | undefined) ?? []).some((a) => a.text === text) ? [o.figure] : []));
  expect(found, `a figure with a panel titled "${text}"`).toHaveLength(1);
  return found[0];
}

/** The points of a boundary drawn as a mark: its layout shape's path, "Mx,yLx,y…". */
function pathPoints(fig: Figure, name: string): number[][] {
  const shape = ((fig.layout.shapes as { name?: string; path?: string }[] | undefined) ?? []).find((s) => s.name === name);
  expect(shape?.path, `a path shape named "${name}"`).toBeDefined();
  return [...shape!.path!.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** P(class 1) on the grid of the first figure, flattened. */
function posteriorGrid(report: RunReport, title: string): number[] {
  return ((figure(report, title).data.find((t) => t.type === 'heatmap')!.z) as number[][]).flat();
}

describe('notebooks/naive-bayes.md', () => {
  it('Gaussian naive Bayes and the best possible boundary score what scikit-learn and scipy score, for each data set and prior', async () => {
    for (const [world, prior1] of [['same spread', 0.5], ['different spreads', 0.2], ['correlated features', 0.5]] as const) {
      const report = await run(world === 'same spread' ? {} : { world, prior1 });
      const expected = sklearn.plane[`${world}/${prior1}`];
      const [naive, best] = boldNumbers(markdown(report, 'On 2000 fresh test points'));
      expectPercent(naive, expected.accuracy);
      expectPercent(best, expected.best);
      expect(figure(report, `Gaussian naive Bayes: ${world}, prior P(class 1) = ${prior1}`)).toBeDefined();
    }
    // Correlated features: the independence assumption costs accuracy the best boundary keeps.
    const correlated = sklearn.plane['correlated features/0.5'];
    expect(correlated.best - correlated.accuracy).toBeGreaterThan(0.1);
  }, 240_000);

  it('the ellipses are the fitted per-class Gaussians (axis-aligned, scikit-learn\'s theta and var), and the prior moves the boundaries over a fixed shading', async () => {
    const [even, rare] = [await run(), await run({ prior1: 0.2 })];
    const fig = figure(even, 'Gaussian naive Bayes: same spread');
    const expected = sklearn.plane['same spread/0.5'];
    for (const c of [0, 1]) {
      const ellipse = trace(fig, `class ${c}: 2σ`);
      const xs = ellipse.x as number[], ys = ellipse.y as number[];
      const halfWidth = (Math.max(...xs) - Math.min(...xs)) / 4, halfHeight = (Math.max(...ys) - Math.min(...ys)) / 4;
      expect(halfWidth).toBeCloseTo(Math.sqrt(expected.var[c][0]), 6);
      expect(halfHeight).toBeCloseTo(Math.sqrt(expected.var[c][1]), 6);
      expect((Math.max(...xs) + Math.min(...xs)) / 2).toBeCloseTo(expected.theta[c][0], 9);
    }
    // The shading is the evidence, P(class 1 | x) at equal priors: the prior leaves it as it is.
    const [pEven, pRare] = [posteriorGrid(even, 'Gaussian naive Bayes'), posteriorGrid(rare, 'Gaussian naive Bayes')];
    expect(pRare).toEqual(pEven);
    // Each boundary mark runs where its log-odds, the prior's plus the evidence's, are 0.
    const logNormal = (v: number, mean: number, variance: number) => -0.5 * Math.log(2 * Math.PI * variance) - (v - mean) ** 2 / (2 * variance);
    const evidence = (x: number[]) => [0, 1].reduce((s, j) => s + logNormal(x[j], expected.theta[1][j], expected.var[1][j]) - logNormal(x[j], expected.theta[0][j], expected.var[0][j]), 0);
    // The notebook's 'same spread' world: means (−1, −0.5) and (1.2, 0.8), standard deviations 1 and 0.8, no correlation.
    const trueEvidence = ([a, b]: number[]) => logNormal(a, 1.2, 1) + logNormal(b, 0.8, 0.64) - logNormal(a, -1, 1) - logNormal(b, -0.5, 0.64);
    for (const [report, prior1] of [[even, 0.5], [rare, 0.2]] as const) {
      const plane = figure(report, 'Gaussian naive Bayes: same spread');
      const priorLogOdds = Math.log(prior1 / (1 - prior1));
      const naive = pathPoints(plane, 'naive Bayes boundary'), best = pathPoints(plane, 'best possible boundary');
      expect(naive.length).toBeGreaterThan(20);
      expect(best.length).toBeGreaterThan(20);
      for (const x of naive) expect(Math.abs(priorLogOdds + evidence(x))).toBeLessThan(0.02);
      for (const x of best) expect(Math.abs(priorLogOdds + trueEvidence(x))).toBeLessThan(0.02);
    }
    // At P(class 1) = 0.2 the boundary runs where the evidence favours class 1 four to one.
    const rareBoundary = pathPoints(figure(rare, 'Gaussian naive Bayes'), 'naive Bayes boundary');
    expect(rareBoundary.every((x) => Math.abs(evidence(x) - Math.log(4)) < 0.02)).toBe(true);
  }, 180_000);

  it('copies of x₁ make naive Bayes overconfident while logistic regression does not change: numbers and reliability curves as scikit-learn\'s', async () => {
    const logLosses: number[] = [];
    for (const copies of [0, 3, 10]) {
      const report = await run(copies === 0 ? {} : { copies });
      const expected = sklearn.calibration[String(copies)];
      const [nbAccuracy, nbLogLoss, lrAccuracy, lrLogLoss, extreme] = boldNumbers(markdown(report, 'Test points naive Bayes gives'));
      expectPercent(nbAccuracy, expected['naive Bayes'].accuracy);
      expect(nbLogLoss).toBeCloseTo(expected['naive Bayes'].logLoss, 3);
      expectPercent(lrAccuracy, expected['logistic regression'].accuracy);
      expect(lrLogLoss).toBeCloseTo(expected['logistic regression'].logLoss, 2);
      expect(extreme).toBe(expected['naive Bayes'].extreme);
      const diagram = figureWithPanel(report, `Reliability, ${copies} copies of x₁`);
      const curve = trace(diagram, 'naive Bayes');
      (curve.x as number[]).forEach((v, i) => expect(v).toBeCloseTo(expected['naive Bayes'].probPred[i], 9));
      (curve.y as number[]).forEach((v, i) => expect(v).toBeCloseTo(expected['naive Bayes'].probTrue[i], 9));
      expect(diagram.data.some((t) => t.name === 'naive Bayes + isotonic')).toBe(true);
      logLosses.push(nbLogLoss);
    }
    expect(logLosses[2]).toBeGreaterThan(3 * logLosses[0]);
  }, 240_000);

  it('the spam filter\'s P(spam) and held-out accuracy equal MultinomialNB\'s and BernoulliNB\'s on the same split, for each α', async () => {
    const plain = await run();
    const choices = (control(plain, 'message').control as { options: string[] }).options;
    for (const [alpha, chosen] of [[1, 1], [0.1, 4], [0, 1]] as const) {
      const report = await run(alpha === 1 ? {} : { alpha, message: choices[chosen] });
      const expected = sklearn.spam[String(alpha)];
      const text = markdown(report, 'held-out messages are classified correctly');
      const [pSpam, correct, accuracy, bernoulli] = boldNumbers(text);
      expect(pSpam).toBeCloseTo(expected.pSpam[chosen], 3);
      expect(correct).toBe(Math.round(expected.accuracy * choices.length));
      expectPercent(accuracy, expected.accuracy);
      expectPercent(bernoulli, expected.bernoulli);
      expect(figure(report, `Log-odds of spam, term by term (α = ${alpha}): P(spam) = ${expected.pSpam[chosen].toFixed(3)}`)).toBeDefined();
    }
  }, 240_000);

  it('with α = 0 a word seen in only one class moves the log-odds by more than 20', async () => {
    const report = await run({ alpha: 0 });
    const fig = figure(report, 'Log-odds of spam, term by term (α = 0)');
    const contributions = (fig.data[0].x as number[]).slice(1);
    expect(Math.max(...contributions.map(Math.abs))).toBeGreaterThan(20);
    const smoothed = figure(await run(), 'Log-odds of spam, term by term (α = 1)');
    expect(Math.max(...(smoothed.data[0].x as number[]).map(Math.abs))).toBeLessThan(5);
  }, 120_000);

  it('samples from the fitted model lose the correlation, and the learning curves match scikit-learn\'s', async () => {
    const report = await run();
    const [real, sampled] = boldNumbers(markdown(report, 'Correlation of $x_1$ and $x_2$ within class 0'));
    expect(real).toBeGreaterThan(0.7);
    expect(Math.abs(sampled)).toBeLessThan(0.2);
    const fig = figure(report, 'Test accuracy against training-set size');
    const nb = trace(fig, 'naive Bayes (generative)').y as number[];
    const lr = trace(fig, 'logistic regression (discriminative)').y as number[];
    sklearn.curves.forEach((c, i) => {
      expect(nb[i]).toBeCloseTo(c.nb, 9);
      expect(Math.abs(lr[i] - c.lr)).toBeLessThan(0.002);
    });
    const [nb64, lr64, nb512, lr512, gap] = boldNumbers(markdown(report, 'Eight times the data'));
    expectPercent(nb512, sklearn.curves[7].nb);
    expect(lr512 - nb512).toBeGreaterThan(5);
    expect(gap).toBeCloseTo(lr512 - nb512, 0);
    expect(Math.abs(nb512 - nb64)).toBeLessThan(2);
    expect(lr64).toBeGreaterThan(nb64);
  }, 120_000);

  it('the hand-written Gaussian log-posterior and multinomial model agree with GaussianNB and MultinomialNB', async () => {
    for (const controls of [{}, { world: 'different spreads', prior1: 0.3, alpha: 0.01 }, { world: 'correlated features', alpha: 0 }] as Record<string, ControlValue>[]) {
      const report = await run(controls);
      const gaps = boldNumbers(markdown(report, 'largest difference in the means and variances'));
      expect(gaps).toHaveLength(4);
      for (const gap of gaps) expect(gap).toBeLessThan(1e-9);
    }
  }, 240_000);
});
