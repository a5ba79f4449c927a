import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import { boldNumbers, figure, markdown, notebookRunner, outputs } from './report-queries.ts';

const run = notebookRunner('loss-functions');
const fixtures = join(import.meta.dirname, 'fixtures');
/** The notebook's default data, and scikit-learn / scipy fits of it (make_loss_functions.py). */
const data = JSON.parse(readFileSync(join(fixtures, 'loss-functions-data.json'), 'utf8')) as { x: number[]; y: number[] };
const sklearn = JSON.parse(readFileSync(join(fixtures, 'loss-functions.json'), 'utf8')) as {
  mse: number[]; mae: number[]; huberDelta1: number[]; huberRegressor: { epsilon: number; line: number[]; scale: number };
};

const fitFigure = (r: RunReport) => figure(r, 'MSE, MAE and Huber fits');
function trace(fig: Figure, prefix: string): Trace {
  const found = fig.data.filter((t) => String(t.name).startsWith(prefix));
  expect(found, `a trace named "${prefix}…"`).toHaveLength(1);
  return found[0];
}
/** [slope, intercept] of a fitted line drawn over x ∈ [0, 10]. */
function lineOf(fig: Figure, prefix: string): number[] {
  const y = trace(fig, prefix).y as number[];
  return [(y[1] - y[0]) / 10, y[0]];
}
const markerSizes = (r: RunReport) => (trace(fitFigure(r), 'data').marker as { size: number[] }).size;

describe('notebooks/loss-functions.md', () => {
  it('the MSE, MAE and Huber (δ = 1) lines are scikit-learn\'s and scipy\'s fits of the same data, and the prose quotes their slopes', async () => {
    const report = await run();
    const fig = fitFigure(report);
    expect(trace(fig, 'data').x).toEqual(data.x);
    expect(trace(fig, 'data').y).toEqual(data.y);
    const fits = { MSE: lineOf(fig, 'MSE'), MAE: lineOf(fig, 'MAE'), Huber: lineOf(fig, 'Huber (δ = 1)') };
    fits.MSE.forEach((v, j) => expect(v).toBeCloseTo(sklearn.mse[j], 10));
    fits.MAE.forEach((v, j) => expect(v).toBeCloseTo(sklearn.mae[j], 5));
    fits.Huber.forEach((v, j) => expect(v).toBeCloseTo(sklearn.huberDelta1[j], 8));
    const [mse, mae, huber] = boldNumbers(markdown(report, 'Slopes: MSE'));
    expect([mse, mae, huber]).toEqual([fits.MSE[0], fits.MAE[0], fits.Huber[0]].map((s) => Number(s.toFixed(3))));
    // The outliers drag the MSE slope from about 0.8 to below 0.4; MAE and Huber stay near 0.8.
    expect(mse).toBeLessThan(0.4);
    expect(Math.abs(mae - 0.8)).toBeLessThan(0.05);
  }, 120_000);

  it('the outliers are an input on the fit chart: without them the three fits agree, pulled further only MSE follows', async () => {
    const report = await run();
    expect(fitFigure(report).inputs).toEqual([expect.objectContaining({ name: 'outliers', kind: 'points' })]);
    const none = fitFigure(await run({ outliers: [] }));
    expect(trace(none, 'data').x as number[]).toHaveLength(40);
    expect(Math.abs(lineOf(none, 'MSE')[0] - lineOf(none, 'Huber')[0])).toBeLessThan(0.05);
    const far = fitFigure(await run({ outliers: [[7, -8], [8, -8], [9, -8], [9.5, -8]] }));
    const near = fitFigure(report);
    expect(lineOf(far, 'MSE')[0]).toBeLessThan(lineOf(near, 'MSE')[0] - 0.05);
    expect(Math.abs(lineOf(far, 'MAE')[0] - lineOf(near, 'MAE')[0])).toBeLessThan(0.02);
  }, 120_000);

  it('δ moves Huber between MAE (small δ) and MSE (large δ), and the Huber curves follow the slider', async () => {
    const [nearMAE, nearMSE] = boldNumbers(markdown(await run(), 'Huber at $\\delta'));
    expect(nearMAE).toBeLessThan(0.05);
    expect(nearMSE).toBeLessThan(1e-9);
    const large = await run({ logDelta: 1.5 });
    lineOf(fitFigure(large), 'Huber').forEach((v, j) => expect(v).toBeCloseTo(lineOf(fitFigure(large), 'MSE')[j], 9));
    const small = await run({ logDelta: -1.5 });
    expect(Math.abs(lineOf(fitFigure(small), 'Huber')[0] - lineOf(fitFigure(small), 'MAE')[0])).toBeLessThan(0.05);
    const curves = outputs(small).flatMap((o) => (o.kind === 'figure' && o.figure.data.some((t) => t.name === 'Huber, δ = 0.0316') ? [o.figure] : []));
    expect(curves).toHaveLength(1);
    const gradient = curves[0].data.filter((t) => t.name === 'Huber, δ = 0.0316')[1].y as number[];
    expect(Math.max(...gradient)).toBeCloseTo(0.0316, 6); // r clipped to [−δ, δ]
  }, 120_000);

  it('the IRLS stepper starts at least squares with every weight 1 and shrinks the outliers round by round', async () => {
    const start = await run({ round: 0 });
    lineOf(fitFigure(start), 'Huber').forEach((v, j) => expect(v).toBeCloseTo(sklearn.mse[j], 10));
    expect(new Set(markerSizes(start))).toEqual(new Set([12]));
    const end = markerSizes(await run());
    for (const size of end.slice(40)) expect(size).toBeLessThan(5); // the four outliers: weight below 1/8
    expect(end.slice(0, 40).filter((s) => s === 12).length).toBeGreaterThan(30);
  }, 120_000);

  it('log loss and hinge at the margin are the formulas, and past m = 1 only hinge is exactly zero', async () => {
    const at = async (margin: number) => boldNumbers(markdown(await run({ margin }), 'log loss **'));
    const [logLoss, logGradient, hinge, hingeGradient] = await at(0.5);
    expect(logLoss).toBeCloseTo(Math.log1p(Math.exp(-0.5)), 4);
    expect(logGradient).toBeCloseTo(-1 / (1 + Math.exp(0.5)), 4);
    expect([hinge, hingeGradient]).toEqual([0.5, -1]);
    const [farLoss, farGradient, farHinge, farHingeGradient] = await at(2);
    expect(farLoss).toBeGreaterThan(0.1);
    expect(farGradient).toBeCloseTo(-1 / (1 + Math.exp(2)), 4);
    expect([farHinge, farHingeGradient]).toEqual([0, 0]);
    // The marker on both curve panels moves to the margin.
    const panels = outputs(await run({ margin: 2 })).flatMap((o) => (o.kind === 'figure' ? o.figure.data.filter((t) => t.name === 'm = 2') : []));
    expect(panels).toHaveLength(2);
    expect(panels.map((t) => (t.y as number[])[1])).toEqual([0, 0]); // hinge and its gradient
  }, 120_000);

  it('the hand-written curves equal pointwiseLoss, and HuberRegressor lands on scikit-learn\'s fit and on IRLS at δ = ε·σ̂', async () => {
    const text = markdown(await run(), 'pointwiseLoss');
    const [curveGap, lsGap, slope, intercept, irlsGap] = boldNumbers(text);
    expect(curveGap).toBeLessThan(1e-12);
    expect(lsGap).toBeLessThan(1e-10);
    expect(slope).toBeCloseTo(sklearn.huberRegressor.line[0], 4);
    expect(intercept).toBeCloseTo(sklearn.huberRegressor.line[1], 4);
    expect(irlsGap).toBeLessThan(1e-4);
    expect(text).toContain(`\\hat\\sigma = ${sklearn.huberRegressor.scale.toFixed(4)}`);
  }, 120_000);
});
