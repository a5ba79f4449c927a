import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import { quantizedSizeBytes, roundHalfToEven } from '../../src/ml/index.ts';
import { boldNumbers, figureTitled, figureWithPanel, markdown, notebookRunner, numberAfter } from './report-queries.ts';

// The library under the notebook (quantizeWeights, magnitudePruningMasks, distillationLoss,
// trainSmallMLP) is checked against numpy/scipy in tests/ml/compression.test.ts. Here: the
// notebook's prose says what its figures show, the sizes follow the storage formula, and each
// control moves what the prose claims it moves.
const run = notebookRunner('compression');

/** Layer shapes of the teacher (out × in) and its parameter counts. */
const LAYERS = [[16, 2], [16, 16], [3, 16]];
const WEIGHTS = LAYERS.reduce((n, [o, i]) => n + o * i, 0);
const BIASES = LAYERS.reduce((n, [o]) => n + o, 0);

/** The y values of the trace `name` on the panel whose y axis is `axis` ('y' left, 'y2' right). */
function series(figure: Figure, name: string, axis: string): number[] {
  const found = figure.data.find((t: Trace) => t.name === name && (t.yaxis ?? 'y') === axis);
  if (!found) throw new Error(`no trace "${name}" on ${axis}`);
  return found.y as number[];
}
const panelTitles = (figure: Figure) => (figure.layout.annotations as { text: string }[]).map((a) => a.text);
const percentIn = (text: string) => Number(/([\d.]+) %/.exec(text)![1]) / 100;

function quantization(report: RunReport) {
  const curves = figureWithPanel(report, 'test accuracy');
  const summary = markdown(report, 'round-trip error');
  return { curves, summary, numbers: boldNumbers(summary) };
}

describe('notebooks/compression.md', () => {
  it('quantisation: the prose quotes the size formula and the curves at the chosen bits; fewer bits lose accuracy, per channel less', async () => {
    const [eight, three] = [await run(), await run({ bits: 3, granularity: 'per-channel' })];
    const teacherAccuracy = numberAfter(eight, 'Its test accuracy is **') / 100;
    expect(numberAfter(eight, 'The teacher has **')).toBe(WEIGHTS + BIASES);
    expect(numberAfter(eight, 'At 32 bits each that is **')).toBe(4 * (WEIGHTS + BIASES));
    expect(teacherAccuracy).toBeGreaterThan(0.95);

    // [bits, bytes, 32-bit bytes, error, changed points, accuracy %] (the ratio, 3.0×, is not a bold number)
    const q8 = quantization(eight), q3 = quantization(three);
    const bytesAt = (bits: number, groups: number) =>
      LAYERS.reduce((n, [o, i]) => n + quantizedSizeBytes(o * i, bits, groups === 1 ? 1 : o, 'symmetric'), 0) + 4 * BIASES;
    expect(q8.numbers.slice(0, 3)).toEqual([8, bytesAt(8, 1), 4 * (WEIGHTS + BIASES)]);
    expect(bytesAt(8, 1)).toBe(WEIGHTS + 3 * 4 + 4 * BIASES);
    expect(q3.numbers.slice(0, 2)).toEqual([3, Math.ceil((WEIGHTS * 3) / 8) + 16 * 4 + 16 * 4 + 3 * 4 + 4 * BIASES]);
    for (const [q, bits, name] of [[q8, 8, 'sym/tensor'], [q3, 3, 'sym/channel']] as const) {
      expect(q.numbers[3] / series(q.curves, name, 'y')[bits - 2]).toBeCloseTo(1, 2); // printed to 3 digits
      expect(q.numbers[5] / 100).toBeCloseTo(series(q.curves, name, 'y2')[bits - 2], 3);
    }
    // At 8 bits nothing changes class; the curves are the same in both runs (they do not depend on the controls).
    expect(q8.numbers[4]).toBe(0);
    expect(q8.numbers[5] / 100).toBeCloseTo(teacherAccuracy, 3);
    for (const name of ['sym/tensor', 'sym/channel', 'affine/tensor', 'affine/channel']) {
      const error = series(q8.curves, name, 'y'), accuracy = series(q8.curves, name, 'y2');
      expect(series(q3.curves, name, 'y2')).toEqual(accuracy);
      // Each bit halves the spacing: the mean squared error falls about 4× per bit (3–6× here).
      for (let b = 4; b <= 8; b++) expect(error[b - 3] / error[b - 2]).toBeGreaterThan(3);
      for (let b = 4; b <= 8; b++) expect(error[b - 3] / error[b - 2]).toBeLessThan(6);
      expect(accuracy[6]).toBeGreaterThan(teacherAccuracy - 0.01);
      expect(accuracy[0]).toBeLessThan(teacherAccuracy - 0.25);
    }
    expect(series(q8.curves, 'sym/channel', 'y2')[1]).toBeGreaterThan(series(q8.curves, 'sym/tensor', 'y2')[1] + 0.2);
    // The grid figure follows the bits: 2^b − 1 ticks per row of layer 2 (symmetric), drawn as segments.
    const grid = figureTitled(three, 'Layer 2 (16×16): weights and the 3-bit grid');
    const ticks = (grid.data.find((t) => t.name === '3-bit grid')!.x as (number | null)[]).filter((v) => v === null).length;
    expect(ticks).toBe(16 * 7);
  }, 120_000);

  it('pruning: the per-layer fractions follow round(s·n), global spares layer 1, and fine-tuning wins back accuracy', async () => {
    const [global, perLayer] = [await run(), await run({ pruneScope: 'per-layer', fineTune: true })];
    const g = boldNumbers(markdown(global, 'removes'));
    const p = boldNumbers(markdown(perLayer, 'removes'));
    LAYERS.forEach(([o, i], l) => expect(p[l]).toBe(Math.round((100 * roundHalfToEven(0.5 * o * i)) / (o * i))));
    expect(g[3]).toBe(WEIGHTS - roundHalfToEven(0.5 * WEIGHTS));
    expect(g[0]).toBeLessThan(p[0]); // one threshold for all removes less of the 32 input weights
    const curve = figureTitled(global, 'Test accuracy against sparsity');
    const at = (name: string, s: number) => (curve.data.find((t) => t.name === name)!.y as number[])[Math.round(s / 0.05)];
    expect(g[4] / 100).toBeCloseTo(at('global', 0.5), 3);
    expect(at('global', 0)).toBeCloseTo(numberAfter(global, 'Its test accuracy is **') / 100, 3);
    expect(at('global', 0.5)).toBeGreaterThan(at('per-layer', 0.5));
    expect(at('global', 0.95)).toBeLessThan(0.5);
    // Fine-tuned: [after, before]; before is the per-layer curve at 0.5.
    const [after, before] = [p[4], p[5]];
    expect(before / 100).toBeCloseTo(at('per-layer', 0.5), 3);
    expect(after).toBeGreaterThan(before + 10);
    const tuned = figureTitled(perLayer, 'Test accuracy against sparsity').data.find((t) => t.name === 'per-layer, fine-tuned')!;
    expect((tuned.y as number[])[0]).toBeCloseTo(after / 100, 3);
    expect(curve.data.some((t) => String(t.name).includes('fine-tuned'))).toBe(false);
  }, 120_000);

  it('distillation: a higher T flattens the soft targets; the transfer-set student beats the hard-label one', async () => {
    const [cold, hot] = [await run(), await run({ temperature: 4, labelled: 40 })];
    const entropy = (r: RunReport) => boldNumbers(markdown(r, "teacher's entropy")).slice(1, 4);
    const [e1, e4] = [entropy(cold), entropy(hot)];
    e1.forEach((e, k) => expect(e4[k]).toBeGreaterThanOrEqual(e)); // C is near uniform already at T = 1
    expect(e4[1]).toBeGreaterThan(e1[1] + 0.3);
    expect(e1[0]).toBeLessThan(0.01);
    expect(e4[2]).toBeLessThanOrEqual(Math.log2(3));
    const bars = figureWithPanel(hot, "teacher's soft targets at T = 4").data.filter((t) => t.type === 'bar').map((t) => t.y as number[]);
    [0, 1, 2].forEach((i) => expect(bars.reduce((s, b) => s + b[i], 0)).toBeCloseTo(1, 12));
    for (const [report, n] of [[cold, 20], [hot, 40]] as const) {
      const summary = markdown(report, 'soft targets on all 300 inputs');
      const [labelled, hard, soft, transfer] = boldNumbers(summary);
      expect(labelled).toBe(n);
      expect(transfer).toBeGreaterThan(hard + 5);
      const titles = panelTitles(figureWithPanel(report, 'hard labels:'));
      expect([titles[0], titles[1], titles[2]].map(percentIn)).toEqual([hard / 100, soft / 100, transfer / 100]);
      // The mean over the four other subsets is the mean of the four differences quoted.
      const gaps = [...markdown(report, 'On four other subsets').matchAll(/\*\*([+−][\d.]+)\*\*/g)].map((m) => Number(m[1].replace('−', '-')));
      expect(gaps).toHaveLength(5);
      expect(Math.abs(gaps[4] - gaps.slice(0, 4).reduce((s, v) => s + v, 0) / 4)).toBeLessThanOrEqual(0.1); // each printed to 0.1
    }
  }, 120_000);

  it('the hand-written quantiser and distillation loss agree with the library', async () => {
    const report = await run();
    const [rows, mismatches, gap, lossGap] = boldNumbers(markdown(report, 'hand-written quantiser'));
    expect(rows).toBe(2 * 7 * (16 + 16 + 3));
    expect(mismatches).toBe(0);
    expect(gap).toBeLessThan(1e-12);
    expect(lossGap).toBeLessThan(1e-12);
  }, 120_000);
});
