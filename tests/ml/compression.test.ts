import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyPruningMask, dequantizeValue, distillationLoss, initSmallMLP, magnitudePruningMasks, maskSparsity, quantizationParameters, quantizeValue, quantizeWeights,
  quantizedSizeBytes, roundHalfToEven, roundTripError, smallMLPLogits, temperatureSoftmax, trainSmallMLP, type QuantizationGranularity,
  type QuantizationScheme, type SmallMLP,
} from '../../src/ml/index.ts';

/** numpy's versions of PyTorch's formulas (fixtures/make_compression.py). */
interface QuantizeResult {
  bits: number; scheme: QuantizationScheme; granularity: QuantizationGranularity
  parameters: { scale: number; zeroPoint: number; qmin: number; qmax: number }[]
  integers: number[][]; dequantized: number[][]; meanSquared: number
}
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/compression.json'), 'utf8')) as {
  quantize: { weights: number[][]; results: QuantizeResult[] }[]
  prune: { layers: number[][][]; cases: { sparsity: number; scope: 'global' | 'per-layer'; masks: number[][][] }[] }
  distill: { student: number[][]; teacher: number[][]; labels: number[]; cases: { temperature: number; alpha: number; loss: number; hardLoss: number; softLoss: number; gradient: number[][] }[] }
  mlp: { start: SmallMLP; X: number[][]; y: number[]; startLogits: number[][]; losses: number[]; trained: SmallMLP }
};

const close = (actual: number[][], expected: number[][], digits: number) =>
  actual.forEach((row, i) => row.forEach((v, j) => expect(v, `[${i}][${j}]`).toBeCloseTo(expected[i][j], digits)));

describe('quantizeWeights', () => {
  const cases = fixture.quantize.flatMap((c, m) => c.results.map((r) => [`matrix ${m} ${r.bits}-bit ${r.scheme} ${r.granularity}`, c.weights, r] as const));
  it.each(cases)('quantizeWeights matches numpy (PyTorch formulas): %s', (_, weights, r) => {
    const q = quantizeWeights(weights, r);
    expect(q.parameters.map((p) => p.zeroPoint)).toEqual(r.parameters.map((p) => p.zeroPoint));
    q.parameters.forEach((p, i) => {
      expect(p.scale).toBeCloseTo(r.parameters[i].scale, 12);
      expect([p.qmin, p.qmax]).toEqual([r.parameters[i].qmin, r.parameters[i].qmax]);
    });
    expect(q.integers).toEqual(r.integers);
    close(q.dequantized, r.dequantized, 12);
    expect(roundTripError(weights, q.dequantized).meanSquared).toBeCloseTo(r.meanSquared, 12);
  });

  it('quantizeWeights keeps 0 exact and the 8-bit error below half a step', () => {
    const weights = fixture.quantize[0].weights;
    for (const scheme of ['symmetric', 'affine'] as const) {
      const q = quantizeWeights(weights, { bits: 8, scheme, granularity: 'per-tensor' });
      const p = q.parameters[0];
      expect(roundTripError(weights, q.dequantized).maxAbsolute).toBeLessThanOrEqual(p.scale / 2 + 1e-15);
      expect(dequantizeValue(quantizeValue(0, p), p)).toBe(0);
    }
  });

  it('roundHalfToEven rounds halves to the even integer', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, 2.6].map(roundHalfToEven)).toEqual([0, 2, 2, -0, -2, -2, 2, 3]);
  });

  it('quantizationParameters widens an all-positive range to include 0', () => {
    const p = quantizationParameters([1, 2, 3], 8, 'affine');
    expect(p.zeroPoint).toBe(-128);
    expect(p.scale).toBeCloseTo(3 / 255, 15);
  });

  it('quantizedSizeBytes counts bits, then one scale (and zero point) per group', () => {
    expect(quantizedSizeBytes(100, 8, 1, 'symmetric')).toBe(104);
    expect(quantizedSizeBytes(100, 4, 10, 'affine')).toBe(50 + 50);
    expect(quantizedSizeBytes(3, 3, 1, 'symmetric')).toBe(2 + 4);
  });

  it('quantizeWeights says what was wrong', () => {
    expect(() => quantizeWeights([[1]], { bits: 1, scheme: 'symmetric', granularity: 'per-tensor' })).toThrow(/bits must be an integer from 2 to 16, got 1/);
    expect(() => quantizeWeights([[NaN]], { bits: 8, scheme: 'symmetric', granularity: 'per-tensor' })).toThrow(/finite/);
  });
});

describe('magnitudePruningMasks', () => {
  it.each(fixture.prune.cases.map((c) => [`${c.scope} ${c.sparsity}`, c] as const))('magnitudePruningMasks matches numpy stable argsort: %s', (_, c) => {
    const masks = magnitudePruningMasks(fixture.prune.layers, c.sparsity, c.scope);
    expect(masks).toEqual(c.masks);
  });

  it('magnitudePruningMasks prunes the requested fraction and only smaller weights', () => {
    const layers = fixture.prune.layers;
    const masks = magnitudePruningMasks(layers, 0.5, 'global');
    const total = layers.flat(2).length;
    expect(maskSparsity(masks).overall).toBeCloseTo(Math.round(total / 2) / total, 12);
    const kept = layers.flatMap((L, l) => L.flatMap((r, i) => r.filter((_, j) => masks[l][i][j] === 1))).map(Math.abs);
    const pruned = layers.flatMap((L, l) => L.flatMap((r, i) => r.filter((_, j) => masks[l][i][j] === 0))).map(Math.abs);
    expect(Math.max(...pruned)).toBeLessThanOrEqual(Math.min(...kept));
    expect(applyPruningMask(layers, masks).flat(2).filter((w) => w === 0)).toHaveLength(pruned.length);
  });

  it('magnitudePruningMasks rejects a sparsity outside [0, 1]', () => {
    expect(() => magnitudePruningMasks(fixture.prune.layers, 1.2, 'global')).toThrow(/sparsity must be in \[0, 1\], got 1.2/);
  });
});

describe('distillationLoss', () => {
  const { student, teacher, labels } = fixture.distill;
  it.each(fixture.distill.cases.map((c) => [`T=${c.temperature} α=${c.alpha}`, c] as const))('distillationLoss matches scipy and central differences: %s', (_, c) => {
    const r = distillationLoss(student, teacher, labels, { temperature: c.temperature, alpha: c.alpha });
    expect(r.loss).toBeCloseTo(c.loss, 10);
    expect(r.hardLoss).toBeCloseTo(c.hardLoss, 10);
    expect(r.softLoss).toBeCloseTo(c.softLoss, 10);
    close(r.gradient, c.gradient, 6);
  });

  it('temperatureSoftmax flattens as T grows and is uniform in the limit', () => {
    const z = [4, 1, -2];
    const entropy = (p: number[]) => -p.reduce((s, q) => s + q * Math.log(q), 0);
    expect(entropy(temperatureSoftmax(z, 4))).toBeGreaterThan(entropy(temperatureSoftmax(z, 1)));
    temperatureSoftmax(z, 1e6).forEach((p) => expect(p).toBeCloseTo(1 / 3, 5));
  });

  it('distillationLoss says which lengths disagree', () => {
    expect(() => distillationLoss(student, teacher.slice(1), labels, { temperature: 2, alpha: 0.5 })).toThrow(/6 student rows, 5 teacher rows and 6 labels/);
  });
});

describe('trainSmallMLP', () => {
  const { start, X, y } = fixture.mlp;
  const crossEntropy = (logits: number[][]) => distillationLoss(logits, logits, y, { temperature: 1, alpha: 1 });
  it('smallMLPLogits matches numpy', () => close(smallMLPLogits(start, X), fixture.mlp.startLogits, 12));

  it('trainSmallMLP takes PyTorch Adam steps on the cross-entropy, as numpy does', () => {
    const { net, losses } = trainSmallMLP(start, X, crossEntropy, { steps: 3, learningRate: 0.05 });
    losses.forEach((l, i) => expect(l).toBeCloseTo(fixture.mlp.losses[i], 12));
    net.forEach((layer, l) => {
      close(layer.weights, fixture.mlp.trained[l].weights, 12);
      close([layer.bias], [fixture.mlp.trained[l].bias], 12);
    });
    expect(start[0].weights).toEqual(fixture.mlp.start[0].weights); // the start is not changed
  });

  it('trainSmallMLP keeps masked weights at zero', () => {
    const net = initSmallMLP([3, 4, 3], 1);
    const masks = magnitudePruningMasks(net.map((L) => L.weights), 0.5, 'per-layer');
    const { net: tuned } = trainSmallMLP(net, X, crossEntropy, { steps: 5, learningRate: 0.05, masks });
    tuned.forEach((L, l) => L.weights.forEach((r, i) => r.forEach((w, j) => { if (masks[l][i][j] === 0) expect(w).toBe(0); else expect(w).not.toBe(0); })));
  });
});
