import * as tf from '@tensorflow/tfjs';

/** The training losses trainSteps knows. */
export type LossName = 'binaryCrossentropy' | 'sparseCategoricalCrossentropy' | 'meanSquaredError';

// Probabilities are kept inside [ε, 1 − ε] so log(0) never happens (Keras uses the same ε).
const EPSILON = 1e-7;

/**
 * Mean loss of a batch as a scalar tensor. Binary: −[y log p + (1 − y) log(1 − p)]; sparse
 * categorical: −log p[y] with y the class index; mean squared error: (ŷ − y)².
 */
export function batchLoss(name: LossName, predicted: tf.Tensor, target: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    switch (name) {
      case 'binaryCrossentropy': {
        const p = predicted.clipByValue(EPSILON, 1 - EPSILON);
        return target.mul(p.log()).add(tf.scalar(1).sub(target).mul(tf.scalar(1).sub(p).log())).neg().mean() as tf.Scalar;
      }
      case 'sparseCategoricalCrossentropy': {
        const p = predicted.clipByValue(EPSILON, 1 - EPSILON);
        const picked = p.mul(tf.oneHot(target as tf.Tensor1D, predicted.shape[1]!)).sum(1); // p[i, y_i]
        return picked.log().neg().mean() as tf.Scalar;
      }
      case 'meanSquaredError':
        return predicted.sub(target).square().mean() as tf.Scalar;
    }
  });
}

/** Fraction of correct predictions (thresholding a sigmoid at ½, or the arg-max of a softmax). */
export function batchAccuracy(name: LossName, predicted: tf.Tensor, target: tf.Tensor): number | undefined {
  if (name === 'meanSquaredError') return undefined;
  return tf.tidy(() => {
    const guess = name === 'binaryCrossentropy' ? predicted.greater(0.5).cast('float32') : predicted.argMax(1).cast('int32');
    return guess.equal(target).cast('float32').mean().dataSync()[0];
  });
}
