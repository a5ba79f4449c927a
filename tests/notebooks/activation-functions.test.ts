import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Output } from '../../src/kernel/types.ts';
import { boldNumbers, figureTitled, markdown, notebookRunner, outputs, traceNamed } from './report-queries.ts';

const run = notebookRunner('activation-functions');

/** numpy's training runs, slopes and softmax (fixtures/make_activation_functions.py). */
interface TrainingRun { losses: number[]; deadCounts: number[]; deadBiasGradients: number[] }
const numpy = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/activation-functions.json'), 'utf8')) as {
  runs: Record<string, TrainingRun>;
  saturation: { zAbs: number; depth: number; slopes: Record<string, number>; products: Record<string, number> };
  softmax: { probabilities: number[]; jacobian: number[][]; coldTemperature: number; coldLargestEntry: number };
};
const LAST = 150;

/** Four significant digits, as the notebook prints them. */
const c4 = (v: number) => Number(v.toPrecision(4));
/** A number as the notebook's fmt writes it: "1.63 × 10⁻¹⁰" or "0.1046". */
function parseFmt(text: string): number {
  const plain = text.replace('−', '-');
  const power = /^(-?[\d.]+) × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(plain);
  if (!power) return Number(plain);
  const exponent = [...power[2]].map((ch) => '-0123456789'['⁻⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(ch)]).join('');
  return Number(power[1]) * 10 ** Number(exponent);
}
/** The **bold** values of a Markdown output, as the notebook formatted them. */
const boldValues = (text: string) => [...text.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]);

function dyingPanel(report: RunReport, title: string) {
  const figure = figureTitled(report, title);
  return {
    figure,
    deadCounts: traceNamed(figure, 'dead units').y as number[],
    bars: traceNamed(figure, 'range of z over the data'),
  };
}

describe('notebooks/activation-functions.md', () => {
  it('draws g and g′ with TF.js autograd on the dashed curve for every activation, and the prose quotes the gap', async () => {
    const first = await run();
    const chart = figureTitled(first, 'ReLU: g(1) = 1, g′(1) = 1');
    const dots = traceNamed(chart, 'g′ by tf.grad (autograd)');
    expect(dots.y).toEqual((dots.x as number[]).map((z) => (z > 0 ? 1 : 0)));
    for (const name of ['GELU', 'sigmoid', 'tanh', 'softplus', 'Leaky ReLU']) {
      const report = await run({ activationName: name });
      const [gap] = boldNumbers(markdown(report, 'Autograd against the hand-written'));
      expect(gap, name).toBeLessThan(1e-6);
      const slope = traceNamed(figureTitled(report, `${name}: g(1)`), "g′(z) by hand");
      const at = (z: number) => (slope.y as number[])[(slope.x as number[]).findIndex((x) => Math.abs(x - z) < 1e-9)];
      if (name === 'sigmoid') expect(at(0)).toBe(0.25);
      if (name === 'Leaky ReLU') expect(at(-3)).toBeCloseTo(0.1, 15);
    }
    // The hand-written functions agree with src/ml's.
    const table = outputs(first).find((o): o is Extract<Output, { kind: 'table' }> => o.kind === 'table' && o.columns.includes('max |g′ − library|'))!;
    for (const row of table.rows) {
      if (typeof row[1] === 'number' && !Number.isNaN(row[1])) expect(row[1], String(row[0])).toBeLessThan(1e-12);
      expect(row[2], String(row[0])).toBeLessThan(1e-12);
    }
    const [jacobianGap, backwardGap] = boldNumbers(markdown(first, 'Softmax Jacobian: the library'));
    expect(jacobianGap).toBeLessThan(1e-6);
    expect(jacobianGap).toBeGreaterThan(0); // float32 autograd against float64: exactly 0 would mean TF.js did not run
    // The dying-ReLU network's hand-written gradient against tf.grad (gradients of size ~1, float32).
    expect(backwardGap).toBeLessThan(1e-5);
    expect(backwardGap).toBeGreaterThan(0);
  });

  it('the saturation chart and prose give numpy\'s slopes at |z| = 2 and their products through 10 layers; tanh at |z| = 3 loses 10⁴ in two layers', async () => {
    const text = markdown(await run(), 'At $|z|$ = 2');
    const [sigmoid, tanh, relu, gelu, sigmoidProduct, tanhProduct, reluProduct] = boldValues(text).map(parseFmt);
    const { slopes, products } = numpy.saturation;
    expect(sigmoid).toBe(c4(slopes.sigmoid));
    expect(tanh).toBe(c4(slopes.tanh));
    expect(relu).toBe(1);
    expect(gelu).toBe(c4(slopes.GELU));
    expect(sigmoidProduct / products.sigmoid).toBeCloseTo(1, 2);
    expect(tanhProduct / products.tanh).toBeCloseTo(1, 2);
    expect(reluProduct).toBe(1);
    expect(products.sigmoid).toBeLessThan(0.25 ** 10);
    const deep = await run({ zAbs: 3, depth: 2 });
    const chart = figureTitled(deep, 'Saturation: n = 2, |z| = 3');
    const tanhCurve = chart.data.find((t) => t.name === 'tanh' && (t.x as number[]).length === 3)!;
    expect((tanhCurve.y as number[])[2]).toBeCloseTo((1 - Math.tanh(3) ** 2) ** 2, 15);
    expect((tanhCurve.y as number[])[2]).toBeLessThan(1e-4);
  });

  it('at the defaults the network trains as in numpy (dead units per step, losses), no unit dies, and the stepper picks a step without retraining', async () => {
    const reference = numpy.runs['ReLU 0.01 0'];
    const start = await run();
    const panel = dyingPanel(start, 'ReLU, η = 0.01, b₀ = 0, step 0');
    expect(panel.deadCounts).toEqual(reference.deadCounts);
    expect(boldValues(markdown(start, 'units are dead')).map(parseFmt).slice(0, 5))
      .toEqual([0, 0, c4(reference.losses[0]), 0, c4(reference.losses[LAST])]);
    expect(markdown(start, 'units are dead')).toContain('No unit is dead at this step.');
    const end = await run({ step: LAST });
    const endPanel = dyingPanel(end, 'ReLU, η = 0.01, b₀ = 0, step 150');
    expect(endPanel.figure.layout.annotations).toContainEqual(expect.objectContaining({ text: `Fit: MSE ${c4(reference.losses[LAST])}` }));
    expect((endPanel.bars.marker as { color: string[] }).color.every((c) => c === (panel.bars.marker as { color: string[] }).color[0])).toBe(true);
  });

  it('η = 0.3 with b₀ = −1 kills all 32 ReLU units, step by step as in numpy; the dead get exactly 0 gradient and the output is a constant', async () => {
    const reference = numpy.runs['ReLU 0.3 -1'];
    const report = await run({ eta: 0.3, biasInit: -1, step: LAST });
    const panel = dyingPanel(report, 'ReLU, η = 0.3, b₀ = −1, step 150');
    expect(panel.deadCounts).toEqual(reference.deadCounts);
    expect(panel.deadCounts[0]).toBe(8);
    expect(panel.deadCounts[LAST]).toBe(32);
    const bars = panel.bars;
    const tops = (bars.base as number[]).map((b, j) => b + (bars.y as number[])[j]);
    expect(Math.max(...tops)).toBeLessThanOrEqual(1e-6);
    const text = markdown(report, 'units are dead');
    const [, dead, , , mse] = boldValues(text);
    expect(Number(dead)).toBe(32);
    expect(parseFmt(mse)).toBe(c4(reference.losses[LAST]));
    expect(text).toContain(`target's variance, ${mse}`);
    expect(text).toContain('of a dead unit at this step is **0** (a dead ReLU gets no gradient at all)');
  });

  it('η = 0.3 with b₀ = 0: ReLU units die as in numpy, Adam\'s momentum revives a few early, then the count never falls', async () => {
    const reference = numpy.runs['ReLU 0.3 0'];
    const report = await run({ eta: 0.3, biasInit: 0, step: LAST });
    const { deadCounts } = dyingPanel(report, 'ReLU, η = 0.3, b₀ = 0');
    expect(deadCounts).toEqual(reference.deadCounts);
    expect(deadCounts[20]).toBeGreaterThanOrEqual(20);
    const text = markdown(report, 'units are dead');
    const lastRevival = Number(/the last time at step \*\*(\d+)\*\*/.exec(text)![1]);
    expect(lastRevival).toBeLessThan(60);
    for (let t = lastRevival; t < LAST; t++) expect(deadCounts[t + 1]).toBeGreaterThanOrEqual(deadCounts[t]);
  });

  it('GELU at η = 0.3, b₀ = −1 keeps a gradient for units below 0 and fits; Leaky ReLU ends with every unit negative and a straight-line fit', async () => {
    const gelu = await run({ trainingActivation: 'GELU', eta: 0.3, biasInit: -1, step: LAST });
    const geluText = markdown(gelu, 'units are dead');
    const [, , , , geluMse] = boldValues(geluText).map(parseFmt);
    expect(dyingPanel(gelu, 'GELU, η = 0.3, b₀ = −1').deadCounts).toEqual(numpy.runs['GELU 0.3 -1'].deadCounts);
    expect(geluMse).toBe(c4(numpy.runs['GELU 0.3 -1'].losses[LAST]));
    expect(parseFmt(/of a dead unit at this step is \*\*([^*]+)\*\*/.exec(geluText)![1]))
      .toBe(c4(numpy.runs['GELU 0.3 -1'].deadBiasGradients[LAST]));
    expect(geluMse).toBeLessThan(0.1);
    expect(geluMse).toBeLessThan(numpy.runs['ReLU 0.3 -1'].losses[LAST] / 5);
    expect(parseFmt(/of a dead unit at this step is \*\*([^*]+)\*\*/.exec(geluText)![1])).toBeGreaterThan(1e-4);
    expect(Number(/came back to life \*\*(\d+)\*\*/.exec(geluText)![1])).toBeGreaterThan(5);

    const leaky = await run({ trainingActivation: 'Leaky ReLU (α = 0.1)', eta: 0.3, biasInit: -1, step: LAST });
    const reference = numpy.runs['Leaky ReLU (α = 0.1) 0.3 -1'];
    const [, dead, , , mse] = boldValues(markdown(leaky, 'units are dead')).map(parseFmt);
    expect(dead).toBe(32);
    expect(mse).toBe(c4(reference.losses[LAST]));
    expect(dyingPanel(leaky, 'Leaky ReLU (α = 0.1)').deadCounts).toEqual(reference.deadCounts);
    // All units on their negative side: the output is α·(linear in x), a straight line.
    const fit = traceNamed(figureTitled(leaky, 'Leaky ReLU (α = 0.1), η = 0.3'), 'network').y as number[];
    const slopes = fit.slice(1).map((v, i) => v - fit[i]);
    expect(Math.max(...slopes) - Math.min(...slopes)).toBeLessThan(1e-5);
  });

  it('softmax shows numpy\'s probabilities and Jacobian; shifting every logit changes nothing; T = 0.1 makes the Jacobian fade', async () => {
    const report = await run();
    const text = markdown(report, 'Probabilities **');
    expect(boldValues(text)[0]).toBe(numpy.softmax.probabilities.map((p) => p.toFixed(3)).join(', '));
    const jacobian = figureTitled(report, 'Softmax of 4 logits at T = 1').data.find((t) => t.type === 'heatmap')!.z as number[][];
    jacobian.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(numpy.softmax.jacobian[i][j], 14)));
    const shifted = markdown(await run({ shift: 50 }), 'Probabilities **');
    expect(boldNumbers(shifted)[0]).toBeLessThan(1e-15);
    const cold = markdown(await run({ temperature: numpy.softmax.coldTemperature }), 'Probabilities **');
    const largest = parseFmt(boldValues(cold).at(-1)!);
    expect(largest).toBe(c4(numpy.softmax.coldLargestEntry));
    expect(largest).toBeLessThan(0.05);
  });
});
