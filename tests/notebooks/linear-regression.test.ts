import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { ControlValue } from '../../src/kernel/types.ts';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import { boldNumbers, control, figure, markdown, notebookRunner } from './report-queries.ts';

// scikit-learn's fits of the notebook's own data (tests/notebooks/fixtures/make_linear_regression.py).
interface Fit { coefficients: number[]; r2: number; rmse: number; sigmaHat: number; meanResidual: number }
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/linear-regression.json'), 'utf8')) as {
  gradientDescent: { x: number[]; y: number[]; beta: number[]; mse: number; hessianEigenvalues: number[] };
  dataSets: Record<string, { x: number[]; y: number[]; fits: Record<string, Fit> }>;
};

const run = notebookRunner('linear-regression');

function trace(fig: Figure, prefix: string): Trace {
  const found = fig.data.filter((t) => typeof t.name === 'string' && t.name.startsWith(prefix));
  expect(found, `a trace named "${prefix}…"`).toHaveLength(1);
  return found[0];
}

function expectClose(actual: readonly number[], expected: readonly number[], digits: number) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(v, `entry ${i}`).toBeCloseTo(expected[i], digits));
}

/** The numbers of the line under the residual figure: β̂, R², RMSE, σ̂ and the band's coverage. */
function fitSummary(report: RunReport) {
  const text = markdown(report, 'Points inside the');
  const beta = /\\hat\\beta = \(([^)]*)\)/.exec(text)![1].split(',').map(Number);
  const sigma = Number(/\\hat\\sigma = ([\d.]+)/.exec(text)![1]);
  const [r2, rmse, left, right] = boldNumbers(text);
  return { beta, r2, rmse, sigma, left, right };
}

/** The line a figure draws, as (intercept, slope) from its two end points. */
function lineOf(t: Trace): number[] {
  const [x0, x1] = t.x as number[];
  const [y0, y1] = t.y as number[];
  const slope = (y1 - y0) / (x1 - x0);
  return [y0 - slope * x0, slope];
}

describe('notebooks/linear-regression.md', () => {
  it('draws the same data scikit-learn was given, and its normal equation gives scikit-learn\'s line and MSE', async () => {
    const report = await run();
    const fig = figure(report, 'Gradient descent after 0 steps (η = 0.1)');
    expectClose(trace(fig, 'data').x as number[], reference.gradientDescent.x, 12);
    expectClose(trace(fig, 'data').y as number[], reference.gradientDescent.y, 12);
    expectClose(lineOf(trace(fig, 'normal equation')), reference.gradientDescent.beta, 10);
    const text = markdown(report, 'Normal equation: $\\hat\\beta_0');
    const [b0, b1, mse] = [...text.matchAll(/= (-?[\d.]+)\$/g)].map((m) => Number(m[1])).filter((_, i) => i !== 2 && i !== 3);
    expect(b0).toBeCloseTo(reference.gradientDescent.beta[0], 3);
    expect(b1).toBeCloseTo(reference.gradientDescent.beta[1], 3);
    expect(mse).toBeCloseTo(reference.gradientDescent.mse, 4);
  }, 60_000);

  it('the stepper starts from the flat line β = 0 and moves gradient descent onto the normal equation\'s line, with shrinking steps', async () => {
    const report = await run();
    expect(control(report, 'step').control).toMatchObject({ type: 'stepper', count: 61 });
    expect(control(report, 'step').value).toBe(0);
    const start = trace(figure(report, 'Gradient descent after 0 steps'), 'gradient descent, step 0');
    expect(start.y).toEqual([0, 0]);
    // Every residual is drawn, as one vertical segment per point.
    const segments = trace(figure(report, 'Gradient descent after 0 steps'), 'residuals');
    expect((segments.x as unknown[]).length).toBe(3 * reference.gradientDescent.x.length);
    const moved: number[] = [];
    for (const step of [1, 10, 60]) {
      const r = await run({ step });
      const fig = figure(r, `Gradient descent after ${step} step`);
      expect(trace(fig, `gradient descent, step ${step}`).y).not.toEqual(start.y);
      const [, gap, length] = boldNumbers(markdown(r, `Step ${step} at`));
      moved.push(length);
      if (step === 60) {
        expect(gap).toBeLessThan(1e-4);
        expectClose(lineOf(trace(fig, `gradient descent, step ${step}`)), reference.gradientDescent.beta, 4);
      }
      // The MSE curve grows with the stepper on fixed axes.
      const lossFig = figure(r, 'MSE after each step');
      expect(trace(lossFig, 'gradient descent').x as number[]).toHaveLength(step + 1);
      expect((lossFig.layout.xaxis as { range: number[] }).range).toEqual([0, 60]);
    }
    expect(moved[1]).toBeLessThan(moved[0]);
    expect(moved[2]).toBeLessThan(moved[1]);
  }, 120_000);

  it('the learning-rate limits are 1/λmax and 2/λmax of the Hessian (numpy\'s eigenvalues), and a rate above 2/λmax diverges', async () => {
    const text = markdown(await run(), 'Steps to come within');
    const [lambdaMin, lambdaMax] = reference.gradientDescent.hessianEigenvalues;
    expect(text).toContain(`\\lambda_{\\max} = ${lambdaMax.toFixed(3)}`);
    expect(text).toContain(`\\lambda_{\\min} = ${lambdaMin.toFixed(3)}`);
    const [overshoot, diverge, stepsAtEta] = boldNumbers(text);
    expect(overshoot).toBeCloseTo(1 / lambdaMax, 3);
    expect(diverge).toBeCloseTo(2 / lambdaMax, 3);
    expect(stepsAtEta).toBe(35);
    // A smaller η needs more steps; one above 2/λmax never gets there.
    expect(Number(/at \$\\eta = 0\.01\$, (\d+)/.exec(text)![1])).toBeGreaterThan(stepsAtEta);
    const fast = await run({ logEta: -0.3, step: 60 });
    expect(markdown(fast, 'Steps to come within')).toContain('never: it diverges');
    const losses = trace(figure(fast, 'MSE after each step'), 'gradient descent').y as number[];
    expect(losses.at(-1)!).toBeGreaterThan(1000 * losses[0]);
  }, 120_000);

  for (const [name, controls] of [
    ['straight line', {}],
    ['curved (non-linear)', { dataSet: 'curved (non-linear)' }],
    ['curved (non-linear)', { dataSet: 'curved (non-linear)', addSquare: true }],
    ['fanning noise (heteroscedastic)', { dataSet: 'fanning noise (heteroscedastic)' }],
    ['one outlier', { dataSet: 'one outlier' }],
    ['straight line', { fitIntercept: false }],
  ] as const) {
    it(`the residual section's fit of "${name}" with ${JSON.stringify(controls)} matches scikit-learn`, async () => {
      const report = await run(controls);
      const set = reference.dataSets[name];
      const square = 'addSquare' in controls, intercept = !('fitIntercept' in controls);
      const expected = set.fits[`square=${square ? 'True' : 'False'},intercept=${intercept ? 'True' : 'False'}`];
      const fig = figure(report, `Fit and residuals: ${name}`);
      expectClose(trace(fig, 'data').x as number[], set.x, 12);
      expectClose(trace(fig, 'data').y as number[], set.y, 12);
      const summary = fitSummary(report);
      expectClose(summary.beta, expected.coefficients, 3);
      expect(summary.r2).toBeCloseTo(expected.r2, 3);
      expect(summary.rmse).toBeCloseTo(expected.rmse, 3);
      expect(summary.sigma).toBeCloseTo(expected.sigmaHat, 3);
      expect(boldNumbers(markdown(report, 'Mean residual of this fit'))[0]).toBeCloseTo(expected.meanResidual, 3);
      // The residual panel plots y − ŷ against ŷ.
      const residuals = trace(fig, 'residual').y as number[];
      expect(residuals).toHaveLength(set.x.length);
    }, 60_000);
  }

  it('what the prose says about each data set is what the numbers show', async () => {
    const straight = fitSummary(await run());
    const curved = fitSummary(await run({ dataSet: 'curved (non-linear)' }));
    const squared = fitSummary(await run({ dataSet: 'curved (non-linear)', addSquare: true }));
    const fanning = fitSummary(await run({ dataSet: 'fanning noise (heteroscedastic)' }));
    const noIntercept = fitSummary(await run({ fitIntercept: false }));
    // Straight: the band holds about 95 % on both halves.
    expect(straight.left).toBeGreaterThanOrEqual(90);
    expect(straight.right).toBeGreaterThanOrEqual(90);
    // Curved: an x² feature lifts R² a lot.
    expect(squared.r2 - curved.r2).toBeGreaterThan(0.2);
    // Fanning: every point inside on the left, clearly fewer than 95 % on the right.
    expect(fanning.left).toBe(100);
    expect(fanning.right).toBeLessThan(90);
    // No intercept: R² drops and the residuals no longer average zero.
    expect(noIntercept.r2).toBeLessThan(straight.r2);
    expect(Math.abs(boldNumbers(markdown(await run({ fitIntercept: false }), 'Mean residual'))[0])).toBeGreaterThan(0.1);
    // The outlier line quotes scikit-learn's slopes with and without the outlier.
    const [without, withOutlier] = boldNumbers(markdown(await run(), 'Slope without the outlier'));
    expect(without).toBeCloseTo(reference.dataSets['straight line'].fits['square=False,intercept=True'].coefficients[1], 3);
    expect(withOutlier).toBeCloseTo(reference.dataSets['one outlier'].fits['square=False,intercept=True'].coefficients[1], 3);
  }, 120_000);

  it('the residual figure redraws when the data set or a feature changes', async () => {
    const residualsOf = async (controls: Record<string, string | boolean>) =>
      trace(figure(await run(controls), 'Fit and residuals'), 'residual').y as number[];
    const straight = await residualsOf({});
    expect(await residualsOf({ dataSet: 'fanning noise (heteroscedastic)' })).not.toEqual(straight);
    expect(await residualsOf({ fitIntercept: false })).not.toEqual(straight);
    expect(await residualsOf({ dataSet: 'curved (non-linear)', addSquare: true })).not.toEqual(await residualsOf({ dataSet: 'curved (non-linear)' }));
  }, 120_000);

  it('the hand-written normal equation and gradient descent agree with LinearRegression and r2Score', async () => {
    const settings: Record<string, ControlValue>[] = [{}, { dataSet: 'curved (non-linear)', addSquare: true }, { fitIntercept: false }];
    for (const controls of settings) {
      const gaps = boldNumbers(markdown(await run(controls), 'Largest difference in $\\beta$'));
      expect(gaps).toHaveLength(4);
      for (const gap of gaps) expect(gap).toBeLessThan(1e-10);
    }
  }, 120_000);
});
