import { rng } from '../core/random.ts';
import { checkPositiveInt, fail } from '../core/validate.ts';
import { gruBackward, gruForward } from './gru.ts';
import { lstmBackward, lstmForward } from './lstm.ts';
import { zeroGradients, type RecurrentGradients, type RecurrentParams } from './recurrent-params.ts';
import type { SequenceTask } from './sequence-task.ts';
import { vanillaRnnBackward, vanillaRnnForward, type RecurrentBackward } from './vanilla-rnn.ts';

/** ŷ for one sequence, and the backward pass from a given ∂L/∂ŷ, whatever the cell. */
export function recurrentForwardBackward(
  params: RecurrentParams, xs: readonly number[], dLdyHat: (yHat: number) => number, grads = zeroGradients(params),
): { yHat: number } & RecurrentBackward {
  switch (params.kind) {
    case 'rnn': { const run = vanillaRnnForward(params, xs); return { yHat: run.yHat, ...vanillaRnnBackward(params, xs, run, dLdyHat(run.yHat), grads) }; }
    case 'gru': { const run = gruForward(params, xs); return { yHat: run.yHat, ...gruBackward(params, xs, run, dLdyHat(run.yHat), grads) }; }
    case 'lstm': { const run = lstmForward(params, xs); return { yHat: run.yHat, ...lstmBackward(params, xs, run, dLdyHat(run.yHat), grads) }; }
  }
}

/** ŷ for one sequence, whatever the cell. */
export function recurrentPredict(params: RecurrentParams, xs: readonly number[]): number {
  switch (params.kind) {
    case 'rnn': return vanillaRnnForward(params, xs).yHat;
    case 'gru': return gruForward(params, xs).yHat;
    case 'lstm': return lstmForward(params, xs).yHat;
  }
}

/** The mean squared error over sequences, its gradients, and how large the gradient is at each step. */
export interface RecurrentBatchResult {
  loss: number;
  grads: RecurrentGradients;
  /** Mean over the sequences of |∂L/∂x_t|, t = 1 … T: how strongly the loss can hear step t's input. */
  inputGradientByStep: number[];
  /** Mean over the sequences of ‖∂L/∂h_t‖. */
  stateGradientByStep: number[];
}

/** L = mean over sequences of (ŷ − y)², with its gradient by backpropagation through time. */
export function recurrentLossAndGradients(params: RecurrentParams, X: readonly (readonly number[])[], y: readonly number[]): RecurrentBatchResult {
  if (X.length === 0 || X.length !== y.length) fail('recurrentLossAndGradients', `need as many targets as sequences (≥ 1), got ${X.length} sequences and ${y.length} targets`);
  const m = X.length;
  const T = X[0].length;
  const total = zeroGradients(params);
  const inputGradientByStep = new Array<number>(T).fill(0);
  const stateGradientByStep = new Array<number>(T).fill(0);
  let loss = 0;
  X.forEach((xs, s) => {
    // L = (1/m) Σ (ŷ − y)², so ∂L/∂ŷ = 2(ŷ − y)/m for this sequence
    const run = recurrentForwardBackward(params, xs, (yHat) => (2 * (yHat - y[s])) / m, total);
    loss += (run.yHat - y[s]) ** 2 / m;
    run.dLdx.forEach((g, t) => { inputGradientByStep[t] += Math.abs(g) / m; });
    run.dLdh.forEach((g, t) => { stateGradientByStep[t] += Math.hypot(...g) / m; });
  });
  return { loss, grads: total, inputGradientByStep, stateGradientByStep };
}

export interface RecurrentTrainOptions {
  steps?: number;
  batchSize?: number;
  /** Adam's step size η. */
  learningRate?: number;
  /** Rescale the gradient when its global norm exceeds this (null: never). */
  clipNorm?: number | null;
  /** Seeds the mini-batches. */
  seed?: number;
}

/** What one training step reports. */
export interface RecurrentTrainStep {
  step: number;
  /** Mean squared error on the step's mini-batch, before the update. */
  loss: number;
  /** Global gradient norm before clipping. */
  gradNorm: number;
  /** The weights after the update (a copy). */
  params: RecurrentParams;
}

/**
 * Trains a recurrent cell and its read-out on a sequence task with Adam on mini-batches, one
 * yield per step. The starting params are not changed. A generator: a notebook loop can draw the
 * loss as it falls and `await tick()` between steps.
 */
export function* trainRecurrentSteps(start: RecurrentParams, task: SequenceTask, options: RecurrentTrainOptions = {}): Generator<RecurrentTrainStep, void, undefined> {
  const where = 'trainRecurrentSteps';
  const { steps = 200, batchSize = 32, learningRate = 0.01, clipNorm = 5, seed = 0 } = options;
  checkPositiveInt(steps, where, 'steps');
  checkPositiveInt(batchSize, where, 'batchSize');
  if (!(learningRate > 0)) fail(where, `learningRate must be > 0, got ${learningRate}`);
  if (clipNorm !== null && !(clipNorm > 0)) fail(where, `clipNorm must be > 0 or null, got ${clipNorm}`);
  const params = structuredClone(start);
  const random = rng(seed);
  // Adam keeps running means of g (m) and g² (v) per weight, on the weights flattened into one list.
  const flat = flattenParams(params);
  const m = new Float64Array(flat.length);
  const v = new Float64Array(flat.length);
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-7];
  for (let step = 1; step <= steps; step++) {
    const batch = random.sample(task.X.length, Math.min(batchSize, task.X.length));
    const result = recurrentLossAndGradients(params, batch.map((i) => task.X[i]), batch.map((i) => task.y[i]));
    const g = flattenParams(result.grads);
    const gradNorm = Math.hypot(...g);
    const scale = clipNorm !== null && gradNorm > clipNorm ? clipNorm / gradNorm : 1;
    const w = flattenParams(params);
    for (let k = 0; k < w.length; k++) {
      const gk = g[k] * scale;
      m[k] = beta1 * m[k] + (1 - beta1) * gk;
      v[k] = beta2 * v[k] + (1 - beta2) * gk * gk;
      // bias-corrected means: early steps are not pulled towards 0
      const mHat = m[k] / (1 - beta1 ** step);
      const vHat = v[k] / (1 - beta2 ** step);
      w[k] -= (learningRate * mHat) / (Math.sqrt(vHat) + epsilon);
    }
    unflattenInto(params, w);
    yield { step, loss: result.loss, gradNorm, params: structuredClone(params) };
  }
}

/** Every weight in a fixed order: kernel, recurrent kernel, bias, read-out, read-out bias. */
function flattenParams(p: RecurrentGradients): number[] {
  return [...p.kernel.flat(), ...p.recurrentKernel.flat(), ...p.bias, ...p.readout, p.readoutBias];
}

function unflattenInto(p: RecurrentParams, w: readonly number[]): void {
  let at = 0;
  const take = (row: number[]) => row.forEach((_, j) => { row[j] = w[at++]; });
  p.kernel.forEach(take);
  p.recurrentKernel.forEach(take);
  take(p.bias);
  take(p.readout);
  p.readoutBias = w[at];
}

/** Mean squared error of the cell on a task's sequences, divided by the targets' variance: 1 = no better than predicting the mean, 0 = perfect. */
export function recurrentUnexplainedVariance(params: RecurrentParams, task: SequenceTask): number {
  const n = task.y.length;
  const mean = task.y.reduce((a, b) => a + b, 0) / n;
  const variance = task.y.reduce((s, y) => s + (y - mean) ** 2, 0) / n;
  const mse = task.X.reduce((s, xs, i) => s + (recurrentPredict(params, xs) - task.y[i]) ** 2, 0) / n;
  return mse / variance;
}
