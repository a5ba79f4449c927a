import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addPixelNoise, autoencoderDecode, autoencoderEncode, autoencoderReconstruct, buildAutoencoder, disposeAutoencoder,
  meanSquaredReconstructionError, subspaceAngles, trainAutoencoder,
} from '../../src/ml/index.ts';

/** scipy's subspace angles and scikit-learn's PCA (fixtures/make_autoencoder.py). */
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/autoencoder.json'), 'utf8')) as {
  subspace: { A: number[][]; B: number[][]; angles: number[] };
  linear: { X: number[][]; components: number[][]; pcaMse: number; totalMse: number };
};
const degrees = (radians: number) => (radians * 180) / Math.PI;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('subspaceAngles', () => {
  it('subspaceAngles gives scipy.linalg.subspace_angles, largest first', () => {
    const { A, B, angles } = reference.subspace;
    const ours = subspaceAngles(A, B);
    expect(ours).toHaveLength(angles.length);
    ours.forEach((a, i) => expect(a, `angle ${i}`).toBeCloseTo(angles[i], 7));
    subspaceAngles(B, A).forEach((a, i) => expect(a).toBeCloseTo(angles[i], 7));
  });

  it('subspaceAngles is 0 for another basis of the same subspace and π/2 for an orthogonal one', () => {
    const { A } = reference.subspace;
    const mixed = [A[0].map((v, j) => 2 * v - A[1][j]), A[1].map((v, j) => v + 0.5 * A[0][j])];
    subspaceAngles(A, mixed).forEach((a) => expect(a).toBeLessThan(1e-6));
    expect(subspaceAngles([[1, 0, 0]], [[0, 3, 0]])[0]).toBeCloseTo(Math.PI / 2, 12);
  });

  it('subspaceAngles says what is wrong with dependent rows or different spaces', () => {
    expect(() => subspaceAngles([[1, 2], [2, 4]], [[1, 0]])).toThrow(/linearly dependent/);
    expect(() => subspaceAngles([[1, 2, 3]], [[1, 0]])).toThrow(/one space/);
  });
});

describe('buildAutoencoder', () => {
  it('buildAutoencoder makes an encoder to the bottleneck and a decoder that can be called on any latent point', () => {
    const ae = buildAutoencoder({ inputDim: 6, latentDim: 2, hidden: [5], seed: 3 });
    expect(ae.encoder.outputs[0].shape).toEqual([null, 2]);
    expect(ae.decoder.inputs[0].shape).toEqual([null, 2]);
    expect(ae.decoder.outputs[0].shape).toEqual([null, 6]);
    const X = reference.linear.X.slice(0, 4);
    const z = autoencoderEncode(ae, X);
    expect(z[0]).toHaveLength(2);
    // model = decoder ∘ encoder, sharing the weights.
    const viaParts = autoencoderDecode(ae, z);
    autoencoderReconstruct(ae, X).forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(viaParts[i][j], 6)));
    // A sigmoid output stays in (0, 1), even far out in the latent space.
    autoencoderDecode(ae, [[50, -50]])[0].forEach((v) => { expect(v).toBeGreaterThanOrEqual(0); expect(v).toBeLessThanOrEqual(1); });
    // The same seed gives the same weights.
    const again = buildAutoencoder({ inputDim: 6, latentDim: 2, hidden: [5], seed: 3 });
    expect(autoencoderEncode(again, X)).toEqual(z);
    disposeAutoencoder(ae);
    disposeAutoencoder(again);
    expect(() => buildAutoencoder({ inputDim: 6, latentDim: 0 })).toThrow(/latentDim/);
  });

  it('disposeAutoencoder frees every weight, and training leaks no tensor', async () => {
    const before = tf.memory().numTensors;
    const ae = buildAutoencoder({ inputDim: 6, latentDim: 2, seed: 1 });
    for await (const step of trainAutoencoder(ae, reference.linear.X, { epochs: 2, noise: 0.1 })) expect(step.loss).toBeGreaterThan(0);
    disposeAutoencoder(ae);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('trainAutoencoder', () => {
  it('a linear autoencoder trained with MSE lowers its loss and ends spanning scikit-learn\'s PCA plane, with PCA\'s error', { timeout: 60_000 }, async () => {
    const { X, components, pcaMse, totalMse } = reference.linear;
    const ae = buildAutoencoder({ inputDim: 6, latentDim: 2, hidden: [], activation: 'linear', outputActivation: 'linear', seed: 1 });
    const losses: number[] = [];
    for await (const step of trainAutoencoder(ae, X, { epochs: 60, batchSize: 50, learningRate: 0.02, seed: 1 })) losses.push(step.loss);
    expect(losses.at(-1)!).toBeLessThan(0.2 * losses[0]);
    // The decoder's weight rows (2 × 6) span the plane x̂ − b lies in; PCA's 2 components span its best plane.
    const decoderRows = ae.decoder.layers[0].getWeights()[0].arraySync() as number[][];
    const angles = subspaceAngles(decoderRows, components).map(degrees);
    expect(Math.max(...angles)).toBeLessThan(2);
    const mse = meanSquaredReconstructionError(X, autoencoderReconstruct(ae, X));
    expect(mse).toBeGreaterThanOrEqual(pcaMse * 0.999); // no rank-2 linear map beats PCA
    expect(mse).toBeLessThan(pcaMse * 1.15); // 60 epochs of Adam get within ~10 % (more epochs close the gap)
    expect(pcaMse).toBeLessThan(0.05 * totalMse); // and the plane holds most of the variance: the test has teeth
    disposeAutoencoder(ae);
  });

  it('trainAutoencoder rejects bad options with the name of the option', async () => {
    const ae = buildAutoencoder({ inputDim: 6, latentDim: 2, seed: 1 });
    await expect(trainAutoencoder(ae, reference.linear.X, { epochs: 0 }).next()).rejects.toThrow(/epochs/);
    await expect(trainAutoencoder(ae, [[1, 2, 3]], {}).next()).rejects.toThrow(/expects 6/);
    disposeAutoencoder(ae);
  });
});

describe('addPixelNoise', () => {
  it('addPixelNoise adds seeded N(0, σ²) noise and clips to [0, 1] unless told not to', () => {
    const X = Array.from({ length: 200 }, () => Array.from({ length: 10 }, () => 0.5));
    const noisy = addPixelNoise(X, 0.2, 4, false);
    const deviations = noisy.flat().map((v) => v - 0.5);
    const std = Math.sqrt(deviations.reduce((s, d) => s + d * d, 0) / deviations.length);
    expect(std).toBeGreaterThan(0.19);
    expect(std).toBeLessThan(0.21);
    expect(addPixelNoise(X, 0.2, 4, false)).toEqual(noisy);
    const clipped = addPixelNoise(X, 2, 4).flat();
    expect(Math.min(...clipped)).toBe(0);
    expect(Math.max(...clipped)).toBe(1);
    expect(() => addPixelNoise(X, -1)).toThrow(/sigma/);
  });
});
