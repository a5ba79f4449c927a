import * as tf from '@tensorflow/tfjs';
import { rng } from '../core/random.ts';
import { toRows, toVector, type MatrixLike, type VectorLike, fail } from '../core/validate.ts';
import { batchAccuracy, batchLoss, type LossName } from './losses.ts';
import { createOptimizer, type OptimizerName } from './optimizers.ts';
import { learningRateAt, type LearningRateSchedule } from './schedule.ts';
import { denseKernels, stepGradientNorms } from './gradient-norms.ts';

export interface TrainOptions {
  epochs?: number;
  batchSize?: number;
  optimizer?: OptimizerName;
  learningRate?: number;
  schedule?: LearningRateSchedule;
  /** Optimisation steps of linear learning-rate warm-up. */
  warmup?: number;
  /** Rescale the gradients when their global norm exceeds this (null: never). */
  clipNorm?: number | null;
  /** AdamW's decoupled weight decay λ. */
  weightDecay?: number;
  /** SGD momentum. */
  momentum?: number;
  /** Default: from the output layer (sigmoid → binary, softmax → sparse categorical, else MSE). */
  loss?: LossName;
  /** Held-out [X, y] scored after each epoch (valLoss, valAccuracy). */
  validationData?: readonly [MatrixLike, VectorLike | MatrixLike];
  /** Seeds the mini-batch shuffling. */
  seed?: number;
}

/** What one epoch of training reports. */
export interface TrainStep {
  epoch: number;
  /** Mean mini-batch loss during the epoch (with dropout on, and any L2 penalty included). */
  loss: number;
  /** Accuracy on the whole training set after the epoch (classification only). */
  accuracy?: number;
  valLoss?: number;
  valAccuracy?: number;
  /** Learning rate at the epoch's last step. */
  learningRate: number;
  /** Mean global gradient norm ‖∇‖ over the epoch's steps, before clipping. */
  gradNorm: number;
  /** Mean ‖∂L/∂W⁽ˡ⁾‖ of every dense layer's kernel over the epoch's steps, first layer first, before clipping. */
  layerGradNorms: number[];
}

/** The loss a model's output layer implies: sigmoid → binary cross-entropy, softmax → sparse categorical, else MSE. */
export function inferLoss(model: tf.LayersModel): LossName {
  const config = model.layers[model.layers.length - 1].getConfig();
  if (config.activation === 'sigmoid') return 'binaryCrossentropy';
  if (config.activation === 'softmax') return 'sparseCategoricalCrossentropy';
  return 'meanSquaredError';
}

/** y as the tensor each loss wants: class indices (int32) for sparse categorical, a column otherwise. */
export function targetTensor(y: VectorLike | MatrixLike, loss: LossName, n: number, where: string): tf.Tensor {
  if (Array.isArray(y) && Array.isArray(y[0])) return tf.tensor2d(toRows(y as MatrixLike, where, { name: 'y' }));
  const v = toVector(y as VectorLike, where, { length: n });
  if (loss === 'sparseCategoricalCrossentropy') {
    const bad = v.findIndex((c) => !Number.isInteger(c) || c < 0);
    if (bad >= 0) fail(where, `y[${bad}] = ${v[bad]}; classes must be whole numbers 0, 1, 2, …`);
    return tf.tensor1d(v, 'int32');
  }
  if (loss === 'binaryCrossentropy') {
    const bad = v.findIndex((c) => c !== 0 && c !== 1);
    if (bad >= 0) fail(where, `y[${bad}] = ${v[bad]}; a sigmoid output needs labels 0 or 1`);
  }
  return tf.tensor2d(v, [v.length, 1]);
}

/**
 * The standard training loop, one yield per epoch: shuffle → mini-batches → forward → loss
 * (+ L2) → gradients → clip by global norm → optimiser step at the scheduled learning rate.
 * An async generator: it awaits tf.nextFrame() each epoch so a page stays responsive and a
 * loop over it can stop early (every tensor it made is freed either way).
 */
export async function* trainSteps(
  model: tf.LayersModel, X: MatrixLike, y: VectorLike | MatrixLike, options: TrainOptions = {},
): AsyncGenerator<TrainStep, void, undefined> {
  const where = 'trainSteps';
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
  const optimizer = createOptimizer(optimizerName, { weightDecay, momentum });
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const kernelNames = denseKernels(model).map((k) => k.kernel.name);
  const n = rows.length;
  const stepsPerEpoch = Math.ceil(n / batchSize);
  const random = rng(seed);

  const owned: tf.Tensor[] = [];
  const own = <T extends tf.Tensor>(t: T) => { owned.push(t); return t; };
  try {
    const xs = own(tf.tensor2d(rows));
    const ys = own(targetTensor(y, loss, n, where));
    const val = options.validationData && {
      xs: own(tf.tensor2d(toRows(options.validationData[0], where, { name: 'validation X' }))),
      ys: own(targetTensor(options.validationData[1], loss, toRows(options.validationData[0], where).length, where)),
    };
    let step = 0;
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const order = random.permutation(n);
      let lossSum = 0, normSum = 0, lr = learningRate;
      const layerNormSums = kernelNames.map(() => 0);
      for (let b = 0; b < stepsPerEpoch; b++) {
        lr = learningRateAt(step, epochs * stepsPerEpoch, { learningRate, schedule, warmup });
        const idx = order.slice(b * batchSize, (b + 1) * batchSize);
        const { batchLossValue, gradNorm, layerGradNorms } = tf.tidy(() => {
          const indices = tf.tensor1d(idx, 'int32');
          const xb = xs.gather(indices), yb = ys.gather(indices);
          const { value, grads } = tf.variableGrads(() => {
            const predicted = model.apply(xb, { training: true }) as tf.Tensor;
            const penalties = model.calculateLosses(); // the layers' L2 terms λΣw²
            return tf.addN([batchLoss(loss, predicted, yb), ...penalties]) as tf.Scalar;
          }, variables);
          const gradList = variables.map((v) => grads[v.name]);
          // ‖∇‖ = √(Σ over all weights of g²); clipping rescales every gradient by the same factor.
          const { norm, kernelNorms } = stepGradientNorms(variables, grads, kernelNames);
          const scale = clipNorm !== null && norm > clipNorm ? clipNorm / norm : 1;
          optimizer.step(variables, scale === 1 ? gradList : gradList.map((g) => g.mul(scale)), lr);
          return { batchLossValue: value.dataSync()[0], gradNorm: norm, layerGradNorms: kernelNorms };
        });
        lossSum += batchLossValue;
        normSum += gradNorm;
        layerGradNorms.forEach((v, l) => { layerNormSums[l] += v; });
        step++;
      }
      const report: TrainStep = {
        epoch, loss: lossSum / stepsPerEpoch, learningRate: lr, gradNorm: normSum / stepsPerEpoch,
        layerGradNorms: layerNormSums.map((v) => v / stepsPerEpoch),
      };
      tf.tidy(() => {
        const accuracy = batchAccuracy(loss, model.apply(xs, { training: false }) as tf.Tensor, ys);
        if (accuracy !== undefined) report.accuracy = accuracy;
        if (val) {
          const predicted = model.apply(val.xs, { training: false }) as tf.Tensor;
          report.valLoss = batchLoss(loss, predicted, val.ys).dataSync()[0];
          const valAccuracy = batchAccuracy(loss, predicted, val.ys);
          if (valAccuracy !== undefined) report.valAccuracy = valAccuracy;
        }
      });
      await tf.nextFrame();
      yield report;
    }
  } finally {
    owned.forEach((t) => t.dispose());
    optimizer.dispose();
  }
}

/** Runs trainSteps to the end and returns every epoch's report (the loss curve). */
export async function train(model: tf.LayersModel, X: MatrixLike, y: VectorLike | MatrixLike, options: TrainOptions = {}): Promise<TrainStep[]> {
  const history: TrainStep[] = [];
  for await (const step of trainSteps(model, X, y, options)) history.push(step);
  return history;
}
