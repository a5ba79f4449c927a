import * as tf from '@tensorflow/tfjs';
import { toRows, type MatrixLike, type VectorLike, fail } from '../core/validate.ts';
import { batchLoss, type LossName } from './losses.ts';
import { inferLoss, targetTensor } from './train-steps.ts';
import { denseKernels } from './gradient-norms.ts';

export { denseKernels };

export interface LayerGradientNormOptions {
  /** Default: from the output layer (sigmoid → binary cross-entropy, softmax → sparse categorical, else MSE). */
  loss?: LossName;
  /**
   * Run the layers as in training (default true): batch normalisation uses the batch's own mean
   * and variance, as it does in the step an optimiser takes. Dropout, if any, is on too.
   */
  training?: boolean;
}

/**
 * ‖∂L/∂W⁽ˡ⁾‖ (Frobenius norm) for the kernel W⁽ˡ⁾ of every dense layer, first layer first, for
 * the mean loss L of the model on the batch (X, y). Biases, batch-norm γ and β are left out: the
 * kernels are where "the early layers stop learning" shows. One forward and one backward pass
 * (tf.variableGrads); the weights are not changed.
 */
export function layerGradientNorms(
  model: tf.LayersModel, X: MatrixLike, y: VectorLike | MatrixLike, options: LayerGradientNormOptions = {},
): number[] {
  const where = 'layerGradientNorms';
  const rows = toRows(X, where);
  const inputDim = model.inputs[0].shape[1];
  if (inputDim !== rows[0].length) fail(where, `X rows have ${rows[0].length} features but the model expects ${inputDim}`);
  const loss = options.loss ?? inferLoss(model);
  const training = options.training ?? true;
  const kernels = denseKernels(model).map((k) => k.kernel);
  return tf.tidy(() => {
    const xs = tf.tensor2d(rows);
    const ys = targetTensor(y, loss, rows.length, where);
    const { grads } = tf.variableGrads(
      () => batchLoss(loss, model.apply(xs, { training }) as tf.Tensor, ys),
      kernels,
    );
    // ‖G‖ = √(Σᵢⱼ Gᵢⱼ²), one number per layer
    return kernels.map((k) => Math.sqrt(grads[k.name].square().sum().dataSync()[0]));
  });
}
