import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CharTransformer, causalMask, charMaskSymbol, corpora, maskRandomTokens, randomTransformerBlockWeights, rng,
  traceTransformerBlock, type LayerNormPlacement, type TransformerBlockWeights,
} from '../../src/ml/index.ts';

/** numpy's forward pass of one block, every stage (fixtures/make_transformer_block.py). */
const numpy = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/transformer-block.json'), 'utf8')) as {
  numHeads: number;
  X: number[][];
  weights: TransformerBlockWeights;
  cases: { normPlacement: LayerNormPlacement; causal: boolean; stages: number[][][]; attentionWeights: number[][][] }[];
};

function expectClose(actual: number[][], expected: number[][], tolerance: number, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  const gap = Math.max(...actual.flatMap((row, i) => row.map((v, j) => Math.abs(v - expected[i][j]))));
  expect(gap, what).toBeLessThan(tolerance);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('traceTransformerBlock', () => {
  it('traceTransformerBlock matches numpy at every stage, for both norm placements and both masks, to 1e-5', () => {
    expect(numpy.cases).toHaveLength(4);
    for (const c of numpy.cases) {
      const trace = traceTransformerBlock(numpy.X, numpy.weights, {
        numHeads: numpy.numHeads, normPlacement: c.normPlacement, mask: c.causal ? causalMask(numpy.X.length) : undefined,
      });
      const what = `${c.normPlacement}, ${c.causal ? 'causal' : 'bidirectional'}`;
      expect(trace.stages).toHaveLength(c.stages.length);
      trace.stages.forEach((stage, s) => expectClose(stage.rows, c.stages[s], 1e-5, `${what}: stage ${stage.name}`));
      trace.attentionWeights.forEach((head, h) => expectClose(head, c.attentionWeights[h], 1e-5, `${what}: head ${h}`));
      expect(trace.output).toEqual(trace.stages.at(-1)!.rows);
    }
    // The cases differ, so matching all four cannot happen by accident.
    expect(Math.abs(numpy.cases[0].stages[7][0][0] - numpy.cases[2].stages[7][0][0])).toBeGreaterThan(1e-3);
  });

  it('traceTransformerBlock with a causal mask: a later token does not change earlier outputs', () => {
    const w = randomTransformerBlockWeights(8, 16, rng(3));
    const r = rng(4);
    const X = Array.from({ length: 5 }, () => Array.from({ length: 8 }, () => r.normal()));
    const changed = X.map((row, i) => (i === 4 ? row.map((v, j) => v + j - 3.5) : row));
    for (const normPlacement of ['post', 'pre'] as const) {
      const causal = { numHeads: 2, normPlacement, mask: causalMask(5) };
      const [a, b] = [traceTransformerBlock(X, w, causal).output, traceTransformerBlock(changed, w, causal).output];
      for (let t = 0; t < 4; t++) b[t].forEach((v, j) => expect(v).toBeCloseTo(a[t][j], 12));
      const open = { numHeads: 2, normPlacement };
      const [c, d] = [traceTransformerBlock(X, w, open).output, traceTransformerBlock(changed, w, open).output];
      expect(Math.abs(c[0][0] - d[0][0])).toBeGreaterThan(1e-4);
    }
  });

  it('randomTransformerBlockWeights is seeded and traceTransformerBlock checks shapes', () => {
    const w = randomTransformerBlockWeights(4, 8, rng(1));
    expect(randomTransformerBlockWeights(4, 8, rng(1))).toEqual(w);
    expect(w.W1).toHaveLength(4);
    expect(w.W1[0]).toHaveLength(8);
    expect(w.gamma1).toEqual([1, 1, 1, 1]);
    expect(() => traceTransformerBlock([[1, 2, 3]], w, { numHeads: 1 })).toThrow(/Wq must be 3×3 for tokens of 3 features/);
    expect(() => traceTransformerBlock([[1, 2, 3, 4]], w, { numHeads: 3 })).toThrow(/numHeads must be a whole number dividing d_model = 4/);
  });
});

describe('maskRandomTokens', () => {
  it('maskRandomTokens hides round(rate·n) distinct positions, seeded, and only those', () => {
    const ids = Array.from({ length: 40 }, (_, i) => i % 7);
    const m = maskRandomTokens(ids, { maskId: 99, random: rng(5) });
    expect(m.positions).toHaveLength(6); // round(0.15 · 40)
    expect(new Set(m.positions).size).toBe(6);
    expect(m.positions).toEqual([...m.positions].sort((a, b) => a - b));
    m.inputs.forEach((v, i) => expect(v).toBe(m.positions.includes(i) ? 99 : ids[i]));
    expect(maskRandomTokens(ids, { maskId: 99, random: rng(5) })).toEqual(m);
    expect(maskRandomTokens([3, 4], { maskId: 9, random: rng(0) }).positions).toHaveLength(1); // at least one
    expect(() => maskRandomTokens(ids, { maskId: 9, random: rng(0), rate: 0 })).toThrow(/rate must be in \(0, 1\]/);
  });
});

describe('CharTransformer with the masked-token objective', () => {
  it('CharTransformer masked-token: learns to fill a hidden character from both sides, and refuses to generate', async () => {
    const start = tf.memory().numTensors;
    const options = { blockSize: 16, dModel: 16, numHeads: 2, numLayers: 1, steps: 40, batchSize: 16, learningRate: 2e-2, seed: 1 };
    const model = new CharTransformer({ ...options, objective: 'masked-token', maskRate: 0.25 });
    const losses: number[] = [];
    for await (const s of model.trainSteps(corpora.charText)) losses.push(s.loss);
    const V = model.vocabulary!.length;
    expect(model.vocabulary!.at(-1)).toBe(charMaskSymbol);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(losses).toHaveLength(40);
    expect(mean(losses.slice(0, 5))).toBeGreaterThan(0.9 * Math.log(V)); // starts near uniform guessing
    expect(mean(losses.slice(-10))).toBeLessThan(mean(losses.slice(0, 5)) - 0.15);

    // Bidirectional: the character after the hole changes the prediction for it (a causal model's could not).
    const a = model.maskedCharProbabilities(`the ${charMaskSymbol}at sat`, 4);
    const b = model.maskedCharProbabilities(`the ${charMaskSymbol}og sat`, 4);
    expect(a.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 5);
    expect(Math.max(...a.map((p, i) => Math.abs(p - b[i])))).toBeGreaterThan(1e-5);
    const weights = model.attentionWeights('the cat');
    expect(weights[0][0][0][6]).toBeGreaterThan(0); // the first character sees the last one

    expect(() => model.generate('the ')).toThrow(/trained with the masked-token objective; this method needs a next-token model/);
    expect(() => model.nextCharProbabilities('the ')).toThrow(/needs a next-token model/);
    expect(() => model.maskedCharProbabilities('the cat', 7)).toThrow(/position must be a whole number from 0 to 6, got 7/);
    model.dispose();
    expect(tf.memory().numTensors).toBe(start);
    await expect(new CharTransformer({ ...options, objective: 'masked-token' }).fit(`a${charMaskSymbol}`.repeat(20))).rejects.toThrow(/must not contain the mask symbol/);
  }, 120_000);
});
