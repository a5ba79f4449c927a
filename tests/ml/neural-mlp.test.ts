import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SeededDropout, buildMLP, createOptimizer, learningRateAt, rng, train, trainSteps, variableOf } from '../../src/ml/index.ts';

/** Two interleaving half circles (scikit-learn's make_moons), inline: src/ml/data is someone else's work in progress. */
function moons(n: number, noise: number, seed: number): { X: number[][]; y: number[] } {
  const r = rng(seed);
  const X: number[][] = [], y: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = Math.PI * r.next(), label = i % 2;
    const [a, b] = label === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    X.push([a + r.normal(0, noise), b + r.normal(0, noise)]);
    y.push(label);
  }
  return { X, y };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('buildMLP', () => {
  it('buildMLP stacks dense, batch-norm, activation and dropout layers as asked', () => {
    const model = buildMLP({ inputDim: 2, hidden: [8, 4], outputDim: 3, batchNorm: true, dropout: 0.2 });
    expect(model.layers.map((l) => l.getClassName())).toEqual([
      'Dense', 'BatchNormalization', 'Activation', 'SeededDropout',
      'Dense', 'BatchNormalization', 'Activation', 'SeededDropout', 'Dense',
    ]);
    expect(model.outputs[0].shape).toEqual([null, 3]);
    expect(model.layers.at(-1)!.getConfig().activation).toBe('softmax');
    expect(buildMLP({ inputDim: 2 }).layers.at(-1)!.getConfig().activation).toBe('sigmoid');
    // weights: 2·8+8 + 8·4+4 + 4·3+3, plus γ, β (trainable) and moving mean/variance per batch-norm layer
    expect(model.countParams()).toBe(24 + 36 + 15 + 4 * 8 + 4 * 4);
    model.dispose();
  });

  it('buildMLP draws the same initial weights for the same seed and different ones for another', () => {
    const weights = (seed: number) => {
      const m = buildMLP({ inputDim: 3, hidden: [5], seed });
      const w = m.getWeights().map((t) => Array.from(t.dataSync()));
      m.dispose();
      return w;
    };
    expect(weights(7)).toEqual(weights(7));
    expect(weights(7)[0]).not.toEqual(weights(8)[0]);
  });

  it('buildMLP rejects bad options with what to use instead', () => {
    expect(() => buildMLP({ inputDim: 0 })).toThrow(/inputDim must be a whole number ≥ 1/);
    expect(() => buildMLP({ inputDim: 2, hidden: [4, 0] })).toThrow(/hidden must be a list of layer widths ≥ 1, e.g. \[16, 16\]; got \[4,0\]/);
    expect(() => buildMLP({ inputDim: 2, activation: 'softplus' as 'relu' })).toThrow(/activation must be one of leakyRelu, relu/);
    expect(() => buildMLP({ inputDim: 2, dropout: 1 })).toThrow(/dropout must be in \[0, 1\), got 1/);
  });
});

describe('trainSteps', () => {
  const train1 = moons(200, 0.15, 1), test1 = moons(200, 0.15, 2);

  it('an MLP trained with AdamW, cosine schedule and clipping reaches ≥ 95 % test accuracy on moons, leaking no tensors', async () => {
    const model = buildMLP({ inputDim: 2, hidden: [16, 16], activation: 'relu', seed: 0 });
    const before = tf.memory().numTensors;
    const history = await train(model, train1.X, train1.y, {
      epochs: 40, batchSize: 32, optimizer: 'adamw', learningRate: 0.03, schedule: 'cosine', warmup: 10, clipNorm: 5,
      validationData: [test1.X, test1.y],
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(history).toHaveLength(40);
    const last = history.at(-1)!;
    expect(last.valAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(last.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(last.loss).toBeLessThan(history[0].loss / 3);
    expect(last.valLoss).toBeLessThan(0.2);
    expect(last.learningRate).toBeLessThan(0.001); // the cosine schedule has decayed to ~0
    model.dispose();
  });

  it('trainSteps is reproducible for a seed and frees its tensors when the loop stops early', async () => {
    const run = async () => {
      const model = buildMLP({ inputDim: 2, hidden: [8], dropout: 0.1, batchNorm: true, seed: 3 });
      const before = tf.memory().numTensors;
      const losses: number[] = [];
      for await (const step of trainSteps(model, train1.X, train1.y, { epochs: 10, seed: 5 })) {
        losses.push(step.loss);
        if (step.epoch === 3) break;
      }
      expect(tf.memory().numTensors).toBe(before);
      model.dispose();
      return losses;
    };
    const a = await run();
    expect(a).toHaveLength(3);
    expect(await run()).toEqual(a);
  });

  it('trainSteps trains a softmax output on integer classes', async () => {
    const r = rng(4);
    const centers = [[0, 0], [3, 0], [0, 3]];
    const X: number[][] = [], y: number[] = [];
    for (let i = 0; i < 90; i++) {
      const c = i % 3;
      X.push([centers[c][0] + r.normal(0, 0.5), centers[c][1] + r.normal(0, 0.5)]);
      y.push(c);
    }
    const model = buildMLP({ inputDim: 2, hidden: [8], outputDim: 3 });
    const history = await train(model, X, y, { epochs: 25, learningRate: 0.05 });
    expect(history.at(-1)!.accuracy).toBeGreaterThanOrEqual(0.95);
    model.dispose();
  });

  it('trainSteps adds the L2 penalty of the layers to the loss', async () => {
    const firstLoss = async (l2: number) => {
      const model = buildMLP({ inputDim: 2, hidden: [8], l2, seed: 1 });
      const [step] = await train(model, train1.X, train1.y, { epochs: 1, batchSize: 200, optimizer: 'sgd', learningRate: 1e-9 });
      const kernels = model.getWeights().filter((w) => w.rank === 2).map((w) => w.square().sum().dataSync()[0]);
      model.dispose();
      return { loss: step.loss, sumSquares: kernels.reduce((a, b) => a + b, 0) };
    };
    const plain = await firstLoss(0), penalised = await firstLoss(0.01);
    expect(penalised.loss - plain.loss).toBeCloseTo(0.01 * plain.sumSquares, 4);
  });

  it('trainSteps clips the global gradient norm to clipNorm', async () => {
    const model = buildMLP({ inputDim: 2, hidden: [8], seed: 2 });
    const w0 = model.getWeights().map((w) => Array.from(w.dataSync()));
    const [step] = await train(model, train1.X, train1.y, { epochs: 1, batchSize: 200, optimizer: 'sgd', learningRate: 0.1, clipNorm: 0.01 });
    const w1 = model.getWeights().map((w) => Array.from(w.dataSync()));
    const moved = Math.sqrt(w0.flat().reduce((s, v, i) => s + (v - w1.flat()[i]) ** 2, 0));
    expect(step.gradNorm).toBeGreaterThan(0.01);
    expect(moved).toBeCloseTo(0.1 * 0.01, 6); // ‖Δw‖ = lr · clipNorm
    model.dispose();
  });

  it('trainSteps fits a linear output with mean squared error', async () => {
    const X = Array.from({ length: 64 }, (_, i) => [i / 32 - 1]);
    const y = X.map(([x]) => 2 * x - 0.5);
    const model = buildMLP({ inputDim: 1, hidden: [], outputActivation: 'linear', seed: 0 });
    const history = await train(model, X, y, { epochs: 60, batchSize: 16, learningRate: 0.1 });
    expect(history.at(-1)!.loss).toBeLessThan(1e-3);
    expect(history.at(-1)!.accuracy).toBeUndefined();
    const [w, b] = model.getWeights().map((t) => t.dataSync()[0]);
    expect(w).toBeCloseTo(2, 1);
    expect(b).toBeCloseTo(-0.5, 1);
    model.dispose();
  });

  it('trainSteps says what is wrong with the data', async () => {
    const model = buildMLP({ inputDim: 2 });
    await expect(train(model, [[1, 2, 3]], [1])).rejects.toThrow(/X rows have 3 features but the model expects 2/);
    await expect(train(model, [[1, 2], [3, 4]], [0, 2])).rejects.toThrow(/y\[1\] = 2; a sigmoid output needs labels 0 or 1/);
    await expect(train(model, [[1, 2]], [1], { batchSize: 0 })).rejects.toThrow(/batchSize must be a whole number ≥ 1, got 0/);
    model.dispose();
  });
});

describe('optimisers and schedules', () => {
  it('createOptimizer("adamw") takes a bias-corrected Adam step plus decoupled weight decay', () => {
    const start = tf.memory().numTensors;
    const w = variableOf(() => tf.tensor2d([[1, -2]]));
    const g = tf.tensor2d([[0.5, -1]]);
    const opt = createOptimizer('adamw', { weightDecay: 0.1 });
    opt.step([w], [g], 0.01);
    // Step 1: m̂ = g, v̂ = g², so the Adam step is g/|g| = sign(g); decay adds λw.
    const expected = [1 - 0.01 * (1 + 0.1 * 1), -2 - 0.01 * (-1 + 0.1 * -2)];
    Array.from(w.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
    opt.dispose();
    tf.dispose([w, g]);
    expect(tf.memory().numTensors).toBe(start); // the moment estimates m, v were freed by dispose()
  });

  it('createOptimizer("sgd") with momentum accumulates velocity v ← μv + g', () => {
    const w = tf.variable(tf.tensor1d([0]));
    const g = tf.tensor1d([1]);
    const opt = createOptimizer('sgd', { momentum: 0.9 });
    opt.step([w], [g], 0.1); // v = 1, w = −0.1
    opt.step([w], [g], 0.1); // v = 1.9, w = −0.29
    expect(w.dataSync()[0]).toBeCloseTo(-0.29, 6);
    opt.dispose();
    w.dispose();
    g.dispose();
  });

  it('learningRateAt warms up linearly, then follows the cosine down to 0', () => {
    const o = { learningRate: 1, schedule: 'cosine' as const, warmup: 10 };
    expect(learningRateAt(0, 110, o)).toBeCloseTo(0.1, 15);
    expect(learningRateAt(9, 110, o)).toBe(1);
    expect(learningRateAt(10, 110, o)).toBe(1);
    expect(learningRateAt(60, 110, o)).toBeCloseTo(0.5, 15);
    expect(learningRateAt(110, 110, o)).toBeCloseTo(0, 15);
    expect(learningRateAt(50, 110, { learningRate: 0.3 })).toBe(0.3);
  });
});

describe('SeededDropout', () => {
  it('SeededDropout zeroes about rate of the units in training, rescales the rest, and is the identity at inference', () => {
    const layer = new SeededDropout({ rate: 0.25, seed: 1 });
    const x = tf.ones([100, 40]);
    const y = layer.apply(x, { training: true }) as tf.Tensor;
    const values = Array.from(y.dataSync());
    const dropped = values.filter((v) => v === 0).length / values.length;
    expect(Math.abs(dropped - 0.25)).toBeLessThan(0.03);
    expect(values.filter((v) => v !== 0).every((v) => Math.abs(v - 1 / 0.75) < 1e-6)).toBe(true);
    const y2 = layer.apply(x, { training: true }) as tf.Tensor;
    expect(Array.from(y2.dataSync())).not.toEqual(values); // a fresh mask every call
    const inference = layer.apply(x, { training: false }) as tf.Tensor;
    expect(Array.from(inference.dataSync()).every((v) => v === 1)).toBe(true);
    tf.dispose([x, y, y2]);
  });
});
