import * as tf from '@tensorflow/tfjs';
import { rng } from '../core/random.ts';
import { toRows, type MatrixLike, type VectorLike, fail } from '../core/validate.ts';
import { batchLoss } from './losses.ts';
import { createOptimizer } from './optimizers.ts';
import { learningRateAt } from './schedule.ts';
import { inferLoss, targetTensor, type TrainOptions } from './train-steps.ts';
import { denseKernels, stepGradientNorms } from './gradient-norms.ts';

/** What one optimisation step reports. */
export interface MiniBatchStep {
  /** Optimisation steps taken so far, this one included (1, 2, …). */
  step: number;
  /** The epoch this step belongs to (1, 2, …). */
  epoch: number;
  /** True for the epoch's last mini-batch: every row of X has now been used once this epoch. */
  endOfEpoch: boolean;
  /** Rows of X in this mini-batch. */
  batch: number[];
  /** The mini-batch loss before the step (dropout on, any L2 penalty included). */
  loss: number;
  /** The learning rate this step used. */
  learningRate: number;
  /** Global gradient norm ‖∇‖ before clipping. */
  gradNorm: number;
  /** ‖∂L/∂W⁽ˡ⁾‖ of every dense layer's kernel, first layer first, before clipping (layerGradientNorms of this step). */
  layerGradNorms: number[];
  /** The factor every gradient was multiplied by: min(1, clipNorm / ‖∇‖). */
  clipScale: number;
}

/** trainSteps' options that miniBatchSteps uses (it scores no validation set). */
export type MiniBatchOptions = Omit<TrainOptions, 'validationData'>;

/**
 * The same loop as trainSteps (same shuffles for the same seed, same schedule, clipping and
 * optimiser), but one yield per optimisation step instead of per epoch, so a page can redraw
 * mid-epoch and stop after any step. A synchronous generator: the caller decides when to
 * `await tick()`. Leaving the loop early (break, an exception, return()) frees its tensors.
 */
export function* miniBatchSteps(
  model: tf.LayersModel, X: MatrixLike, y: VectorLike | MatrixLike, options: MiniBatchOptions = {},
): Generator<MiniBatchStep, void, undefined> {
  const where = 'miniBatchSteps';
  const {
    epochs = 100, batchSize = 32, optimizer: optimizerName = 'adam', learningRate = 0.01, schedule = 'constant',
    warmup = 0, clipNorm = null, weightDecay = 0.01, momentum = 0, seed = 0,
  } = options;
  for (const [name, v] of [['epochs', epochs], ['batchSize', batchSize]] as const) {
    if (!Number.isInteger(v) || v < 1) fail(where, `${name} must be a whole number ≥ 1, got ${v}`);
  }
  if (!Number.isInteger(warmup) || warmup < 0) fail(where, `warmup must be a whole number of steps ≥ 0, got ${warmup}`);
  if (!(learningRate > 0)) fail(where, `learningRate must be > 0, got ${learningRate}`);
  if (clipNorm !== null && !(clipNorm > 0)) fail(where, `clipNorm must be > 0 or null, got ${clipNorm}`);
  const rows = toRows(X, where);
  const inputDim = model.inputs[0].shape[1];
  if (inputDim !== rows[0].length) fail(where, `X rows have ${rows[0].length} features but the model expects ${inputDim}`);
  const loss = options.loss ?? inferLoss(model);
  const n = rows.length;
  const stepsPerEpoch = Math.ceil(n / batchSize);
  const totalSteps = epochs * stepsPerEpoch;
  const random = rng(seed);

  const xs = tf.tensor2d(rows);
  let ys: tf.Tensor | undefined;
  const optimizer = createOptimizer(optimizerName, { weightDecay, momentum });
  try {
    ys = targetTensor(y, loss, n, where);
    const targets = ys;
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const kernelNames = denseKernels(model).map((k) => k.kernel.name);
    let step = 0;
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const order = random.permutation(n);
      for (let b = 0; b < stepsPerEpoch; b++) {
        const lr = learningRateAt(step, totalSteps, { learningRate, schedule, warmup });
        const batch = order.slice(b * batchSize, (b + 1) * batchSize);
        const { lossValue, gradNorm, layerGradNorms, clipScale } = tf.tidy(() => {
          const indices = tf.tensor1d(batch, 'int32');
          const xb = xs.gather(indices), yb = targets.gather(indices);
          const { value, grads } = tf.variableGrads(() => {
            const predicted = model.apply(xb, { training: true }) as tf.Tensor;
            return tf.addN([batchLoss(loss, predicted, yb), ...model.calculateLosses()]) as tf.Scalar; // + the layers' λΣw²
          }, variables);
          const gradList = variables.map((v) => grads[v.name]);
          // ‖∇‖ = √(Σ over every weight of g²); clipping multiplies every gradient by one factor, so the direction stays.
          const { norm, kernelNorms } = stepGradientNorms(variables, grads, kernelNames);
          const scale = clipNorm !== null && norm > clipNorm ? clipNorm / norm : 1;
          optimizer.step(variables, scale === 1 ? gradList : gradList.map((g) => g.mul(scale)), lr);
          return { lossValue: value.dataSync()[0], gradNorm: norm, layerGradNorms: kernelNorms, clipScale: scale };
        });
        step++;
        yield { step, epoch, endOfEpoch: b === stepsPerEpoch - 1, batch, loss: lossValue, learningRate: lr, gradNorm, layerGradNorms, clipScale };
      }
    }
  } finally {
    xs.dispose();
    ys?.dispose();
    optimizer.dispose();
  }
}

