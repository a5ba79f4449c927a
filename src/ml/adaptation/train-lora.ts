import { fail, toRows, type MatrixLike } from '../core/validate.ts';
import { Adam } from '../optim/adam.ts';
import { SGD } from '../optim/gradient-descent.ts';
import type { LoraLinear } from './lora-linear.ts';
import { frobeniusNorm, matmul, matmulTransposed, scaled, transposedMatmul } from './matrix-products.ts';

export interface LoraTrainingOptions {
  /** Optimiser steps on the whole batch. */
  steps: number;
  /** Learning rate η. */
  learningRate: number;
  optimizer: 'adam' | 'sgd';
  /** Keep a copy of A and B every this many steps (and at the first and last). */
  recordEvery: number;
}

/** The batch, reduced to what the squared error needs: Σ = XᵀX/n, C = YᵀX/n and mean ‖y‖². */
export interface SecondMoments {
  inputCovariance: number[][];
  crossCovariance: number[][];
  meanSquaredTarget: number;
}

/** One recorded step of training: the loss before the step's update, and the factors then. */
export interface LoraTrainingStep {
  step: number;
  /** ½ · mean over the batch of ‖ŷ − y‖², ŷ = (W₀ + s·BA)x. */
  loss: number;
  B: number[][];
  A: number[][];
  /** ‖∂L/∂B‖_F and ‖∂L/∂A‖_F at this step. */
  gradNormB: number;
  gradNormA: number;
}

const defaults: LoraTrainingOptions = { steps: 300, learningRate: 0.01, optimizer: 'adam', recordEvery: 1 };

/**
 * The second moments of a batch (rows of X are inputs x, rows of Y their targets y). The squared
 * error of a linear layer depends on the batch only through them, so a training step costs d·k²
 * however many examples there are.
 */
export function secondMoments(X: MatrixLike, Y: MatrixLike): SecondMoments {
  const where = 'secondMoments';
  const x = toRows(X, where, { name: 'X' });
  const y = toRows(Y, where, { name: 'Y' });
  if (x.length !== y.length) fail(where, `X has ${x.length} rows but Y has ${y.length}; one target row per input row`);
  const n = x.length;
  return {
    inputCovariance: scaled(1 / n, transposedMatmul(x, x)),
    crossCovariance: scaled(1 / n, transposedMatmul(y, x)),
    meanSquaredTarget: frobeniusNorm(y) ** 2 / n,
  };
}

/**
 * L = ½ mean ‖(W₀ + s·BA)x − y‖² and its gradients with respect to the trainable factors only.
 * With W = W₀ + s·BA, ∂L/∂W = WΣ − C =: G; W₀ gets no update, and the chain rule through s·BA gives
 * ∂L/∂B = s·G Aᵀ and ∂L/∂A = s·Bᵀ G. At B = 0 the gradient of A is 0: B moves first.
 */
export function loraGradients(layer: LoraLinear, moments: SecondMoments): { loss: number; gradB: number[][]; gradA: number[][] } {
  const { inputCovariance: sigma, crossCovariance: C, meanSquaredTarget } = moments;
  if (C.length !== layer.outFeatures || sigma.length !== layer.inFeatures) {
    fail('loraGradients', `the batch has ${sigma.length} inputs and ${C.length} outputs but the layer is ${layer.outFeatures} × ${layer.inFeatures}`);
  }
  const W = layer.merged();
  const WSigma = matmul(W, sigma);
  // L = ½(tr(WΣWᵀ) − 2 tr(WCᵀ) + mean ‖y‖²): the batch's mean squared error, expanded
  let quadratic = 0;
  let cross = 0;
  W.forEach((row, i) => row.forEach((w, j) => {
    quadratic += WSigma[i][j] * w;
    cross += C[i][j] * w;
  }));
  const loss = 0.5 * (quadratic - 2 * cross + meanSquaredTarget);
  const G = WSigma.map((row, i) => row.map((v, j) => v - C[i][j]));
  const gradB = scaled(layer.scale, matmulTransposed(G, layer.A));
  const gradA = scaled(layer.scale, transposedMatmul(layer.B, G));
  // Rounding can leave the expanded form a hair below 0 at a perfect fit.
  return { loss: Math.max(loss, 0), gradB, gradA };
}

/**
 * Trains the adapter's A and B on a batch by full-batch gradient descent or Adam, W₀ frozen.
 * Yields the state before the first step, every `recordEvery` steps, and after the last one;
 * `trainLora` runs it to the end.
 */
export function* loraTrainingSteps(layer: LoraLinear, X: MatrixLike, Y: MatrixLike, options: Partial<LoraTrainingOptions> = {}): Generator<LoraTrainingStep, void, void> {
  const { steps, learningRate, optimizer: kind, recordEvery } = { ...defaults, ...options };
  const where = 'loraTrainingSteps';
  if (!Number.isInteger(steps) || steps < 0) fail(where, `steps must be a whole number ≥ 0, got ${steps}`);
  if (!Number.isInteger(recordEvery) || recordEvery < 1) fail(where, `recordEvery must be a whole number ≥ 1, got ${recordEvery}`);
  if (kind !== 'adam' && kind !== 'sgd') fail(where, `optimizer must be 'adam' or 'sgd', got ${String(kind)}`);
  const moments = secondMoments(X, Y);
  const optimizer = kind === 'adam' ? new Adam({ learningRate }) : new SGD({ learningRate });
  const d = layer.outFeatures;
  const r = layer.rank;
  const k = layer.inFeatures;
  for (let t = 0; ; t++) {
    const { loss, gradB, gradA } = loraGradients(layer, moments);
    if (t % recordEvery === 0 || t === steps) {
      yield { step: t, loss, B: layer.B.map((row) => row.slice()), A: layer.A.map((row) => row.slice()), gradNormB: frobeniusNorm(gradB), gradNormA: frobeniusNorm(gradA) };
    }
    if (t === steps || !Number.isFinite(loss)) return;
    // The optimisers work on one flat vector: B's entries row by row, then A's.
    const next = optimizer.step(flatten(layer.B, layer.A), flatten(gradB, gradA));
    layer.B = unflatten(next, 0, d, r);
    layer.A = unflatten(next, d * r, r, k);
  }
}

/** The entries of P, then those of Q, row by row, in one array (Array.prototype.flat is slow here). */
function flatten(P: number[][], Q: number[][]): number[] {
  const out: number[] = [];
  for (const row of P) for (const v of row) out.push(v);
  for (const row of Q) for (const v of row) out.push(v);
  return out;
}

/** The rows × cols matrix stored row by row in `flat` from index `start`. */
function unflatten(flat: readonly number[], start: number, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, i) => flat.slice(start + i * cols, start + (i + 1) * cols));
}

/** Trains the adapter to the end (see loraTrainingSteps) and returns every recorded step. */
export function trainLora(layer: LoraLinear, X: MatrixLike, Y: MatrixLike, options: Partial<LoraTrainingOptions> = {}): LoraTrainingStep[] {
  return [...loraTrainingSteps(layer, X, Y, options)];
}
