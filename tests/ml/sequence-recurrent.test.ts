import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  gruForward, initRecurrentParams, lstmForward, makeSequenceTask, randomOrthogonal, recurrentLossAndGradients,
  recurrentUnexplainedVariance, trainRecurrentSteps, vanillaRnnBackward, vanillaRnnForward,
  type RecurrentCellKind, type RecurrentParams,
} from '../../src/ml/index.ts';

/** numpy's forward passes, written-out BPTT and central differences (fixtures/make_recurrent_cells.py). */
interface Case {
  params: Omit<RecurrentParams, 'kind' | 'units'>;
  h: number[][];
  yHat: number;
  loss: number;
  centralDifference: Record<'kernel' | 'recurrentKernel', number[][]> & { bias: number[]; readout: number[]; readoutBias: number; dLdx: number[] };
  bptt?: { recurrentKernel: number[][]; kernel: number[][]; bias: number[]; dLdh: number[][]; dLdx: number[] };
}
const numpy = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/recurrent-cells.json'), 'utf8')) as {
  units: number; xs: number[]; y: number; cases: Record<RecurrentCellKind, Case>;
};
const paramsOf = (kind: RecurrentCellKind): RecurrentParams => ({ kind, units: numpy.units, ...numpy.cases[kind].params });
const maxGap = (a: number[] | number[][], b: number[] | number[][]) => Math.max(...a.flat().map((v, i) => Math.abs(v - b.flat()[i])));

const forwardOf = { rnn: vanillaRnnForward, gru: gruForward, lstm: lstmForward };

/** The same weights in tf.layers.simpleRNN / gru / lstm (σ as recurrent activation, not TF.js' default hard σ). */
function tfLastState(params: RecurrentParams, xs: number[]): number[] {
  return tf.tidy(() => {
    const config = { units: params.units, inputShape: [xs.length, 1], recurrentActivation: 'sigmoid' as const };
    const layer = params.kind === 'rnn' ? tf.layers.simpleRNN({ units: params.units, inputShape: [xs.length, 1] })
      : params.kind === 'gru' ? tf.layers.gru(config) : tf.layers.lstm(config);
    const model = tf.sequential({ layers: [layer] });
    layer.setWeights([tf.tensor2d(params.kernel), tf.tensor2d(params.recurrentKernel), tf.tensor1d(params.bias)]);
    const out = Array.from((model.predict(tf.tensor3d([xs.map((x) => [x])])) as tf.Tensor).dataSync());
    model.dispose();
    return out;
  });
}

describe('recurrent cells against numpy', () => {
  for (const kind of ['rnn', 'gru', 'lstm'] as const) {
    it(`${kind} forward gives numpy's hidden states and ŷ to 1e-12`, () => {
      const run = forwardOf[kind](paramsOf(kind) as never, numpy.xs);
      expect(maxGap(run.h, numpy.cases[kind].h)).toBeLessThan(1e-12);
      expect(run.yHat).toBeCloseTo(numpy.cases[kind].yHat, 12);
    });

    it(`recurrentLossAndGradients (${kind}) agrees with numpy's central differences to 1e-7`, () => {
      const c = numpy.cases[kind];
      const r = recurrentLossAndGradients(paramsOf(kind), [numpy.xs], [numpy.y]);
      expect(r.loss).toBeCloseTo(c.loss, 12);
      for (const name of ['kernel', 'recurrentKernel', 'bias', 'readout'] as const) {
        expect(maxGap(r.grads[name], c.centralDifference[name]), name).toBeLessThan(1e-7);
      }
      expect(r.grads.readoutBias).toBeCloseTo(c.centralDifference.readoutBias, 7);
      expect(maxGap(r.inputGradientByStep, c.centralDifference.dLdx.map(Math.abs))).toBeLessThan(1e-7);
    });

    it(`${kind} forward equals TF.js' layer with the same weights (float32)`, () => {
      const params = paramsOf(kind);
      const ours = forwardOf[kind](params as never, numpy.xs).h.at(-1)!;
      expect(maxGap(tfLastState(params, numpy.xs), ours)).toBeLessThan(1e-5);
    });
  }

  it('vanillaRnnBackward is numpy\'s written-out BPTT: ∂L/∂h_t, ∂L/∂x_t and the weight gradients to 1e-12', () => {
    const params = paramsOf('rnn');
    const run = vanillaRnnForward(params, numpy.xs);
    const back = vanillaRnnBackward(params, numpy.xs, run, 2 * (run.yHat - numpy.y));
    const bptt = numpy.cases.rnn.bptt!;
    expect(maxGap(back.dLdh, bptt.dLdh)).toBeLessThan(1e-12);
    expect(maxGap(back.dLdx, bptt.dLdx)).toBeLessThan(1e-12);
    expect(maxGap(back.grads.recurrentKernel, bptt.recurrentKernel)).toBeLessThan(1e-12);
    expect(maxGap(back.grads.kernel, bptt.kernel)).toBeLessThan(1e-12);
    expect(() => vanillaRnnForward(paramsOf('gru'), numpy.xs)).toThrow(/params are for a gru cell, not 'rnn'/);
  });
});

describe('initRecurrentParams and randomOrthogonal', () => {
  it('randomOrthogonal gives QᵀQ = I, the same Q for the same seed', () => {
    const Q = randomOrthogonal(5, 3);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) {
      expect(Q.reduce((s, row) => s + row[i] * row[j], 0)).toBeCloseTo(i === j ? 1 : 0, 12);
    }
    expect(randomOrthogonal(5, 3)).toEqual(Q);
    expect(randomOrthogonal(5, 4)).not.toEqual(Q);
  });

  it('initRecurrentParams lays weights out as TF.js does and starts the LSTM forget gate at 1', () => {
    const p = initRecurrentParams('lstm', { units: 4, seed: 1 });
    expect([p.kernel.length, p.kernel[0].length, p.recurrentKernel.length, p.recurrentKernel[0].length, p.bias.length]).toEqual([1, 16, 4, 16, 16]);
    expect(p.bias).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    const scaled = initRecurrentParams('rnn', { units: 4, seed: 1, recurrentScale: 0.5 });
    // each column of 0.5·Q has norm 0.5
    expect(Math.hypot(...scaled.recurrentKernel.map((row) => row[0]))).toBeCloseTo(0.5, 12);
    expect(() => initRecurrentParams('transformer' as RecurrentCellKind)).toThrow(/kind must be one of 'rnn', 'gru', 'lstm'/);
  });
});

describe('makeSequenceTask', () => {
  it('makeSequenceTask copy-first: x₁ = ±1 is the target, the same data for the same seed', () => {
    const task = makeSequenceTask({ kind: 'copy-first', length: 7, nSamples: 50, seed: 2 });
    expect(task.X).toHaveLength(50);
    expect(task.X.every((xs) => xs.length === 7)).toBe(true);
    expect(task.y).toEqual(task.X.map((xs) => xs[0]));
    expect(new Set(task.y)).toEqual(new Set([-1, 1]));
    expect(makeSequenceTask({ kind: 'copy-first', length: 7, nSamples: 50, seed: 2 })).toEqual(task);
  });

  it('makeSequenceTask running-sum and noisy-sine-next have targets of variance near 1', () => {
    for (const kind of ['running-sum', 'noisy-sine-next'] as const) {
      const { y } = makeSequenceTask({ kind, length: 12, nSamples: 2000, seed: 1 });
      const mean = y.reduce((a, b) => a + b, 0) / y.length;
      const variance = y.reduce((s, v) => s + (v - mean) ** 2, 0) / y.length;
      expect(variance, kind).toBeGreaterThan(0.85);
      expect(variance, kind).toBeLessThan(1.15);
    }
    const sum = makeSequenceTask({ kind: 'running-sum', length: 3, nSamples: 5, seed: 1 });
    sum.X.forEach((xs, i) => expect(sum.y[i]).toBeCloseTo(xs[0] + xs[1] + xs[2], 12));
    expect(() => makeSequenceTask({ length: 1 })).toThrow(/length must be an integer ≥ 2/);
  });
});

describe('trainRecurrentSteps', () => {
  it('trainRecurrentSteps lowers the loss of a GRU on a short copy-first task and leaves the start untouched', () => {
    const task = makeSequenceTask({ kind: 'copy-first', length: 4, nSamples: 128, seed: 1 });
    const start = initRecurrentParams('gru', { units: 4, seed: 1 });
    const copy = structuredClone(start);
    const steps = [...trainRecurrentSteps(start, task, { steps: 60, learningRate: 0.03, seed: 1 })];
    expect(steps).toHaveLength(60);
    expect(start).toEqual(copy);
    expect(recurrentUnexplainedVariance(start, task)).toBeGreaterThan(0.8);
    expect(recurrentUnexplainedVariance(steps.at(-1)!.params, task)).toBeLessThan(0.2);
    expect(() => trainRecurrentSteps(start, task, { learningRate: 0 }).next()).toThrow(/learningRate must be > 0/);
  });
});
