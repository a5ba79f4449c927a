import * as tf from '@tensorflow/tfjs';
import { rng } from '../core/random.ts';
import type { MLPActivation, MLPOptions } from './build-mlp.ts';
import { fail } from '../core/validate.ts';

/** buildResidualMLP takes buildMLP's options, without dropout. */
export type ResidualMLPOptions = Omit<MLPOptions, 'dropout'>;

const TF_ACTIVATION = {
  relu: 'relu', tanh: 'tanh', sigmoid: 'sigmoid', elu: 'elu', swish: 'swish', gelu: 'gelu', geluTanh: 'gelu_new', linear: 'linear',
} as const;

function activationLayer(activation: MLPActivation): tf.layers.Layer {
  return activation === 'leakyRelu' ? tf.layers.leakyReLU({ alpha: 0.01 }) : tf.layers.activation({ activation: TF_ACTIVATION[activation] });
}

/**
 * An MLP with residual (skip) connections: the first hidden layer maps the input to the hidden
 * width, and every further hidden layer is a block that adds its input back,
 *
 *   h⁽ˡ⁾ = h⁽ˡ⁻¹⁾ + g(BN(W⁽ˡ⁾h⁽ˡ⁻¹⁾ + b⁽ˡ⁾))      (BN only with batchNorm),
 *
 * so ∂h⁽ˡ⁾/∂h⁽ˡ⁻¹⁾ = I + (the block's Jacobian): the gradient always has a path through the
 * identity, whatever g′ is. The blocks need equal widths. The dense kernels are drawn from the
 * same seeds, in the same order, as buildMLP's with the same options, so the two models start
 * from identical weights and differ only in the skips.
 */
export function buildResidualMLP(options: ResidualMLPOptions): tf.LayersModel {
  const where = 'buildResidualMLP';
  const { inputDim, hidden = [16, 16], activation = 'relu', outputDim = 1, batchNorm = false, l2 = 0, seed = 0 } = options;
  const outputActivation = options.outputActivation ?? (outputDim === 1 ? 'sigmoid' : 'softmax');
  const positiveInt = (v: number) => Number.isInteger(v) && v >= 1;
  if ('dropout' in options) fail(where, `dropout is not supported here; use buildMLP for dropout`);
  if (!positiveInt(inputDim)) fail(where, `inputDim must be a whole number ≥ 1 (features per example), got ${inputDim}`);
  if (!positiveInt(outputDim)) fail(where, `outputDim must be a whole number ≥ 1, got ${outputDim}`);
  if (!Array.isArray(hidden) || hidden.length === 0 || !hidden.every(positiveInt)) {
    fail(where, `hidden must be a non-empty list of layer widths ≥ 1, e.g. [16, 16, 16]; got ${JSON.stringify(hidden)}`);
  }
  if (hidden.some((w) => w !== hidden[0])) {
    fail(where, `a residual block adds its input to its output, so every hidden width must be equal; got ${JSON.stringify(hidden)}`);
  }
  if (activation !== 'leakyRelu' && !Object.hasOwn(TF_ACTIVATION, activation)) {
    fail(where, `activation must be one of leakyRelu, ${Object.keys(TF_ACTIVATION).join(', ')}; got ${JSON.stringify(activation)}`);
  }
  if (!['sigmoid', 'softmax', 'linear'].includes(outputActivation)) fail(where, `outputActivation must be 'sigmoid', 'softmax' or 'linear', got ${JSON.stringify(outputActivation)}`);
  if (!(l2 >= 0)) fail(where, `l2 must be ≥ 0, got ${l2}`);

  // The same seed sequence as buildMLP: one draw per dense layer, input to output.
  const random = rng(seed);
  const nextSeed = () => random.int(2 ** 31);
  const dense = (units: number, act: 'linear' | 'sigmoid' | 'softmax') => tf.layers.dense({
    units,
    activation: act,
    kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }),
    kernelRegularizer: l2 > 0 ? tf.regularizers.l2({ l2 }) : undefined,
  });
  /** g(BN(Wh + b)): one hidden layer without its skip. */
  const block = (input: tf.SymbolicTensor, units: number): tf.SymbolicTensor => {
    let z = dense(units, 'linear').apply(input) as tf.SymbolicTensor;
    if (batchNorm) z = tf.layers.batchNormalization().apply(z) as tf.SymbolicTensor;
    return activationLayer(activation).apply(z) as tf.SymbolicTensor;
  };

  const input = tf.input({ shape: [inputDim] });
  // The first layer changes the width (inputDim → hidden[0]), so it has no skip.
  let h = block(input, hidden[0]);
  for (const units of hidden.slice(1)) {
    h = tf.layers.add().apply([h, block(h, units)]) as tf.SymbolicTensor; // h + f(h)
  }
  const output = dense(outputDim, outputActivation).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output });
}
