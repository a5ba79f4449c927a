import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PrototypeClassifier, buildMLP, countModelParameters, embedRows, makeTransferTasks, predictClassIndices, sampleSupportSet,
  snapshotDenseModel, trainFewShot, transferModel,
} from '../../src/ml/index.ts';

/** scikit-learn's NearestCentroid on two sets of blobs (fixtures/make_prototype_classifier.py). */
interface Case {
  name: string; supportX: number[][]; supportY: number[]; queryX: number[][]; queryY: number[];
  classes: number[]; centroids: number[][]; predictions: number[]; squaredDistances: number[][]; accuracy: number;
}
const { cases } = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/prototype-classifier.json'), 'utf8')) as { cases: Case[] };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('PrototypeClassifier', () => {
  it.each(cases.map((c) => [c.name, c] as const))('PrototypeClassifier matches scikit-learn NearestCentroid: %s', (_, c) => {
    const model = new PrototypeClassifier().fit(c.supportX, c.supportY);
    expect(model.classes).toEqual(c.classes);
    model.prototypes!.forEach((p, k) => p.forEach((v, j) => expect(v).toBeCloseTo(c.centroids[k][j], 10)));
    model.squaredDistances(c.queryX).forEach((row, i) => row.forEach((v, k) => expect(v).toBeCloseTo(c.squaredDistances[i][k], 8)));
    expect(model.predict(c.queryX)).toEqual(c.predictions);
    expect(model.score(c.queryX, c.queryY)).toBeCloseTo(c.accuracy, 12);
  });

  it('PrototypeClassifier.predictProba is a softmax of the negative squared distances, largest at the predicted class', () => {
    const c = cases[0];
    const model = new PrototypeClassifier().fit(c.supportX, c.supportY);
    const proba = model.predictProba(c.queryX);
    proba.forEach((p, i) => {
      expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      expect(c.classes[p.indexOf(Math.max(...p))]).toBe(c.predictions[i]);
      const d = c.squaredDistances[i];
      // p_a / p_b = exp(d_b − d_a)
      expect(Math.log(p[0] / p[1])).toBeCloseTo(d[1] - d[0], 6);
    });
  });

  it('PrototypeClassifier says what is wrong with its input', () => {
    expect(() => new PrototypeClassifier().fit([[0], [1]], [3, 3])).toThrow(/at least 2 classes/);
    expect(() => new PrototypeClassifier().predict([[0]])).toThrow(/fit/);
    const model = new PrototypeClassifier().fit([[0, 0], [1, 1]], [0, 1]);
    expect(() => model.predict([[0, 0, 0]])).toThrow(/3 features but the prototypes were fitted on 2/);
  });
});

describe('sampleSupportSet', () => {
  const y = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1];
  it('sampleSupportSet takes `shots` distinct examples of every class, class by class, nested as shots grow', () => {
    const three = sampleSupportSet(y, 3, 7);
    expect(three.map((i) => y[i])).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect(new Set(three).size).toBe(9);
    const four = sampleSupportSet(y, 4, 7);
    expect([0, 1, 2].flatMap((k) => four.slice(4 * k, 4 * k + 3))).toEqual(three);
    expect(sampleSupportSet(y, 3, 8)).not.toEqual(three);
    expect(sampleSupportSet(y, 3, 7)).toEqual(three);
  });

  it('sampleSupportSet refuses more shots than a class has examples', () => {
    expect(() => sampleSupportSet(y, 5, 0)).toThrow(/class 2 has 4 examples in the pool, fewer than 5 shots/);
  });
});

describe('makeTransferTasks', () => {
  it('makeTransferTasks draws the same tasks for a seed, balanced classes, and new classes on the same hidden plane', () => {
    const a = makeTransferTasks({ seed: 3, sourcePerClass: 10, targetPoolPerClass: 5, targetTestPerClass: 6 });
    const b = makeTransferTasks({ seed: 3, sourcePerClass: 10, targetPoolPerClass: 5, targetTestPerClass: 6 });
    expect(a.source.X).toEqual(b.source.X);
    expect(a.source.X).toHaveLength(80);
    expect(a.targetPool.y.filter((c) => c === 3)).toHaveLength(5);
    expect(a.targetTest.X[0]).toHaveLength(16);
    expect(makeTransferTasks({ seed: 4, sourcePerClass: 10 }).source.X[0]).not.toEqual(a.source.X[0]);
    // Target centres lie between the source ones, closer to the middle: no target class is a source class.
    const radius = (p: number[]) => Math.hypot(p[0], p[1]);
    expect(a.sourceCenters.map(radius).every((r) => Math.abs(r - 3) < 1e-12)).toBe(true);
    expect(a.targetCenters.map(radius).every((r) => Math.abs(r - 1.6) < 1e-12)).toBe(true);
    // The rotation Q keeps lengths: without nuisance, ‖x‖ = ‖s‖ ≤ 2√6.
    const clean = makeTransferTasks({ seed: 3, nuisanceStd: 0, sourcePerClass: 5 });
    expect(Math.max(...clean.source.X.map((x) => Math.hypot(...x)))).toBeLessThanOrEqual(2 * Math.sqrt(6) + 1e-9);
  });
});

describe('transferModel and trainFewShot', () => {
  const tasks = makeTransferTasks({ seed: 1, sourcePerClass: 30, targetPoolPerClass: 10, targetTestPerClass: 10 });
  const weightsOf = (layer: tf.layers.Layer) => layer.getWeights().map((w) => Array.from(w.dataSync()));

  it('transferModel: frozen trains only the new head, fine-tune starts from the pre-trained weights, scratch from others; the pre-trained model never changes', () => {
    const before = tf.memory().numTensors;
    const pretrained = buildMLP({ inputDim: 16, hidden: [12, 6], activation: 'tanh', outputDim: 8, seed: 2 });
    const original = pretrained.layers.map(weightsOf);
    const support = sampleSupportSet(tasks.targetPool.y, 3, 0);
    const X = support.map((i) => tasks.targetPool.X[i]), y = support.map((i) => tasks.targetPool.y[i]);
    const changed = (model: tf.Sequential) => model.layers.map((layer) => ({ start: weightsOf(layer) }));
    for (const start of ['frozen', 'fine-tune', 'scratch'] as const) {
      const model = transferModel(pretrained, { classes: 4, start, seed: 5 });
      expect(model.layers.map((l) => l.trainable)).toEqual(start === 'frozen' ? [false, false, true] : [true, true, true]);
      // 16·12 + 12 and 12·6 + 6 in the body, 6·4 + 4 in the head
      expect(countModelParameters(model)).toEqual({ trainable: start === 'frozen' ? 28 : 310, total: 310 });
      const atStart = changed(model);
      if (start === 'scratch') expect(atStart[0].start[0]).not.toEqual(original[0][0]);
      else expect(atStart.slice(0, 2).map((l) => l.start)).toEqual(original.slice(0, 2));
      const losses = trainFewShot(model, X, y, { epochs: 25, learningRate: 0.05 });
      expect(losses).toHaveLength(25);
      expect(losses.at(-1)!).toBeLessThan(losses[0]);
      const bodyMoved = [0, 1].map((i) => weightsOf(model.layers[i])[0].some((v, j) => v !== atStart[i].start[0][j]));
      expect(bodyMoved).toEqual(start === 'frozen' ? [false, false] : [true, true]);
      expect(weightsOf(model.layers[2])[0]).not.toEqual(atStart[2].start[0]);
      expect(predictClassIndices(model, X).every((c) => c >= 0 && c < 4)).toBe(true);
      model.dispose();
    }
    expect(pretrained.layers.map(weightsOf)).toEqual(original);
    const embedded = embedRows(pretrained, tasks.targetTest.X);
    expect(embedded).toHaveLength(40);
    expect(embedded[0]).toHaveLength(6);
    pretrained.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('snapshotDenseModel keeps the weights as plain data: transferModel and embedRows give from it what they give from the model', () => {
    const before = tf.memory().numTensors;
    const pretrained = buildMLP({ inputDim: 16, hidden: [12, 6], activation: 'tanh', outputDim: 8, seed: 3 });
    const snapshot = snapshotDenseModel(pretrained);
    expect(snapshot.inputDim).toBe(16);
    expect(snapshot.layers.map((l) => [l.units, l.activation, l.kernel.length, l.bias.length])).toEqual([[12, 'tanh', 16, 12], [6, 'tanh', 12, 6], [8, 'softmax', 6, 8]]);
    const fromModel = transferModel(pretrained, { classes: 3, start: 'fine-tune', seed: 1 });
    const fromSnapshot = transferModel(snapshot, { classes: 3, start: 'fine-tune', seed: 1 });
    expect(fromSnapshot.layers.map(weightsOf)).toEqual(fromModel.layers.map(weightsOf));
    // The embedding is the output of the last hidden layer of the tf.js model itself.
    const X = tasks.targetTest.X.slice(0, 5);
    const direct = tf.tidy(() => (pretrained.layers[1].apply(pretrained.layers[0].apply(tf.tensor2d(X))) as tf.Tensor).arraySync() as number[][]);
    const embedded = embedRows(snapshot, X);
    embedded.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(direct[i][j], 6)));
    expect(embedRows(pretrained, X)).toEqual(embedded);
    for (const m of [pretrained, fromModel, fromSnapshot]) m.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => embedRows(snapshot, [[1, 2]])).toThrow(/2 features but the model expects 16/);
  });

  it('transferModel and trainFewShot say what is wrong', () => {
    const pretrained = buildMLP({ inputDim: 16, hidden: [], outputDim: 8 });
    expect(() => transferModel(pretrained, { classes: 4, start: 'frozen' })).toThrow(/no hidden layer to reuse/);
    const withDropout = buildMLP({ inputDim: 16, hidden: [4], outputDim: 8, dropout: 0.5 });
    expect(() => transferModel(withDropout, { classes: 4, start: 'frozen' })).toThrow(/can copy dense layers only/);
    const ok = buildMLP({ inputDim: 16, hidden: [4], outputDim: 8 });
    const model = transferModel(ok, { classes: 3, start: 'frozen' });
    expect(() => trainFewShot(model, tasks.targetPool.X.slice(0, 4), [0, 1, 2, 3])).toThrow(/y\[3\] = 3, but the model's head has classes 0 to 2/);
    model.layers.at(-1)!.trainable = false;
    expect(() => trainFewShot(model, tasks.targetPool.X.slice(0, 3), [0, 1, 2])).toThrow(/every layer is frozen/);
    for (const m of [pretrained, withDropout, ok, model]) m.dispose();
  });
});
