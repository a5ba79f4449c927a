import * as tf from '@tensorflow/tfjs';
import { rng } from '../core/random.ts';
import { SeededDropout } from './seeded-dropout.ts';
import { fail } from '../core/validate.ts';

/** Hidden-layer activations buildMLP understands (our names; 'geluTanh' is tf.js' 'gelu_new'). */
export type MLPActivation = 'relu' | 'leakyRelu' | 'tanh' | 'sigmoid' | 'elu' | 'swish' | 'gelu' | 'geluTanh' | 'linear';
export type MLPOutputActivation = 'sigmoid' | 'softmax' | 'linear';

export interface MLPOptions {
  inputDim: number;
  /** Width of each hidden layer, e.g. [16, 16]. */
  hidden?: number[];
  activation?: MLPActivation;
  outputDim?: number;
  /** Default: 'sigmoid' for one output (binary), 'softmax' for several (classes). */
  outputActivation?: MLPOutputActivation;
  /** Dropout rate after each hidden layer (0 = none). */
  dropout?: number;
  /** Batch normalisation between each hidden layer's weights and its activation. */
  batchNorm?: boolean;
  /**
   * How much of the running mean and variance each training batch keeps (default 0.99, Keras').
   * Inference uses these running statistics: a short run wants a shorter memory, e.g. 0.9
   * (PyTorch's default, which it writes as momentum 0.1).
   */
  batchNormMomentum?: number;
  /** L2 penalty λ·Σw² on every kernel (added to the loss by trainSteps). */
  l2?: number;
  seed?: number;
}

const TF_ACTIVATION = {
  relu: 'relu', tanh: 'tanh', sigmoid: 'sigmoid', elu: 'elu', swish: 'swish', gelu: 'gelu', geluTanh: 'gelu_new', linear: 'linear',
} as const;

/**
 * A multi-layer perceptron as a tf.Sequential: [dense → (batch norm) → activation → (dropout)] per
 * hidden layer, then a dense output layer. Weights start from Glorot-uniform draws with seeds
 * derived from `seed`, so the same options always give the same network.
 */
export function buildMLP(options: MLPOptions): tf.Sequential {
  const where = 'buildMLP';
  const { inputDim, hidden = [16, 16], activation = 'relu', outputDim = 1, dropout = 0, batchNorm = false, batchNormMomentum = 0.99, l2 = 0, seed = 0 } = options;
  const outputActivation = options.outputActivation ?? (outputDim === 1 ? 'sigmoid' : 'softmax');
  const positiveInt = (v: number) => Number.isInteger(v) && v >= 1;
  if (!positiveInt(inputDim)) fail(where, `inputDim must be a whole number ≥ 1 (features per example), got ${inputDim}`);
  if (!positiveInt(outputDim)) fail(where, `outputDim must be a whole number ≥ 1, got ${outputDim}`);
  if (!Array.isArray(hidden) || !hidden.every(positiveInt)) fail(where, `hidden must be a list of layer widths ≥ 1, e.g. [16, 16]; got ${JSON.stringify(hidden)}`);
  if (activation !== 'leakyRelu' && !Object.hasOwn(TF_ACTIVATION, activation)) {
    fail(where, `activation must be one of leakyRelu, ${Object.keys(TF_ACTIVATION).join(', ')}; got ${JSON.stringify(activation)}`);
  }
  if (!['sigmoid', 'softmax', 'linear'].includes(outputActivation)) fail(where, `outputActivation must be 'sigmoid', 'softmax' or 'linear', got ${JSON.stringify(outputActivation)}`);
  if (!(dropout >= 0 && dropout < 1)) fail(where, `dropout must be in [0, 1), got ${dropout}`);
  if (!(batchNormMomentum >= 0 && batchNormMomentum < 1)) fail(where, `batchNormMomentum must be in [0, 1), got ${batchNormMomentum}`);
  if (!(l2 >= 0)) fail(where, `l2 must be ≥ 0, got ${l2}`);

  const random = rng(seed);
  const nextSeed = () => random.int(2 ** 31);
  const dense = (units: number, act: MLPOutputActivation | (typeof TF_ACTIVATION)[keyof typeof TF_ACTIVATION], first: boolean) => tf.layers.dense({
    units,
    activation: act,
    kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }),
    kernelRegularizer: l2 > 0 ? tf.regularizers.l2({ l2 }) : undefined,
    ...(first ? { inputShape: [inputDim] } : {}),
  });

  const model = tf.sequential();
  hidden.forEach((units, i) => {
    // With batch norm (or a leaky ReLU layer) the dense layer stays linear and the activation follows.
    const separateActivation = batchNorm || activation === 'leakyRelu';
    model.add(dense(units, separateActivation ? 'linear' : TF_ACTIVATION[activation as keyof typeof TF_ACTIVATION], i === 0));
    if (batchNorm) model.add(tf.layers.batchNormalization({ momentum: batchNormMomentum }));
    if (activation === 'leakyRelu') model.add(tf.layers.leakyReLU({ alpha: 0.01 }));
    else if (batchNorm) model.add(tf.layers.activation({ activation: TF_ACTIVATION[activation] }));
    if (dropout > 0) model.add(new SeededDropout({ rate: dropout, seed: nextSeed() }));
  });
  model.add(dense(outputDim, outputActivation, hidden.length === 0));
  return model;
}
