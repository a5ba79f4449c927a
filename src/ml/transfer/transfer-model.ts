import * as tf from '@tensorflow/tfjs';
import { rng } from '../core/random.ts';
import { checkPositiveInt, fail, toRows, type MatrixLike } from '../core/validate.ts';

/**
 * How a model for the new task starts:
 * - 'frozen': the pre-trained body's weights, locked (`layer.trainable = false`); only the new head learns
 *   (feature extraction);
 * - 'fine-tune': the pre-trained body's weights as a warm start, every layer trains;
 * - 'scratch': the same architecture from random weights, every layer trains.
 */
export type TransferStart = 'frozen' | 'fine-tune' | 'scratch';

export interface TransferModelOptions {
  /** Classes of the new task: the width of the new softmax head. */
  classes: number;
  start: TransferStart;
  /** Seeds the new head (and the body, from scratch). */
  seed?: number;
}

/** One dense layer as plain data: y = activation(x·kernel + bias). */
export interface DenseLayerSnapshot {
  units: number;
  activation: string;
  /** inputs × units */
  kernel: number[][];
  bias: number[];
}

/**
 * A trained stack of dense layers as plain data, output layer last. A notebook keeps this between
 * cells instead of a tf.js model, whose tensors would stay in memory each time its cell re-ran.
 */
export interface DenseStackSnapshot {
  inputDim: number;
  layers: DenseLayerSnapshot[];
}

/** The weights and shape of a dense-only model (buildMLP without dropout or batch norm), as plain data. */
export function snapshotDenseModel(model: tf.LayersModel): DenseStackSnapshot {
  const where = 'snapshotDenseModel';
  const layers = model.layers.map((layer) => {
    if (layer.getClassName() !== 'Dense') {
      fail(where, `can copy dense layers only, but layer "${layer.name}" is ${layer.getClassName()}; build the model with buildMLP without dropout or batch norm`);
    }
    const config = layer.getConfig();
    const [kernel, bias] = layer.getWeights();
    return { units: config.units as number, activation: String(config.activation), kernel: kernel.arraySync() as number[][], bias: bias.arraySync() as number[] };
  });
  return { inputDim: model.inputs[0].shape[1] as number, layers };
}

/** The body of a pre-trained classifier: every layer but its output layer. */
function bodyLayers(pretrained: DenseStackSnapshot | tf.LayersModel, where: string): DenseStackSnapshot {
  const stack = pretrained instanceof tf.LayersModel ? snapshotDenseModel(pretrained) : pretrained;
  if (stack.layers.length < 2) fail(where, 'the pre-trained model has no hidden layer to reuse: it is only an output layer');
  return { inputDim: stack.inputDim, layers: stack.layers.slice(0, -1) };
}

/**
 * A classifier for a new task built on a pre-trained one: its hidden layers (copied, so training
 * the new model never changes the pre-trained one) with their weights or fresh random ones, and a
 * new softmax head of `classes` units in place of the old output layer. The old head is dropped:
 * its units stand for the source task's classes, which the new task does not have.
 */
export function transferModel(pretrained: DenseStackSnapshot | tf.LayersModel, options: TransferModelOptions): tf.Sequential {
  const where = 'transferModel';
  const { classes, start, seed = 0 } = options;
  checkPositiveInt(classes, where, 'classes', 2);
  if (!['frozen', 'fine-tune', 'scratch'].includes(start)) fail(where, `start must be 'frozen', 'fine-tune' or 'scratch', got ${JSON.stringify(start)}`);
  const body = bodyLayers(pretrained, where);
  const random = rng(seed);
  const nextSeed = () => random.int(2 ** 31);
  const model = tf.sequential();
  body.layers.forEach((layer, i) => {
    const copy = tf.layers.dense({
      units: layer.units,
      activation: layer.activation as 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }),
      ...(i === 0 ? { inputShape: [body.inputDim] } : {}),
    });
    model.add(copy);
    if (start !== 'scratch') {
      // The pre-trained weights, copied: setWeights writes values into the copy's own variables.
      tf.tidy(() => copy.setWeights([tf.tensor2d(layer.kernel), tf.tensor1d(layer.bias)]));
    }
    // Freezing: the layer still runs forward, but its weights leave model.trainableWeights,
    // so no optimiser ever sees them.
    if (start === 'frozen') copy.trainable = false;
  });
  model.add(tf.layers.dense({ units: classes, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }) }));
  return model;
}

/** Weights an optimiser will update, and all weights, counted in numbers (not tensors). */
export function countModelParameters(model: tf.LayersModel): { trainable: number; total: number } {
  const size = (weights: tf.LayerVariable[]) => weights.reduce((sum, w) => sum + w.shape.reduce<number>((p, d) => p * (d ?? 1), 1), 0);
  return { trainable: size(model.trainableWeights), total: size(model.weights) };
}

/**
 * The embedding of each row of X: the output of the last hidden layer of a classifier (the input
 * of its output layer), the representation its head reads.
 */
export function embedRows(model: DenseStackSnapshot | tf.LayersModel, X: MatrixLike): number[][] {
  const where = 'embedRows';
  const body = bodyLayers(model, where);
  const rows = toRows(X, where);
  if (rows[0].length !== body.inputDim) fail(where, `X rows have ${rows[0].length} features but the model expects ${body.inputDim}`);
  return tf.tidy(() => {
    let h: tf.Tensor = tf.tensor2d(rows);
    for (const layer of body.layers) {
      // h ← g(h·W + b), the layer's own activation g
      const z = h.matMul(tf.tensor2d(layer.kernel)).add(tf.tensor1d(layer.bias));
      h = tf.layers.activation({ activation: layer.activation as 'tanh' }).apply(z) as tf.Tensor;
    }
    return h.arraySync() as number[][];
  });
}

/** The predicted class (arg max of the output) for each row of X. */
export function predictClassIndices(model: tf.LayersModel, X: MatrixLike): number[] {
  const rows = toRows(X, 'predictClassIndices');
  return tf.tidy(() => Array.from((model.predict(tf.tensor2d(rows)) as tf.Tensor).argMax(1).dataSync()));
}
