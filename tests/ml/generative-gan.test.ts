import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  InPlaceAdam, batchStandardDeviation, createGanMlp, evenlySpacedMixture1d, fitDiscriminatorToFrozenGenerator, frozenGeneratorDiscriminatorSteps,
  ganDiscriminatorProbabilities, ganDiscriminatorStep, ganGeneratorStep, ganMlpBackward, ganMlpForward, ganMlpOutput,
  gan1dSteps, gaussianKde1d, mixture1dDensity, optimalDiscriminator, rng, sampleMixture1d, shareNearModes, trainGan1d,
  type GanActivation, type GanMlp,
} from '../../src/ml/index.ts';

/** numpy and scipy values (fixtures/make_gan.py). */
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/gan.json'), 'utf8')) as {
  mlp: {
    sizes: number[]; params: number[]; x: number[]; outputs: Record<GanActivation, number[]>;
    real: number[]; fake: number[]; lossD: number; lossGNonSaturating: number; lossGMinimax: number;
  };
  mixture: { modes: number; gap: number; std: number; means: number[]; grid: number[]; pdf: number[] }[];
  kde: { samples: number[]; bandwidth: number; grid: number[]; density: number[] };
  dstar: { gap: number; std: number; generator: { scale: number; shift: number }; grid: number[]; pData: number[]; pG: number[]; dStar: number[] };
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The fixture's network, with its weights, for the given activation. */
function fixtureNet(activation: GanActivation, inputs = 1): GanMlp {
  const net = createGanMlp([inputs, 16, 16, 1], rng(0), activation);
  if (inputs === 1) net.params.set(reference.mlp.params);
  return net;
}
const f64 = (xs: readonly number[]) => Float64Array.from(xs);
/** An identity generator x = 1·z + 0, so the fake batch is the noise itself. */
function identityGenerator(): GanMlp {
  const g = createGanMlp([1, 1], rng(0));
  g.params.set([1, 0]);
  return g;
}
/** An optimiser whose step changes nothing measurable (lr tiny), to read a step's loss and gradient. */
const still = (size: number) => new InPlaceAdam(size, 1e-300);

describe('GanMlp', () => {
  it('ganMlpForward gives numpy\'s outputs for leaky ReLU and tanh', () => {
    for (const activation of ['leakyRelu', 'tanh'] as const) {
      const out = ganMlpOutput(fixtureNet(activation), f64(reference.mlp.x));
      reference.mlp.outputs[activation].forEach((y, i) => expect(out[i], `${activation} ${i}`).toBeCloseTo(y, 12));
    }
  });

  it('ganMlpBackward gives the central difference of Σ cᵢ·outputᵢ for every weight and input', () => {
    for (const activation of ['tanh', 'leakyRelu'] as const) {
      const net = fixtureNet(activation);
      const x = f64(reference.mlp.x);
      const c = x.map((_, i) => Math.sin(i + 1)); // L = Σ cᵢ yᵢ, so ∂L/∂y = c
      const objective = (n: GanMlp, input = x) => ganMlpOutput(n, input).reduce((s, y, i) => s + c[i] * y, 0);
      const grads = new Float64Array(net.params.length);
      const dInput = ganMlpBackward(net, ganMlpForward(net, x, x.length), c, grads);
      const h = 1e-6;
      for (let k = 0; k < net.params.length; k++) {
        const saved = net.params[k];
        net.params[k] = saved + h;
        const up = objective(net);
        net.params[k] = saved - h;
        const down = objective(net);
        net.params[k] = saved;
        expect(Math.abs(grads[k] - (up - down) / (2 * h)), `${activation} θ${k}`).toBeLessThan(1e-6);
      }
      x.forEach((xi, i) => {
        const up = x.slice(), down = x.slice();
        up[i] = xi + h;
        down[i] = xi - h;
        expect(Math.abs(dInput[i] - (objective(net, up) - objective(net, down)) / (2 * h)), `${activation} x${i}`).toBeLessThan(1e-6);
      });
    }
  });

  it('ganMlpBackward agrees with tf.grad on the same weights (float32 precision)', () => {
    // Tensors other test files keep alive share the engine: count this test's own.
    const tensorsBefore = tf.memory().numTensors;
    const net = fixtureNet('tanh');
    const x = f64(reference.mlp.x);
    const grads = new Float64Array(net.params.length);
    const c = x.map((_, i) => Math.cos(i));
    const dInput = ganMlpBackward(net, ganMlpForward(net, x, x.length), c, grads);
    const { sizes, offsets, params } = net;
    // TF.js layout: z = a·Wᵀ + b with our W (rows = outputs)
    const tensors = offsets.map(({ w, b }, l) => [
      tf.tensor2d(Array.from(params.slice(w, b)), [sizes[l + 1], sizes[l]]),
      tf.tensor1d(Array.from(params.slice(b, b + sizes[l + 1]))),
    ]).flat();
    const [tfGrads, tfInput] = tf.tidy(() => {
      const loss = (input: tf.Tensor, ...weights: tf.Tensor[]) => {
        let a = input.reshape([-1, 1]) as tf.Tensor2D;
        for (let l = 0; l < weights.length / 2; l++) {
          const z = a.matMul(weights[2 * l] as tf.Tensor2D, false, true).add(weights[2 * l + 1]) as tf.Tensor2D;
          a = l === weights.length / 2 - 1 ? z : tf.tanh(z);
        }
        return a.reshape([-1]).mul(tf.tensor1d(Array.from(c))).sum();
      };
      const all = tf.grads(loss)([tf.tensor1d(Array.from(x)), ...tensors]);
      return [all.slice(1).map((g) => Array.from(g.dataSync())).flat(), Array.from(all[0].dataSync())];
    });
    tensors.forEach((t) => t.dispose());
    tfGrads.forEach((g, k) => expect(Math.abs(grads[k] - g), `θ${k}`).toBeLessThan(1e-4 * Math.max(1, Math.abs(g))));
    tfInput.forEach((g, i) => expect(Math.abs(dInput[i] - g), `x${i}`).toBeLessThan(1e-4 * Math.max(1, Math.abs(g))));
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('createGanMlp and ganMlpForward say what is wrong with their arguments', () => {
    expect(() => createGanMlp([1], rng(0))).toThrow(/at least two positive integers/);
    expect(() => ganMlpForward(createGanMlp([2, 3, 1], rng(0)), f64([1, 2, 3]), 2)).toThrow(/expected batch 2 × 2 inputs/);
  });
});

describe('GAN updates', () => {
  it('ganDiscriminatorStep and ganGeneratorStep return scipy\'s losses', () => {
    const { real, fake } = reference.mlp;
    const d = fixtureNet('leakyRelu');
    expect(ganDiscriminatorStep(d, f64(real), f64(fake), still(d.params.length))).toBeCloseTo(reference.mlp.lossD, 12);
    for (const [kind, expected] of [['non-saturating', reference.mlp.lossGNonSaturating], ['minimax', reference.mlp.lossGMinimax]] as const) {
      const g = identityGenerator();
      expect(ganGeneratorStep(g, fixtureNet('leakyRelu'), f64(fake), kind, still(2))).toBeCloseTo(expected, 12);
    }
  });

  it('the generator\'s gradient, back through D (with and without the minibatch-std input), is the central difference of its loss', () => {
    for (const inputs of [1, 2]) {
      const d = fixtureNet('tanh', inputs);
      const g = createGanMlp([1, 8, 1], rng(3), 'tanh');
      const noise = f64(Array.from({ length: 10 }, (_, i) => Math.sin(3 * i)));
      const grads = new Float64Array(g.params.length);
      const before = g.params.slice();
      ganGeneratorStep(g, d, noise, 'non-saturating', still(g.params.length), grads);
      g.params.set(before);
      const lossAt = (params: Float64Array) => {
        const probe = { ...g, params };
        return ganGeneratorStep(probe, d, noise, 'non-saturating', still(params.length));
      };
      const h = 1e-6;
      for (let k = 0; k < g.params.length; k++) {
        const up = before.slice(), down = before.slice();
        up[k] += h;
        down[k] -= h;
        expect(Math.abs(grads[k] - (lossAt(up) - lossAt(down)) / (2 * h)), `inputs ${inputs}, θ${k}`).toBeLessThan(1e-7);
      }
    }
  });

  it('batchStandardDeviation is numpy\'s std (ddof 0)', () => {
    expect(batchStandardDeviation([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(1.25), 14);
  });
});

describe('the data and the best discriminator', () => {
  it('mixture1dDensity and evenlySpacedMixture1d give scipy.stats.norm\'s mixture density', () => {
    for (const m of reference.mixture) {
      const mixture = evenlySpacedMixture1d(m.modes, m.gap, m.std);
      expect(mixture.means).toEqual(m.means);
      m.grid.forEach((x, i) => expect(mixture1dDensity(mixture, x)).toBeCloseTo(m.pdf[i], 12));
    }
  });

  it('sampleMixture1d draws each mode by its weight, and shareNearModes counts them', () => {
    const mixture = evenlySpacedMixture1d(2, 6, 0.5);
    const samples = sampleMixture1d(mixture, 4000, rng(1));
    const shares = shareNearModes(mixture, samples);
    shares.modes.forEach((s) => expect(s).toBeCloseTo(0.5 * 0.9545, 1)); // ±2σ holds 95.45 % of a Gaussian
    expect(shares.elsewhere).toBeCloseTo(0.0455, 1);
  });

  it('gaussianKde1d gives scipy.stats.gaussian_kde with Scott\'s bandwidth', () => {
    const kde = gaussianKde1d(reference.kde.samples);
    reference.kde.grid.forEach((x, i) => expect(kde(x)).toBeCloseTo(reference.kde.density[i], 12));
    expect(() => gaussianKde1d([1, 1, 1])).toThrow(/bandwidth must be positive/);
  });

  it('a discriminator trained against a frozen Gaussian generator approaches D* = p_data / (p_data + p_g)', () => {
    const { gap, std, generator, grid, pData, pG, dStar } = reference.dstar;
    grid.forEach((_, i) => expect(optimalDiscriminator(pData[i], pG[i])).toBeCloseTo(dStar[i], 14));
    const g = createGanMlp([1, 1], rng(0));
    g.params.set([generator.scale, generator.shift]);
    const d = ganDiscriminatorProbabilities(fitDiscriminatorToFrozenGenerator(g, evenlySpacedMixture1d(2, gap, std), { steps: 1000 }), grid);
    // Where the data or G has mass (p_data + p_g > 0.05), the trained D is within 0.1 of D*.
    const gaps = grid.flatMap((_, i) => (pData[i] + pG[i] > 0.05 ? [Math.abs(d[i] - dStar[i])] : []));
    expect(gaps.length).toBeGreaterThan(40);
    expect(Math.max(...gaps)).toBeLessThan(0.1);
  });

  it('frozenGeneratorDiscriminatorSteps yields the discriminator every yieldEvery steps and ends on fitDiscriminatorToFrozenGenerator\'s', () => {
    const g = createGanMlp([1, 1], rng(0));
    const data = evenlySpacedMixture1d(2, 6, 0.5);
    const options = { steps: 250, batchSize: 16, seed: 3, yieldEvery: 100 };
    const steps = frozenGeneratorDiscriminatorSteps(g, data, options);
    const seen: number[] = [];
    let next = steps.next();
    for (; !next.done; next = steps.next()) seen.push(next.value.step);
    expect(seen).toEqual([100, 200, 250]);
    expect(Array.from(next.value.params)).toEqual(Array.from(fitDiscriminatorToFrozenGenerator(g, data, options).params));
    expect(() => fitDiscriminatorToFrozenGenerator(g, data, { yieldEvery: 0 })).toThrow(/yieldEvery must be a positive integer/);
  });
});

describe('trainGan1d', () => {
  const data = evenlySpacedMixture1d(2, 6, 0.5);
  const run = (options: object) => trainGan1d({ data, grid: [-3, 0, 3], batchSize: 32, steps: 1500, snapshotEvery: 50, sampleCount: 400, ...options });
  /** Per snapshot of the last 500 steps: the share of samples on the mode that holds fewer. */
  const minorityShares = (result: ReturnType<typeof run>) =>
    result.snapshots.filter((s) => s.step > 1000).map((s) => Math.min(...shareNearModes(data, s.samples).modes));

  it('trainGan1d is deterministic for a seed and snapshots every snapshotEvery steps', () => {
    const a = trainGan1d({ data, grid: [0], steps: 120, snapshotEvery: 50, sampleCount: 10 });
    const b = trainGan1d({ data, grid: [0], steps: 120, snapshotEvery: 50, sampleCount: 10 });
    expect(a.snapshots.map((s) => s.step)).toEqual([0, 50, 100, 120]);
    expect(Array.from(a.lossD)).toEqual(Array.from(b.lossD));
    expect(Array.from(a.snapshots[3].samples)).toEqual(Array.from(b.snapshots[3].samples));
  });

  it('gan1dSteps: each snapshot it yields carries the losses of every update so far, as the finished run reports them', () => {
    const options = { data, grid: [0], steps: 120, snapshotEvery: 50, sampleCount: 10 };
    const steps = gan1dSteps(options);
    const seen: { step: number; lossesD: number[]; lossesG: number[] }[] = [];
    // Copied when yielded: what a reader of a running game sees then.
    for (let next = steps.next(); !next.done; next = steps.next()) seen.push({ step: next.value.step, lossesD: Array.from(next.value.lossesD), lossesG: Array.from(next.value.lossesG) });
    const finished = trainGan1d(options);
    expect(seen.map((s) => [s.step, s.lossesD.length, s.lossesG.length])).toEqual([[0, 0, 0], [50, 50, 50], [100, 100, 100], [120, 120, 120]]);
    for (const s of seen) {
      expect(s.lossesD).toEqual(Array.from(finished.lossD.subarray(0, s.step)));
      expect(s.lossesG).toEqual(Array.from(finished.lossG.subarray(0, s.step)));
    }
  });

  it('a generator 20× faster than D collapses onto one mode at a time; the minibatch-std input makes it cover both', () => {
    const collapsed = minorityShares(run({ lrG: 0.02, lrD: 0.001 }));
    const fixed = minorityShares(run({ lrG: 0.02, lrD: 0.001, minibatchStd: true }));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(collapsed)).toBeLessThan(0.1);
    expect(mean(fixed)).toBeGreaterThan(0.3);
  });

  it('gan1dSteps names a bad option', () => {
    expect(() => trainGan1d({ data, grid: [0], lrG: 0 })).toThrow(/lrG must be a positive learning rate/);
    expect(() => trainGan1d({ data, grid: [0], dStepsPerG: 1.5 })).toThrow(/dStepsPerG must be a positive integer/);
  });
});
