import * as tf from '@tensorflow/tfjs';
import { checkPositiveInt, fail, toRows, toVector, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { batchLoss } from '../neural/losses.ts';
import { createOptimizer } from '../neural/optimizers.ts';

export interface FewShotTrainingOptions {
  /** Full-batch Adam steps: with a handful of examples, one batch is the whole support set. */
  epochs?: number;
  learningRate?: number;
}

/**
 * Trains a softmax classifier on a small support set: full-batch Adam on the cross-entropy, over
 * the model's trainable weights only, so frozen layers stay exactly as they were. Synchronous
 * (no waiting for a frame between steps): a few dozen steps on a few dozen examples take
 * milliseconds, and a caller comparing many models yields between them instead.
 * Returns the loss before each step.
 */
export function trainFewShot(model: tf.LayersModel, X: MatrixLike, y: VectorLike, options: FewShotTrainingOptions = {}): number[] {
  const where = 'trainFewShot';
  const { epochs = 40, learningRate = 0.02 } = options;
  checkPositiveInt(epochs, where, 'epochs');
  if (!(learningRate > 0)) fail(where, `learningRate must be > 0, got ${learningRate}`);
  const rows = toRows(X, where);
  const labels = toVector(y, where, { name: 'y', length: rows.length });
  const classes = model.outputs[0].shape[1] as number;
  const bad = labels.findIndex((c) => !Number.isInteger(c) || c < 0 || c >= classes);
  if (bad >= 0) fail(where, `y[${bad}] = ${labels[bad]}, but the model's head has classes 0 to ${classes - 1}`);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  if (variables.length === 0) fail(where, 'the model has no trainable weights: every layer is frozen');
  const optimizer = createOptimizer('adam');
  const xs = tf.tensor2d(rows);
  const ys = tf.tensor1d(labels, 'int32');
  const losses: number[] = [];
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(
          () => batchLoss('sparseCategoricalCrossentropy', model.apply(xs, { training: true }) as tf.Tensor, ys), variables);
        optimizer.step(variables, variables.map((v) => grads[v.name]), learningRate);
        losses.push(value.dataSync()[0]);
      });
    }
  } finally {
    xs.dispose();
    ys.dispose();
    optimizer.dispose();
  }
  return losses;
}
