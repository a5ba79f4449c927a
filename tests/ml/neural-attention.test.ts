import { describe, expect, it } from 'vitest';
import { causalMask, layerNorm, multiHeadAttention, positionalEncoding, scaledDotProductAttention } from '../../src/ml/index.ts';

describe('scaledDotProductAttention', () => {
  it('scaledDotProductAttention matches a hand computation of softmax(QKᵀ/√dₖ)V', () => {
    const Q = [[1, 0], [0, 2]], K = [[1, 0], [1, 1]], V = [[1, 2], [3, 4]];
    const r = scaledDotProductAttention(Q, K, V);
    // QKᵀ = [[1, 1], [0, 2]], divided by √2
    const s = Math.SQRT1_2;
    expect(r.scores).toEqual([[s, s], [0, 2 * s]].map((row) => row.map((v) => expect.closeTo(v, 15))));
    const w10 = 1 / (1 + Math.exp(2 * s)); // softmax([0, √2])[0]
    expect(r.weights[0]).toEqual([0.5, 0.5]);
    expect(r.weights[1][0]).toBeCloseTo(w10, 15);
    expect(r.output[0]).toEqual([2, 3]);
    expect(r.output[1][0]).toBeCloseTo(w10 * 1 + (1 - w10) * 3, 15);
    expect(r.output[1][1]).toBeCloseTo(w10 * 2 + (1 - w10) * 4, 15);
  });

  it('scaledDotProductAttention with a causal mask gives zero weight to future tokens', () => {
    const X = [[1, 0.5], [0.2, -1], [0.3, 0.3]];
    const r = scaledDotProductAttention(X, X, X, { mask: causalMask(3) });
    expect(r.weights[0]).toEqual([1, 0, 0]);
    expect(r.weights[1][2]).toBe(0);
    for (const row of r.weights) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(r.output[0]).toEqual(X[0]);
    expect(r.scores[0][2]).toBeCloseTo((1 * 0.3 + 0.5 * 0.3) / Math.SQRT2, 15); // scores are reported unmasked
  });

  it('scaledDotProductAttention keeps the score spread near 1 as dₖ grows (why √dₖ)', () => {
    // With random unit-variance q, k, q·k has variance dₖ; dividing by √dₖ brings it back to 1.
    let seed = 1;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 * Math.sqrt(3) - Math.sqrt(3); // variance 1
    for (const dk of [4, 64]) {
      const Q = Array.from({ length: 200 }, () => Array.from({ length: dk }, rand));
      const K = Array.from({ length: 20 }, () => Array.from({ length: dk }, rand));
      const scores = scaledDotProductAttention(Q, K, K).scores.flat();
      const variance = scores.reduce((s, v) => s + v * v, 0) / scores.length;
      expect(variance).toBeGreaterThan(0.7);
      expect(variance).toBeLessThan(1.3);
    }
  });

  it('scaledDotProductAttention says which shapes disagree', () => {
    expect(() => scaledDotProductAttention([[1, 2]], [[1, 2, 3]], [[1]])).toThrow(/Q rows have 2 values but K rows have 3/);
    expect(() => scaledDotProductAttention([[1]], [[1], [2]], [[1]])).toThrow(/K has 2 rows but V has 1/);
    expect(() => scaledDotProductAttention([[1]], [[1]], [[1]], { mask: [[false]] })).toThrow(/every mask row needs at least one true entry/);
  });

  it('causalMask is lower triangular', () => {
    expect(causalMask(3)).toEqual([[true, false, false], [true, true, false], [true, true, true]]);
    expect(() => causalMask(0)).toThrow(/n must be a whole number ≥ 1/);
  });
});

describe('multiHeadAttention', () => {
  const X = [[1, 0, 0.5, -1], [0, 1, 1, 0], [0.3, -0.2, 0, 2]];

  it('multiHeadAttention without projections equals attention on each block of columns, concatenated', () => {
    const r = multiHeadAttention(X, X, { numHeads: 2 });
    expect(r.weights).toHaveLength(2);
    const cols = (a: number, b: number) => X.map((row) => row.slice(a, b));
    const h0 = scaledDotProductAttention(cols(0, 2), cols(0, 2), cols(0, 2));
    const h1 = scaledDotProductAttention(cols(2, 4), cols(2, 4), cols(2, 4));
    expect(r.weights[0]).toEqual(h0.weights);
    expect(r.weights[1]).toEqual(h1.weights);
    expect(r.output).toEqual(X.map((_, i) => [...h0.output[i], ...h1.output[i]]));
  });

  it('multiHeadAttention with one head and identity projections equals scaledDotProductAttention', () => {
    const I = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]];
    const r = multiHeadAttention(X, X, { numHeads: 1, Wq: I, Wk: I, Wv: I, Wo: I, mask: causalMask(3) });
    expect(r.output).toEqual(scaledDotProductAttention(X, X, X, { mask: causalMask(3) }).output);
  });

  it('multiHeadAttention rejects a head count that does not divide d_model', () => {
    expect(() => multiHeadAttention(X, X, { numHeads: 3 })).toThrow(/numHeads must be a whole number dividing d_model = 4, got 3/);
  });
});

describe('positionalEncoding', () => {
  it('positionalEncoding follows PE[pos][2i] = sin(pos/10000^(2i/d)), PE[pos][2i+1] = cos(…)', () => {
    const d = 6, pe = positionalEncoding(10, d);
    expect(pe).toHaveLength(10);
    for (let pos = 0; pos < 10; pos++) {
      for (let i = 0; i < d / 2; i++) {
        const angle = pos / Math.pow(10000, (2 * i) / d);
        expect(pe[pos][2 * i]).toBeCloseTo(Math.sin(angle), 15);
        expect(pe[pos][2 * i + 1]).toBeCloseTo(Math.cos(angle), 15);
      }
    }
    expect(pe[0]).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it('positionalEncoding of an odd width ends with a sine column', () => {
    const pe = positionalEncoding(3, 5);
    expect(pe[2][4]).toBeCloseTo(Math.sin(2 / Math.pow(10000, 4 / 5)), 15);
    expect(() => positionalEncoding(3, 0)).toThrow(/dModel must be a whole number ≥ 1, got 0/);
  });
});

describe('layerNorm', () => {
  it('layerNorm gives each row mean 0 and variance 1 (up to ε), then scales by γ and shifts by β', () => {
    const X = [[1, 2, 3, 4], [10, -10, 5, 0]];
    const Y = layerNorm(X, { epsilon: 0 });
    for (const row of Y) {
      const mean = row.reduce((a, b) => a + b, 0) / row.length;
      const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / row.length;
      expect(mean).toBeCloseTo(0, 14);
      expect(variance).toBeCloseTo(1, 14);
    }
    const Z = layerNorm(X, { gamma: [2, 2, 2, 2], beta: [1, 1, 1, 1], epsilon: 0 });
    Z.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(2 * Y[i][j] + 1, 14)));
    expect(() => layerNorm(X, { gamma: [1, 2] })).toThrow(/gamma has 2 values, expected 4/);
  });
});
