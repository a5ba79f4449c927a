import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CharTransformer, TransformerBlock, corpora, geluTanh, geluTensor, layerNorm, layerNormTensor, perplexity, rng,
} from '../../src/ml/index.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('tensor building blocks', () => {
  it('layerNormTensor and geluTensor agree with the plain-array layerNorm and geluTanh', () => {
    const rows = [[1, 2, 3, 4], [0.5, -1, 2, 0]];
    const start = tf.memory().numTensors;
    const [ln, ge] = tf.tidy(() => {
      const x = tf.tensor3d([rows]);
      const gamma = tf.tensor1d([1, 2, 1, 0.5]), beta = tf.tensor1d([0, 0, 1, 1]);
      return [layerNormTensor(x, gamma, beta).arraySync()[0], geluTensor(x).arraySync()[0]];
    });
    expect(tf.memory().numTensors).toBe(start);
    const expected = layerNorm(rows, { gamma: [1, 2, 1, 0.5], beta: [0, 0, 1, 1] });
    ln.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 5)));
    ge.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(geluTanh(rows[i][j]), 5)));
  });
});

describe('TransformerBlock', () => {
  it('TransformerBlock with causal attention: changing a later token leaves earlier outputs unchanged', () => {
    const beforeBlock = tf.memory().numTensors;
    const block = new TransformerBlock({ dModel: 8, numHeads: 2 }, rng(0));
    const start = tf.memory().numTensors;
    expect(start - beforeBlock).toBe(12); // only the block's variables
    const r = rng(1);
    const values = Array.from({ length: 5 * 8 }, () => r.normal());
    const x = tf.tensor3d(values, [1, 5, 8]);
    const changed = values.slice();
    // Edit the last token only (not by a constant: layer norm would remove a uniform shift).
    for (let j = 0; j < 8; j++) changed[4 * 8 + j] += j - 3.5;
    const x2 = tf.tensor3d(changed, [1, 5, 8]);
    const run = (input: tf.Tensor3D, causal: boolean) => tf.tidy(() => block.apply(input, { causal }).arraySync()[0]);
    const [a, b] = [run(x, true), run(x2, true)];
    for (let t = 0; t < 4; t++) a[t].forEach((v, j) => expect(b[t][j]).toBeCloseTo(v, 5));
    expect(b[4]).not.toEqual(a[4]);
    // Without the mask the first token sees the last one too.
    const [c, d] = [run(x, false), run(x2, false)];
    expect(Math.abs(c[0][0] - d[0][0]) + Math.abs(c[0][1] - d[0][1])).toBeGreaterThan(1e-4);
    tf.dispose([x, x2]);
    expect(tf.memory().numTensors).toBe(start); // every intermediate was freed
    block.dispose();
    expect(tf.memory().numTensors).toBe(beforeBlock);
  });

  it('TransformerBlock.forward returns attention weights whose rows sum to 1 and are zero above the diagonal', () => {
    const block = new TransformerBlock({ dModel: 4, numHeads: 2, ffDim: 8 }, rng(2));
    const x = tf.randomNormal([2, 3, 4], 0, 1, 'float32', 3) as tf.Tensor3D;
    const { output, weights } = block.forward(x, { causal: true });
    expect(output.shape).toEqual([2, 3, 4]);
    expect(weights.shape).toEqual([2, 2, 3, 3]);
    const w = weights.arraySync();
    for (const head of w.flat()) {
      head.forEach((row, i) => {
        expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
        row.forEach((v, j) => { if (j > i) expect(v).toBe(0); });
      });
    }
    tf.dispose([x, output, weights]);
    expect(block.variables).toHaveLength(12);
    block.dispose();
    expect(() => new TransformerBlock({ dModel: 6, numHeads: 4 }, rng(0))).toThrow(/numHeads \(4\) must be a whole number dividing dModel \(6\)/);
  });
});

describe('CharTransformer', () => {
  it('CharTransformer.trainSteps lowers the loss on the character corpus and generate is seeded', async () => {
    const start = tf.memory().numTensors;
    const model = new CharTransformer({ blockSize: 16, dModel: 16, numHeads: 2, numLayers: 1, steps: 40, batchSize: 8, learningRate: 2e-2 });
    const losses: number[] = [];
    for await (const s of model.trainSteps(corpora.charText)) losses.push(s.loss);
    expect(losses).toHaveLength(40);
    const V = model.vocabulary!.length;
    expect(losses[0]).toBeGreaterThan(0.8 * Math.log(V)); // starts near uniform guessing, ln V nats
    const lastTen = losses.slice(-10).reduce((a, b) => a + b, 0) / 10;
    expect(lastTen).toBeLessThan(0.75 * Math.log(V));

    const a = model.generate('the cat ', { length: 30, temperature: 0.8, topK: 5, seed: 1 });
    expect(a.startsWith('the cat ')).toBe(true);
    expect(a).toHaveLength(38);
    expect(model.generate('the cat ', { length: 30, temperature: 0.8, topK: 5, seed: 1 })).toBe(a);
    for (const ch of a) expect(model.vocabulary).toContain(ch);

    // Perplexity of the next character after "the ca": a trained model beats uniform guessing (V).
    const probs = model.nextCharProbabilities('the ca');
    expect(probs.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 5);
    const text = 'the cat sat on the mat.';
    const observed = Array.from(text.slice(1), (ch, i) => model.nextCharProbabilities(text.slice(0, i + 1))[model.vocabulary!.indexOf(ch)]);
    expect(perplexity(observed)).toBeLessThan(V / 2);

    const attention = model.attentionWeights('the cat');
    expect(attention).toHaveLength(1); // layers
    expect(attention[0]).toHaveLength(2); // heads
    expect(attention[0][0][0]).toEqual([1, 0, 0, 0, 0, 0, 0]); // the first character can only see itself
    for (const row of attention[0][1]) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);

    model.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('CharTransformer says what is wrong with its input', async () => {
    await expect(new CharTransformer({ blockSize: 50 }).fit('too short')).rejects.toThrow(/text must be longer than blockSize \(50\) characters, got 9/);
    await expect(new CharTransformer({ dModel: 10, numHeads: 4 }).fit(corpora.charText)).rejects.toThrow(/numHeads \(4\) must divide dModel \(10\)/);
    expect(() => new CharTransformer().generate('hi')).toThrow(/not fitted yet/);
    const model = new CharTransformer({ blockSize: 8, dModel: 8, numHeads: 1, numLayers: 1, steps: 1 });
    await model.fit('abcabcabcabcabc');
    expect(() => model.generate('abz')).toThrow(/character "z" at position 2 never appeared in the training text/);
    model.dispose();
  });
});
