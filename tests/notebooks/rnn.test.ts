import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Output } from '../../src/kernel/types.ts';
import {
  initRecurrentParams, makeSequenceTask, recurrentLossAndGradients, vanillaRnnBackward, vanillaRnnForward,
} from '../../src/ml/index.ts';
import { boldNumbers, control, figureTitled, markdown, notebookRunner, outputs, traceNamed } from './report-queries.ts';

const run = notebookRunner('rnn', { timeoutMs: 120_000 });

/** The notebook's untrained cells and the sequence it unrolls, rebuilt from the library with the notebook's seeds. */
function reference(seqLength: number, rho: number) {
  const heldOut = makeSequenceTask({ kind: 'copy-first', length: seqLength, nSamples: 256, noise: 1, seed: 2 });
  const start = (kind: 'rnn' | 'gru' | 'lstm') => initRecurrentParams(kind, { units: 8, recurrentScale: rho, keepGateBias: 2, seed: 3 });
  const shown = heldOut.X[0].map((x, t) => (t === 0 ? 1 : x));
  const flipped = shown.map((x, t) => (t === 0 ? -1 : x));
  const rnn = start('rnn');
  const plus = vanillaRnnForward(rnn, shown), minus = vanillaRnnForward(rnn, flipped);
  const memory = plus.h.slice(1).map((h, t) => Math.hypot(...h.map((v, j) => v - minus.h[t + 1][j])));
  const dLdh = vanillaRnnBackward(rnn, shown, plus, 2 * (plus.yHat - 1)).dLdh.map((g) => Math.hypot(...g));
  const startGradients = (['rnn', 'gru', 'lstm'] as const).map((kind) =>
    recurrentLossAndGradients(start(kind), heldOut.X.slice(0, 64), heldOut.y.slice(0, 64)).inputGradientByStep);
  return { shown, states: plus.h, memory, dLdh, startGradients };
}
/** The notebook's number format: three significant digits, or one in exponent form when tiny. */
const fmt = (v: number) => (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5 ? String(Number(v.toPrecision(3))) : v.toExponential(1)).replace('-', '−');
/** The bold numbers of a Markdown output, with the notebook's true minus signs read as '-'. */
const bold = (text: string) => boldNumbers(text.replace(/−/g, '-'));
const unexplained = (report: RunReport) => bold(markdown(report, 'the share of the target\'s variance'));
const num = (text: string) => Number(text.replace('−', '-'));
type Table = Extract<Output, { kind: 'table' }>;

describe('notebooks/rnn.md', () => {
  it('the prose quotes the memory of x₁ and the BPTT gradient the library computes; the figure draws them', async () => {
    const report = await run();
    expect(control(report, 'seqLength').value).toBe(6);
    const ref = reference(6, 0.5);
    const [first, last, perStep] = bold(markdown(report, 'the two runs start'));
    expect(first).toBe(num(fmt(ref.memory[0])));
    expect(last).toBe(num(fmt(ref.memory[5])));
    expect(perStep).toBe(num(fmt((ref.memory[5] / ref.memory[0]) ** (1 / 5))));
    const gradient = figureTitled(report, 'Gradient through time, vanilla RNN, ρ = 0.5');
    (traceNamed(gradient, '‖∂L/∂h_t‖').y as number[]).forEach((v, t) => expect(v).toBeCloseTo(ref.dLdh[t], 12));
    const [ratio] = bold(markdown(report, 'the gradient\'s size changed by a factor of'));
    expect(ratio).toBe(num(fmt(ref.dLdh[0] / ref.dLdh[5])));
    expect(ratio).toBeLessThan(0.05); // ρ = 0.5: about half per step over five steps
  });

  it('the stepper fills the hidden-state heat map up to step t only, with the library\'s states', async () => {
    const report = await run({ at: 3 });
    const ref = reference(6, 0.5);
    const fig = figureTitled(report, 'Unrolled RNN, t = 3 of 6');
    const heat = fig.data.find((t) => t.type === 'heatmap')!;
    const z = heat.z as number[][];
    for (let j = 0; j < 8; j++) {
      for (let t = 1; t <= 6; t++) expect(z[j][t - 1]).toBeCloseTo(t <= 3 ? ref.states[t][j] : 0, 12);
    }
    expect(markdown(report, '**t = 3.**')).toContain(`is left of the difference $x_1$ made`);
    expect(markdown(report, '**t = 3.**')).toContain(fmt(ref.memory[2]));
  });

  it('at T = 6 all three cells learn copy-first; their trained states equal TF.js layers with the same weights', async () => {
    const report = await run();
    const [rnn, gru, lstm] = unexplained(report);
    for (const share of [rnn, gru, lstm]) expect(share).toBeLessThan(0.1);
    const loss = figureTitled(report, 'Training loss on copy-first, T = 6');
    expect((traceNamed(loss, 'GRU').y as number[])).toHaveLength(100);
    const table = outputs(report).find((o): o is Table => o.kind === 'table')!;
    const gaps = table.rows.map((row) => row[1] as number);
    expect(gaps).toHaveLength(3);
    for (const gap of gaps) {
      expect(gap).toBeLessThan(1e-5);
      expect(gap).toBeGreaterThan(0); // float32 against float64: exactly 0 would mean TF.js was not run
    }
    expect(bold(markdown(report, 'Hand-written `rnnStates`'))).toEqual([0]);
  });

  it('at T = 20 the vanilla RNN learns nothing while the GRU and the LSTM learn; its gradient at step 1 is orders of magnitude smaller', async () => {
    const report = await run({ seqLength: 20 });
    const [rnn, gru, lstm] = unexplained(report);
    expect(rnn).toBeGreaterThan(0.8);
    expect(gru).toBeLessThan(0.3);
    expect(lstm).toBeLessThan(0.3);
    const ref = reference(20, 0.5);
    const shown = figureTitled(report, '|∂L/∂x_t| at the start, T = 20');
    ref.startGradients.forEach((g, k) => {
      (traceNamed(shown, ['vanilla RNN', 'GRU', 'LSTM'][k]).y as number[]).forEach((v, t) => expect(v).toBeCloseTo(g[t], 12));
    });
    const [rnnRatio, gruRatio, lstmRatio] = bold(markdown(report, 'At the start, $|\\partial L'));
    expect(rnnRatio).toBeLessThan(1e-4);
    expect(gruRatio).toBeGreaterThan(100 * rnnRatio);
    expect(lstmRatio).toBeGreaterThan(100 * rnnRatio);
    // Recurrence vs attention: the attention layer's gradient does not fall with distance.
    const [steps, attentionSteps, hops, attentionShare, rnnShare] = bold(markdown(report, 'a recurrent layer runs'));
    expect([steps, attentionSteps, hops]).toEqual([20, 1, 1]);
    expect(attentionShare).toBeGreaterThan(0.05);
    expect(rnnShare).toBeLessThan(1e-4);
    const right = figureTitled(report, 'Recurrence vs attention');
    expect((traceNamed(right, 'one attention layer').y as number[])[0]).toBeCloseTo(attentionShare, 2);
  });

  it('ρ = 1 keeps more of the gradient per step than ρ = 0.5', async () => {
    const [, perStepHalf] = bold(markdown(await run(), 'the gradient\'s size changed by a factor of'));
    const [, perStepOne] = bold(markdown(await run({ rho: 1 }), 'the gradient\'s size changed by a factor of'));
    expect(perStepOne).toBeGreaterThan(perStepHalf + 0.2);
  });
});
