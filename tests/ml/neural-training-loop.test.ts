import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMLP, createOptimizer, learningRateAt, makeMoons, miniBatchSteps, train } from '../../src/ml/index.ts';

// Made by tests/ml/fixtures/make_training_loop.py (numpy: PyTorch's cosine schedule and AdamW written out).
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/training-loop.json'), 'utf8'));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const weightsOf = (model: tf.LayersModel) => model.getWeights().map((w) => Array.from(w.dataSync()));

describe('the schedule and the optimiser against numpy', () => {
  it('learningRateAt warms up linearly, then follows PyTorch\'s cosine annealing to 0', () => {
    const { learningRate, totalSteps, warmup, lrs, cosineOnly } = fixture.schedule;
    lrs.forEach((lr: number, t: number) => expect(learningRateAt(t, totalSteps, { learningRate, schedule: 'cosine', warmup })).toBeCloseTo(lr, 12));
    cosineOnly.forEach((lr: number, t: number) => expect(learningRateAt(t, totalSteps, { learningRate, schedule: 'cosine' })).toBeCloseTo(lr, 12));
  });

  it('createOptimizer("adamw") follows PyTorch\'s AdamW step by step at the scheduled learning rates', () => {
    const { W0, b0, grads, lrs, weightDecay, path } = fixture.adamw;
    const W = tf.variable(tf.tensor2d(W0)), b = tf.variable(tf.tensor1d(b0));
    const optimizer = createOptimizer('adamw', { weightDecay });
    (grads as [number[][], number[]][]).forEach(([gW, gb], t) => {
      tf.tidy(() => optimizer.step([W, b], [tf.tensor2d(gW), tf.tensor1d(gb)], lrs[t]));
      const [expectedW, expectedB] = path[t];
      Array.from(W.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expectedW.flat()[i], 5));
      Array.from(b.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expectedB[i], 5));
    });
    optimizer.dispose();
    W.dispose();
    b.dispose();
  });
});

/** The loss of a 2-3-1 tanh network with a sigmoid output on a batch, in float64: the hand computation. */
function float64Loss(weights: number[][], X: number[][], y: number[]): number {
  const [W1, b1, W2, b2] = weights; // W1 is 2×3 row-major, W2 is 3×1
  let sum = 0;
  X.forEach((x, r) => {
    const h = [0, 1, 2].map((j) => Math.tanh(x[0] * W1[j] + x[1] * W1[3 + j] + b1[j]));
    const z = h[0] * W2[0] + h[1] * W2[1] + h[2] * W2[2] + b2[0];
    const p = 1 / (1 + Math.exp(-z));
    sum -= y[r] === 1 ? Math.log(p) : Math.log(1 - p);
  });
  return sum / X.length;
}

/** ∂L/∂w for every weight by central differences of float64Loss: (L(w + h) − L(w − h)) / 2h. */
function centralDifferences(weights: number[][], X: number[][], y: number[], h = 1e-6): number[][] {
  return weights.map((tensor, t) => tensor.map((_, i) => {
    const shifted = (delta: number) => weights.map((w, s) => (s === t ? w.map((v, k) => (k === i ? v + delta : v)) : w));
    return (float64Loss(shifted(h), X, y) - float64Loss(shifted(-h), X, y)) / (2 * h);
  }));
}

describe('miniBatchSteps', () => {
  const { X, y } = makeMoons({ nSamples: 40, noise: 0.1, seed: 3 });

  it('miniBatchSteps takes one SGD step w − η·g with g the central-difference gradient of the batch loss', () => {
    const model = buildMLP({ inputDim: 2, hidden: [3], activation: 'tanh', seed: 5 });
    const before = weightsOf(model);
    const eta = 0.5;
    const [step] = miniBatchSteps(model, X, y, { epochs: 1, batchSize: 40, optimizer: 'sgd', learningRate: eta });
    const batchX = step.batch.map((i) => X[i]), batchY = step.batch.map((i) => y[i]);
    const g = centralDifferences(before, batchX, batchY);
    const after = weightsOf(model);
    after.forEach((w, t) => w.forEach((v, i) => expect(v).toBeCloseTo(before[t][i] - eta * g[t][i], 5)));
    expect(step.loss).toBeCloseTo(float64Loss(before, batchX, batchY), 5);
    expect(step.gradNorm).toBeCloseTo(Math.hypot(...g.flat()), 5);
    // Per layer: ‖∂L/∂W‖ of each dense kernel alone (weights are [W₁, b₁, W₂, b₂]), biases left out.
    expect(step.layerGradNorms).toHaveLength(2);
    expect(step.layerGradNorms[0]).toBeCloseTo(Math.hypot(...g[0]), 5);
    expect(step.layerGradNorms[1]).toBeCloseTo(Math.hypot(...g[2]), 5);
    expect(step.clipScale).toBe(1);
    model.dispose();
  });

  it('miniBatchSteps clips the gradient by its global norm before the step', () => {
    const model = buildMLP({ inputDim: 2, hidden: [3], activation: 'tanh', seed: 5 });
    const before = weightsOf(model);
    const [step] = miniBatchSteps(model, X, y, { epochs: 1, batchSize: 40, optimizer: 'sgd', learningRate: 1, clipNorm: 0.01 });
    const moved = Math.hypot(...weightsOf(model).flat().map((v, i) => v - before.flat()[i]));
    expect(step.gradNorm).toBeGreaterThan(0.01);
    expect(step.clipScale).toBeCloseTo(0.01 / step.gradNorm, 6);
    expect(moved).toBeCloseTo(0.01, 5); // ‖Δw‖ = η · clipNorm
    model.dispose();
  });

  it('miniBatchSteps uses every row once per epoch and ends each epoch on its last batch', () => {
    const model = buildMLP({ inputDim: 2, hidden: [4], seed: 1 });
    const steps = [...miniBatchSteps(model, X, y, { epochs: 2, batchSize: 16 })];
    expect(steps.map((s) => [s.step, s.epoch, s.endOfEpoch, s.batch.length])).toEqual([
      [1, 1, false, 16], [2, 1, false, 16], [3, 1, true, 8], [4, 2, false, 16], [5, 2, false, 16], [6, 2, true, 8],
    ]);
    for (const epoch of [1, 2]) {
      expect(steps.filter((s) => s.epoch === epoch).flatMap((s) => s.batch).sort((a, b) => a - b)).toEqual(X.map((_, i) => i));
    }
    model.dispose();
  });

  it('miniBatchSteps takes the same steps as trainSteps for the same seed (AdamW, cosine, warm-up, clipping, dropout, batch norm)', async () => {
    const options = { epochs: 3, batchSize: 16, optimizer: 'adamw' as const, learningRate: 0.05, schedule: 'cosine' as const, warmup: 2, clipNorm: 0.5, weightDecay: 0.05, seed: 9 };
    const net = () => buildMLP({ inputDim: 2, hidden: [6, 6], dropout: 0.2, batchNorm: true, l2: 0.001, seed: 4 });
    const byStep = net(), byEpoch = net();
    const steps = [...miniBatchSteps(byStep, X, y, options)];
    const history = await train(byEpoch, X, y, options);
    history.forEach((report) => {
      const epochSteps = steps.filter((s) => s.epoch === report.epoch);
      expect(epochSteps.reduce((s, st) => s + st.loss, 0) / epochSteps.length).toBeCloseTo(report.loss, 6);
      expect(epochSteps.at(-1)!.learningRate).toBeCloseTo(report.learningRate, 12);
      // trainSteps reports each layer's gradient norm averaged over the epoch's steps.
      expect(report.layerGradNorms).toHaveLength(3);
      report.layerGradNorms.forEach((v, l) => expect(epochSteps.reduce((s, st) => s + st.layerGradNorms[l], 0) / epochSteps.length).toBeCloseTo(v, 6));
    });
    const a = weightsOf(byStep).flat(), b = weightsOf(byEpoch).flat();
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 6));
    byStep.dispose();
    byEpoch.dispose();
  });

  it('miniBatchSteps frees its tensors when the loop stops early', () => {
    const model = buildMLP({ inputDim: 2, hidden: [4], seed: 1 });
    const before = tf.memory().numTensors;
    for (const step of miniBatchSteps(model, X, y, { epochs: 5, batchSize: 8, optimizer: 'adamw' })) if (step.step === 3) break;
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('miniBatchSteps says what is wrong with its options and data', () => {
    const model = buildMLP({ inputDim: 2, hidden: [4], seed: 1 });
    expect(() => miniBatchSteps(model, X, y, { batchSize: 0 }).next()).toThrow('miniBatchSteps: batchSize must be a whole number ≥ 1, got 0');
    expect(() => miniBatchSteps(model, X, y, { clipNorm: -1 }).next()).toThrow('clipNorm must be > 0 or null');
    expect(() => miniBatchSteps(model, [[1, 2, 3]], [1]).next()).toThrow('X rows have 3 features but the model expects 2');
    expect(() => miniBatchSteps(model, X, X.map(() => 2)).next()).toThrow('a sigmoid output needs labels 0 or 1');
    model.dispose();
  });
});

describe('buildMLP batchNormMomentum', () => {
  it('buildMLP gives its batch-norm layers the running-statistics momentum asked for, 0.99 by default', () => {
    const momentum = (model: tf.Sequential) => model.layers.filter((l) => l.getClassName() === 'BatchNormalization').map((l) => l.getConfig().momentum);
    const shortMemory = buildMLP({ inputDim: 2, hidden: [4, 4], batchNorm: true, batchNormMomentum: 0.9 });
    const keras = buildMLP({ inputDim: 2, hidden: [4], batchNorm: true });
    expect(momentum(shortMemory)).toEqual([0.9, 0.9]);
    expect(momentum(keras)).toEqual([0.99]);
    expect(() => buildMLP({ inputDim: 2, batchNorm: true, batchNormMomentum: 1 })).toThrow('buildMLP: batchNormMomentum must be in [0, 1), got 1');
    shortMemory.dispose();
    keras.dispose();
  });
});
