import * as tf from '@tensorflow/tfjs';
import { fail } from '../core/validate.ts';

// Gradient norms the training loops (trainSteps, miniBatchSteps) and layerGradientNorms share.
// Not exported from the folder's index: denseKernels is, through layer-gradient-norms.ts.

/** The dense layers of a model, input to output, each with the variable holding its kernel W. */
export function denseKernels(model: tf.LayersModel): { layer: string; kernel: tf.Variable }[] {
  return model.layers
    .filter((layer) => layer.getClassName() === 'Dense')
    .map((layer) => {
      const kernel = layer.trainableWeights.find((w) => w.originalName.endsWith('kernel'));
      if (!kernel) fail('layerGradientNorms', `dense layer ${layer.name} has no trainable kernel`);
      return { layer: layer.name, kernel: kernel.read() as tf.Variable };
    });
}

/**
 * The global gradient norm ‖∇‖ = √(Σ over every weight of g²) and each named kernel's own
 * ‖∂L/∂W‖, read from the device in one go (on a small network the read is what costs).
 * The global norm is summed as before per-layer norms existed (tf.addN), so it is unchanged.
 * Call inside tf.tidy.
 */
export function stepGradientNorms(
  variables: readonly tf.Variable[], grads: tf.NamedTensorMap, kernelNames: readonly string[],
): { norm: number; kernelNorms: number[] } {
  const squares = variables.map((v) => grads[v.name].square().sum());
  const kernelSquares = kernelNames.map((name) => squares[variables.findIndex((v) => v.name === name)]);
  const [total, ...perKernel] = tf.stack([tf.addN(squares), ...kernelSquares]).dataSync();
  return { norm: Math.sqrt(total), kernelNorms: perKernel.map(Math.sqrt) };
}
