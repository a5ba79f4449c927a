import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/plot/figure.ts';
import { boldNumbers, control, figureTitled, markdown, notebookRunner, traceNamed } from './report-queries.ts';

const run = notebookRunner('vanishing-gradients');

/** numpy's backward pass through the notebook's own initial weights (fixtures/make_vanishing_gradients.py). */
interface Case {
  net: { depth: number; activation: string; residual: boolean; batchNorm: boolean; scale: number };
  loss: number; norms: number[]; gains: number[]; meanSlopes: number[];
}
interface Clipping { g: number[]; c: number; norm: number; scale: number; byValue: number[]; angle: number }
const numpy = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/vanishing-gradients.json'), 'utf8')) as { cases: Case[]; clipping: Clipping[] };
const [defaultCase, movedCase] = numpy.cases;
const [defaultClip, movedClip] = numpy.clipping;
const LN2 = Math.log(2);
/** The notebook's training length (its `epochs`). */
const EPOCHS = 15;

/** The first panel set to a case's network, the stepper at epoch 0, and the clipping controls moved. */
const movedControls = {
  depth: movedCase.net.depth, activation: movedCase.net.activation, residual: movedCase.net.residual,
  batchNorm: movedCase.net.batchNorm, weightScale: movedCase.net.scale, epoch: 0, gradient: movedClip.g, clipAt: movedClip.c,
  trainFour: true, trainClipping: true,
};
/** The defaults with the comparison and the clipping runs trained (they wait for a tick). */
const trained = { trainFour: true, trainClipping: true };

const ys = (trace: Trace) => trace.y as number[];
const relativeGap = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
/** The notebook's fmt back to a number: "4.1 × 10⁻⁴" → 0.00041, "−0.5" → −0.5, "23.2°" → 23.2. */
function parseFmt(text: string): number {
  const [mantissa, power] = text.replace('−', '-').replace(/[°%]$/, '').trim().split(' × 10');
  const exponent = power === undefined ? 0 : Number([...power].map((ch) => '-0123456789'['⁻⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(ch)]).join(''));
  return Number(mantissa) * 10 ** exponent;
}
/** The bold numbers of a Markdown output in the notebook's fmt (which boldNumbers cannot read: "× 10⁻⁴"). */
const boldFmt = (text: string) => [...text.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => parseFmt(m[1]));

// One small TF.js training runs at the defaults, five more once the boxes are ticked (a few seconds
// of CPU in all, much longer on a loaded machine).
describe('notebooks/vanishing-gradients.md', { timeout: 180_000 }, () => {
  it('starts from the network numpy was given: 8 sigmoid layers, no skips, no batch norm, s = 1', async () => {
    const report = await run();
    const net = defaultCase.net;
    for (const [name, value] of [['depth', net.depth], ['activation', net.activation], ['residual', net.residual], ['batchNorm', net.batchNorm], ['weightScale', net.scale]] as const) {
      expect(control(report, name).value, name).toBe(value);
    }
  });

  it('the per-layer gradient norms at initialisation are numpy\'s to 1e-5, and the written-out backward pass gives numpy\'s gains and slopes, for two networks', async () => {
    for (const [c, controls] of [[defaultCase, {}], [movedCase, movedControls]] as const) {
      const report = await run(controls);
      const bars = ys(traceNamed(figureTitled(report, 'Gradient norm per layer at initialisation'), '‖∂L/∂W⁽ˡ⁾‖'));
      expect(bars).toHaveLength(c.net.depth + 1);
      bars.forEach((v, l) => expect(relativeGap(v, c.norms[l]), `layer ${l + 1}`).toBeLessThan(1e-5));
      const factors = figureTitled(report, 'What each layer multiplies in');
      ys(traceNamed(factors, 'gain of the layer on the way back')).forEach((v, l) => expect(v, `gain ${l + 1}`).toBeCloseTo(c.gains[l], 9));
      ys(traceNamed(factors, 'mean slope g′(z)')).forEach((v, l) => expect(v, `slope ${l + 1}`).toBeCloseTo(c.meanSlopes[l], 9));
      // The prose's ratio is the bars' ratio; the library check agrees to float32 precision.
      const [ratio] = boldFmt(markdown(report, "The first layer's gradient is"));
      expect(relativeGap(ratio, c.norms[0] / c.norms[c.net.depth])).toBeLessThan(0.05);
      const [gap] = boldNumbers(markdown(report, 'Largest relative gap between `backpropByLayer` and `layerGradientNorms`'));
      expect(gap).toBeLessThan(1e-5);
      expect(gap).toBeGreaterThan(0); // float32 against float64: exactly 0 would mean TF.js was not really run
    }
  });

  it('at the defaults the sigmoid gradient vanishes: the first layer gets ~10⁻³ of the output layer\'s, the ¼ⁿ bound is written out for n = 8, and each layer passes back about a quarter', async () => {
    const report = await run();
    expect(defaultCase.norms[0] / defaultCase.norms[8]).toBeLessThan(1e-3);
    expect(markdown(report, 'underbrace')).toContain('0.25^{8} = 1.5 \\times 10^{-5}');
    const [meanGain, meanSlope] = boldFmt(markdown(report, 'Mean gain per hidden layer'));
    const geometricMean = Math.exp(defaultCase.gains.reduce((s, g) => s + Math.log(g), 0) / 8);
    expect(relativeGap(meanGain, geometricMean)).toBeLessThan(0.01);
    expect(meanSlope).toBeLessThanOrEqual(0.25);
    // With residual connections and batch norm the gradient reaches the input: no vanishing.
    expect(movedCase.norms[0] / movedCase.norms[movedCase.net.depth]).toBeGreaterThan(0.3);
  });

  it('the training stepper: the plain sigmoid net stays at a coin flip and its first layer hardly moves; at epoch 0 nothing has moved', async () => {
    const report = await run();
    expect((control(report, 'epoch').control as { count: number }).count).toBe(EPOCHS + 1);
    const text = markdown(report, `After epoch ${EPOCHS}:`);
    const [loss, firstMoved, outputMoved] = boldFmt(text);
    const start = parseFmt(/\(([^ ]+) at the start\)/.exec(text)![1]);
    expect(Math.abs(loss - LN2)).toBeLessThan(0.01);
    expect(Math.abs(start - LN2)).toBeLessThan(0.01);
    expect(firstMoved).toBeLessThan(0.1); // per cent
    expect(firstMoved).toBeLessThan(outputMoved / 10);
    const moved = figureTitled(report, `Epoch ${EPOCHS} (`).data.find((t) => t.name === 'weights moved')!;
    expect(ys(moved)).toHaveLength(9);

    const atStart = await run(movedControls);
    expect(markdown(atStart, 'After epoch 0:')).toMatch(/loss \*\*([^*]+)\*\* \(\1 at the start\)/);
    expect(ys(figureTitled(atStart, 'Epoch 0 (').data.find((t) => t.name === 'weights moved')!).every((v) => v <= 1e-9)).toBe(true);
  });

  it('the comparison waits for its box, then: plain sigmoid learns nothing, residual, batch norm and ReLU do', async () => {
    expect(markdown(await run(), 'Tick **train the four networks**')).toBeDefined();
    const report = await run(trained);
    const finals = boldFmt(markdown(report, `Training loss after ${EPOCHS} epochs`));
    expect(finals).toHaveLength(4);
    const [sigmoid, residual, batchNorm, relu] = finals;
    expect(Math.abs(sigmoid - LN2)).toBeLessThan(0.01);
    for (const loss of [residual, batchNorm, relu]) expect(loss).toBeLessThan(0.45);
    expect(figureTitled(report, 'Four 8-layer networks').data).toHaveLength(8);
  });

  it('clipping: by norm rescales g by numpy\'s factor and keeps its direction, by value turns it by numpy\'s angle, for two gradients and thresholds', async () => {
    for (const [clip, controls] of [[defaultClip, {}], [movedClip, movedControls]] as const) {
      const report = await run(controls);
      const picture = figureTitled(report, 'Clipping one gradient');
      const tip = (name: string) => [(traceNamed(picture, name).x as number[])[1], ys(traceNamed(picture, name))[1]];
      tip('clipped by norm').forEach((v, i) => expect(v).toBeCloseTo(clip.g[i] * clip.scale, 12));
      tip('clipped by value').forEach((v, i) => expect(v).toBeCloseTo(clip.byValue[i], 12));
      const [scale, angle] = boldFmt(markdown(report, 'so clipping by norm multiplies every entry by'));
      expect(scale).toBeCloseTo(clip.scale, 3);
      expect(angle).toBeCloseTo(clip.angle, 1);
    }
  });

  it('exploding: 8 ReLU layers at s = 2 die without clipping and train with it; norm clipping leaves the ratio between layers alone', async () => {
    expect(markdown(await run(), 'Tick **train with and without clipping**')).toBeDefined();
    const report = await run(trained);
    const [firstEpochNorm, unclipped, clipped] = boldFmt(markdown(report, "Mean global gradient norm over the first epoch's steps"));
    expect(firstEpochNorm).toBeGreaterThan(5);
    expect(unclipped).toBeGreaterThan(5); // a saturated output whose gradient is 0: stuck for good
    expect(clipped).toBeLessThan(0.3);
    expect(traceNamed(figureTitled(report, '8 × ReLU, s = 2'), 'clipped at c = 1')).toBeDefined();
    const movedRun = await run(movedControls);
    expect(traceNamed(figureTitled(movedRun, '8 × ReLU, s = 2'), 'clipped at c = 2')).toBeDefined();
    const text = markdown(movedRun, "multiplies every layer's norm by");
    const [globalNorm, factor] = boldFmt(text);
    expect(globalNorm).toBeGreaterThan(2);
    expect(relativeGap(factor, 2 / globalNorm)).toBeLessThan(0.01);
    const [after, before] = [...text.matchAll(/stays ([^ ]+ ?(?:× 10\S+)?) \(it was ([^)]+)\)/g)][0].slice(1);
    expect(after).toBe(before);
  });
});
