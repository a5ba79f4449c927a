import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LoraLinear, eckartYoungError, frobeniusNorm, loraGradients, secondMoments, singularValues, trainLora, truncatedSvd,
} from '../../src/ml/index.ts';
import { expectClose } from './fixtures/expect-close.ts';

/** numpy's SVDs and a LoRA layer's loss, gradients and Adam/SGD steps (fixtures/make_lora.py). */
const numpy = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/lora.json'), 'utf8')) as {
  svd: { M: number[][]; singularValues: number[]; truncated: { rank: number; approximation: number[][]; error: number }[] }[];
  lora: {
    W0: number[][]; B: number[][]; A: number[][]; X: number[][]; Y: number[][]; scale: number;
    loss: number; gradB: number[][]; gradA: number[][];
    adam: { B: number[][]; A: number[][]; losses: number[] };
    sgd: { B: number[][]; A: number[][]; losses: number[] };
  };
};
const ref = numpy.lora;

/** A rank-2 adapter on numpy's W0 with s = α/r = 3/2 = numpy's scale, its factors set to B and A. */
function layerWith(B: number[][], A: number[][]): LoraLinear {
  const layer = new LoraLinear(ref.W0, { rank: 2, alpha: 3 });
  expect(layer.scale).toBe(ref.scale);
  layer.B = B.map((row) => row.slice());
  layer.A = A.map((row) => row.slice());
  return layer;
}

describe('truncated SVD (Eckart–Young)', () => {
  it('singularValues and truncatedSvd give numpy\'s values, rank-r approximations and errors, for tall, wide and nearly low-rank matrices', () => {
    for (const c of numpy.svd) {
      expectClose(singularValues(c.M), c.singularValues, 1e-10, 'singular values');
      for (const t of c.truncated) {
        const svd = truncatedSvd(c.M, t.rank);
        expectClose(svd.approximation, t.approximation, 1e-10, `rank ${t.rank} approximation`);
        expect(svd.error).toBeCloseTo(t.error, 10);
        // The error is also ‖M − Mᵣ‖_F measured directly, and the energy of the dropped singular values.
        expect(frobeniusNorm(c.M.map((row, i) => row.map((v, j) => v - svd.approximation[i][j])))).toBeCloseTo(t.error, 10);
        expect(eckartYoungError(c.singularValues, t.rank)).toBeCloseTo(t.error, 10);
      }
    }
  });

  it('truncatedSvd returns orthonormal U and V and no rank-r matrix it is compared with does better', () => {
    const M = numpy.svd[2].M;
    const { U, V, error } = truncatedSvd(M, 2);
    const gram = (Q: number[][]) => Q[0].map((_, a) => Q[0].map((__, b) => Q.reduce((s, row) => s + row[a] * row[b], 0)));
    expectClose(gram(U), [[1, 0], [0, 1]], 1e-12, 'UᵀU');
    expectClose(gram(V), [[1, 0], [0, 1]], 1e-12, 'VᵀV');
    // A trained rank-2 adapter on the same target cannot beat the floor.
    const layer = new LoraLinear(M.map((row) => row.map(() => 0)), { rank: 2, seed: 3 });
    const X = M[0].map((_, i) => M[0].map((__, j) => (i === j ? 1 : 0)));
    const Y = X.map((x) => M.map((row) => row.reduce((s, v, j) => s + v * x[j], 0)));
    const history = trainLora(layer, X, Y, { steps: 400, learningRate: 0.05 });
    const fit = Math.sqrt(2 * history.at(-1)!.loss * X.length);
    expect(fit).toBeGreaterThanOrEqual(error - 1e-9);
    expect(fit).toBeLessThan(error * 1.05);
  });

  it('names the rank it cannot use', () => {
    expect(() => truncatedSvd([[1, 2], [3, 4]], 3)).toThrow(/rank must be a whole number from 1 to min\(d, k\) = 2, got 3/);
    expect(() => eckartYoungError([2, 1], -1)).toThrow(/rank must be a whole number ≥ 0/);
  });
});

describe('LoraLinear', () => {
  it('starts with B = 0, so the adapted layer equals the frozen one; counts r(d + k) trainable weights', () => {
    const layer = new LoraLinear(ref.W0, { rank: 2, alpha: 8, seed: 1 });
    expect(layer.B.flat().every((v) => v === 0)).toBe(true);
    expect(frobeniusNorm(layer.A)).toBeGreaterThan(0);
    expect(layer.merged()).toEqual(ref.W0);
    expect(layer.forward(ref.X[0])).toEqual(ref.W0.map((row) => row.reduce((s, w, j) => s + w * ref.X[0][j], 0)));
    expect(layer.trainableParameterCount).toBe(2 * (6 + 5));
    expect(layer.frozenParameterCount).toBe(30);
    expect(layer.scale).toBe(4);
    expect(new LoraLinear(ref.W0, { rank: 4, alpha: 8, scaling: 'alpha/sqrt(r)' }).scale).toBe(4);
    expect(new LoraLinear(ref.W0, { rank: 4, alpha: 8, scaling: 'alpha' }).scale).toBe(8);
    // A ~ U(−1/√k, 1/√k)
    expect(Math.max(...layer.A.flat().map(Math.abs))).toBeLessThan(1 / Math.sqrt(5));
  });

  it('forward (unmerged) and merged give the same outputs; delta has rank ≤ r', () => {
    const layer = layerWith(ref.B, ref.A);
    const merged = layer.merged();
    for (const x of ref.X) {
      const viaMerged = merged.map((row) => row.reduce((s, w, j) => s + w * x[j], 0));
      expectClose(layer.forward(x), viaMerged, 1e-13, 'output');
    }
    const sigma = singularValues(layer.delta());
    expect(sigma[2]).toBeLessThan(1e-12);
    expect(sigma[1]).toBeGreaterThan(1e-3);
  });

  it('rejects a rank, α, init or input it cannot use, saying which', () => {
    expect(() => new LoraLinear(ref.W0, { rank: 0 })).toThrow(/LoraLinear: rank must be a whole number ≥ 1, got 0/);
    expect(() => new LoraLinear(ref.W0, { rank: 2, alpha: -1 })).toThrow(/alpha must be a positive number/);
    expect(() => new LoraLinear(ref.W0, { rank: 2, init: 'zeros' as never })).toThrow(/init must be/);
    expect(() => new LoraLinear(ref.W0, { rank: 2 }).forward([1, 2])).toThrow(/x has 2 values, expected k = 5/);
  });
});

describe('LoRA training', () => {
  it('loraGradients gives numpy\'s loss and ∂L/∂B = s·G Aᵀ, ∂L/∂A = s·Bᵀ G', () => {
    const { loss, gradB, gradA } = loraGradients(layerWith(ref.B, ref.A), secondMoments(ref.X, ref.Y));
    expect(loss).toBeCloseTo(ref.loss, 12);
    expectClose(gradB, ref.gradB, 1e-12, 'gradB');
    expectClose(gradA, ref.gradA, 1e-12, 'gradA');
  });

  it('at B = 0 the gradient of A is exactly 0; with both factors 0 nothing ever trains', () => {
    const moments = secondMoments(ref.X, ref.Y);
    const start = loraGradients(new LoraLinear(ref.W0, { rank: 2, seed: 4 }), moments);
    expect(frobeniusNorm(start.gradA)).toBe(0);
    expect(frobeniusNorm(start.gradB)).toBeGreaterThan(0);
    const frozen = trainLora(new LoraLinear(ref.W0, { rank: 2, init: 'both zero' }), ref.X, ref.Y, { steps: 20, learningRate: 0.1 });
    expect(new Set(frozen.map((h) => h.loss)).size).toBe(1);
  });

  it('trainLora takes numpy\'s five Adam steps from the LoRA start, and five SGD steps', () => {
    const adam = layerWith(ref.B.map((row) => row.map(() => 0)), ref.A);
    const adamSteps = trainLora(adam, ref.X, ref.Y, { steps: 5, learningRate: 0.05, optimizer: 'adam' });
    expectClose(adamSteps.map((h) => h.loss), ref.adam.losses, 1e-12, 'Adam losses');
    expectClose(adam.B, ref.adam.B, 1e-12, 'B after Adam');
    expectClose(adam.A, ref.adam.A, 1e-12, 'A after Adam');
    const sgd = layerWith(ref.B, ref.A);
    const sgdSteps = trainLora(sgd, ref.X, ref.Y, { steps: 5, learningRate: 0.1, optimizer: 'sgd' });
    expectClose(sgdSteps.map((h) => h.loss), ref.sgd.losses, 1e-12, 'SGD losses');
    expectClose(sgd.B, ref.sgd.B, 1e-12, 'B after SGD');
    // W₀ is never touched.
    expect(sgd.W0).toEqual(ref.W0);
  });

  it('records every recordEvery steps plus the last, and checks its options', () => {
    const history = trainLora(new LoraLinear(ref.W0, { rank: 1 }), ref.X, ref.Y, { steps: 10, learningRate: 0.01, recordEvery: 4 });
    expect(history.map((h) => h.step)).toEqual([0, 4, 8, 10]);
    expect(() => trainLora(new LoraLinear(ref.W0, { rank: 1 }), ref.X, ref.Y, { steps: 1.5 })).toThrow(/steps must be a whole number/);
    expect(() => secondMoments(ref.X, ref.Y.slice(1))).toThrow(/X has 9 rows but Y has 8/);
  });
});
