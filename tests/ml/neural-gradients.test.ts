import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMLP, clipByGlobalNorm, clipByValue, denseKernels, globalNorm, layerGradientNorms } from '../../src/ml/index.ts';

/** numpy's hand-written backprop on the same weights (fixtures/make_vanishing_gradients.py). */
interface Case { activation: 'sigmoid' | 'tanh' | 'relu'; residual: boolean; batchNorm: boolean; scale: number; loss: number; norms: number[] }
const numpy = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/vanishing_gradients.json'), 'utf8')) as {
  X: number[][]; y: number[]; depth: number; width: number; kernels: number[][][]; biases: number[][]; cases: Case[];
  clipping: { grads: number[][]; norm: number; byNorm: { maxNorm: number; scale: number; clipped: number[][] }[]; byValue1: number[][] };
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The fixture's network as a TF.js model: the fixture's kernels (times scale) and biases in every dense layer. */
function modelOf(c: Case): tf.LayersModel {
  const model = buildMLP({ inputDim: 3, hidden: Array(numpy.depth).fill(numpy.width), activation: c.activation, batchNorm: c.batchNorm, residual: c.residual, seed: 1 });
  const dense = model.layers.filter((l) => l.getClassName() === 'Dense');
  expect(dense).toHaveLength(numpy.depth + 1);
  dense.forEach((layer, l) => layer.setWeights([tf.tensor2d(numpy.kernels[l]).mul(c.scale), tf.tensor1d(numpy.biases[l])]));
  return model;
}

const relativeGap = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('layerGradientNorms', () => {
  it('layerGradientNorms gives numpy\'s per-layer ‖∂L/∂W‖ to 1e-5 (relative) for plain, batch-norm and residual MLPs, leaking no tensors', () => {
    for (const c of numpy.cases) {
      const model = modelOf(c);
      const before = tf.memory().numTensors;
      const norms = layerGradientNorms(model, numpy.X, numpy.y);
      expect(tf.memory().numTensors).toBe(before);
      const what = `${c.activation} residual=${c.residual} batchNorm=${c.batchNorm} scale=${c.scale}`;
      expect(norms, what).toHaveLength(numpy.depth + 1);
      norms.forEach((v, l) => expect(relativeGap(v, c.norms[l]), `${what}, layer ${l + 1}`).toBeLessThan(1e-5));
      model.dispose();
    }
  });

  it('layerGradientNorms shows the vanishing: a deep sigmoid net\'s first layer gets ~1/1000 of the output layer\'s gradient, a residual one does not', () => {
    const plain = numpy.cases.find((c) => c.activation === 'sigmoid' && !c.residual && !c.batchNorm)!;
    const residual = numpy.cases.find((c) => c.activation === 'sigmoid' && c.residual)!;
    expect(plain.norms[0] / plain.norms[numpy.depth]).toBeLessThan(1e-3);
    expect(residual.norms[0] / residual.norms[numpy.depth]).toBeGreaterThan(0.03);
  });

  it('layerGradientNorms does not change the weights and says what is wrong with the data', () => {
    const model = modelOf(numpy.cases[0]);
    const weights = () => model.getWeights().map((w) => Array.from(w.dataSync()));
    const start = weights();
    layerGradientNorms(model, numpy.X, numpy.y);
    expect(weights()).toEqual(start);
    expect(() => layerGradientNorms(model, [[1, 2]], [1])).toThrow(/X rows have 2 features but the model expects 3/);
    expect(() => layerGradientNorms(model, numpy.X, numpy.y.map(() => 2))).toThrow(/a sigmoid output needs labels 0 or 1/);
    expect(denseKernels(model).map((k) => k.kernel.shape)).toEqual([[3, 8], ...Array(5).fill([8, 8]), [8, 1]]);
    model.dispose();
  });
});

describe('buildMLP with residual: true', () => {
  it('a residual buildMLP starts from the plain one\'s weights for the same options and adds each block\'s input back', () => {
    const options = { inputDim: 3, hidden: [4, 4, 4], activation: 'tanh' as const, seed: 5 };
    const plain = buildMLP(options), residual = buildMLP({ ...options, residual: true });
    const kernels = (m: tf.LayersModel) => denseKernels(m).map((k) => Array.from(k.kernel.dataSync()));
    expect(kernels(residual)).toEqual(kernels(plain));
    expect(residual.layers.filter((l) => l.getClassName() === 'Add')).toHaveLength(2);
    // h₁ = tanh(xW₁ + b₁), h₂ = h₁ + tanh(h₁W₂ + b₂), h₃ = h₂ + tanh(h₂W₃ + b₃), ŷ = σ(h₃W₄ + b₄), by hand
    const x = [[0.3, -1.2, 0.8]];
    const [W1, b1, W2, b2, W3, b3, W4, b4] = residual.getWeights().map((w) => w.arraySync()) as number[][][];
    const layer = (h: number[], W: number[][], b: number[] | number[][]) => (b as number[]).map((bj, j) => bj + h.reduce((s, hi, i) => s + hi * W[i][j], 0));
    const h1 = layer(x[0], W1, b1).map(Math.tanh);
    const h2 = layer(h1, W2, b2).map((v, j) => h1[j] + Math.tanh(v));
    const h3 = layer(h2, W3, b3).map((v, j) => h2[j] + Math.tanh(v));
    const expected = 1 / (1 + Math.exp(-layer(h3, W4, b4)[0]));
    const got = tf.tidy(() => (residual.predict(tf.tensor2d(x)) as tf.Tensor).dataSync()[0]);
    expect(got).toBeCloseTo(expected, 6);
    plain.dispose();
    residual.dispose();
  });

  it('a residual buildMLP puts batch norm (with its momentum) and dropout inside each block, and rejects unequal widths', () => {
    const model = buildMLP({ inputDim: 2, hidden: [4, 4], batchNorm: true, batchNormMomentum: 0.9, dropout: 0.2, residual: true, seed: 3 });
    expect(model.layers.map((l) => l.getClassName())).toEqual([
      'InputLayer', 'Dense', 'BatchNormalization', 'Activation', 'SeededDropout',
      'Dense', 'BatchNormalization', 'Activation', 'SeededDropout', 'Add', 'Dense',
    ]);
    expect(model.layers.filter((l) => l.getClassName() === 'BatchNormalization').map((l) => l.getConfig().momentum)).toEqual([0.9, 0.9]);
    // Dropout seeds are drawn between the dense ones, in the plain network's order: the kernels still match it.
    const plain = buildMLP({ inputDim: 2, hidden: [4, 4], batchNorm: true, dropout: 0.2, seed: 3 });
    const kernels = (m: tf.LayersModel) => denseKernels(m).map((k) => Array.from(k.kernel.dataSync()));
    expect(kernels(model)).toEqual(kernels(plain));
    model.dispose();
    plain.dispose();
    const uneven = buildMLP({ inputDim: 2, hidden: [4, 8] }); // unequal widths are fine without skips
    expect(uneven.layers).toHaveLength(3);
    uneven.dispose();
    expect(() => buildMLP({ inputDim: 2, hidden: [4, 8], residual: true })).toThrow(/every hidden width must be equal; got \[4,8\]/);
    expect(() => buildMLP({ inputDim: 2, hidden: [], residual: true })).toThrow(/residual connections need at least one hidden layer/);
  });
});

describe('gradient clipping', () => {
  const { grads, norm, byNorm, byValue1 } = numpy.clipping;

  it('globalNorm and clipByGlobalNorm agree with numpy: one factor min(1, c/‖g‖) for every entry', () => {
    expect(globalNorm(grads)).toBeCloseTo(norm, 12);
    for (const c of byNorm) {
      const result = clipByGlobalNorm(grads, c.maxNorm);
      expect(result.norm).toBeCloseTo(norm, 12);
      expect(result.scale).toBeCloseTo(c.scale, 12);
      result.clipped.forEach((g, i) => g.forEach((v, j) => expect(v).toBeCloseTo(c.clipped[i][j], 12)));
      expect(globalNorm(result.clipped)).toBeCloseTo(Math.min(c.maxNorm, norm), 12);
    }
  });

  it('clipByValue clamps each entry on its own, which turns the vector', () => {
    const clipped = clipByValue(grads, 1);
    expect(clipped).toEqual(byValue1);
    const cosine = clipped.flat().reduce((s, v, i) => s + v * grads.flat()[i], 0) / (globalNorm(clipped) * globalNorm(grads));
    expect(cosine).toBeLessThan(0.9);
  });

  it('clipping says what is wrong with its input', () => {
    expect(() => clipByGlobalNorm(grads, 0)).toThrow(/maxNorm must be > 0, got 0/);
    expect(() => clipByValue(grads, -1)).toThrow(/limit must be > 0, got -1/);
    expect(() => clipByGlobalNorm([[1, Number.NaN]], 1)).toThrow(/grads\[0\]\[1\] is NaN/);
    expect(() => clipByValue([1, 2] as never, 1)).toThrow(/a list of arrays of numbers/);
  });
});
