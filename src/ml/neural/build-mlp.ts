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
   * Residual (skip) connections: every hidden layer after the first adds its input back,
   * h⁽ˡ⁾ = h⁽ˡ⁻¹⁾ + f(h⁽ˡ⁻¹⁾). The hidden widths must then be equal. Default false.
   */
  residual?: boolean;
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
 * A multi-layer perceptron: [dense → (batch norm) → activation → (dropout)] per hidden layer,
 * then a dense output layer. Weights start from Glorot-uniform draws with seeds derived from
 * `seed`, so the same options always give the same network.
 *
 * With `residual: true` every hidden layer after the first is a block that adds its input back,
 *
 *   h⁽ˡ⁾ = h⁽ˡ⁻¹⁾ + f(h⁽ˡ⁻¹⁾),  f(h) = dropout(g(BN(W⁽ˡ⁾h + b⁽ˡ⁾))),
 *
 * so ∂h⁽ˡ⁾/∂h⁽ˡ⁻¹⁾ = I + ∂f/∂h: the gradient always has a path through the identity, whatever
 * g′ is. The first layer changes the width (inputDim → hidden[0]) and has no skip. The seeds are
 * drawn in the same order either way, so a residual network starts from the same weights as the
 * plain one with the same options and differs only in the skips. Without skips the model is a
 * tf.Sequential; with them it is a functional tf.LayersModel (a skip is not a stack of layers).
 */
export function buildMLP(options: MLPOptions & { residual?: false }): tf.Sequential;
export function buildMLP(options: MLPOptions): tf.LayersModel;
export function buildMLP(options: MLPOptions): tf.LayersModel {
  const where = 'buildMLP';
  const {
    inputDim, hidden = [16, 16], activation = 'relu', outputDim = 1, dropout = 0, batchNorm = false, batchNormMomentum = 0.99,
    residual = false, l2 = 0, seed = 0,
  } = options;
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
  if (residual && hidden.length === 0) fail(where, `residual connections need at least one hidden layer; got hidden = []`);
  if (residual && hidden.some((w) => w !== hidden[0])) {
    fail(where, `a residual block adds its input to its output, so every hidden width must be equal; got ${JSON.stringify(hidden)}`);
  }

  const random = rng(seed);
  const nextSeed = () => random.int(2 ** 31);
  const dense = (units: number, act: MLPOutputActivation | (typeof TF_ACTIVATION)[keyof typeof TF_ACTIVATION], first: boolean) => tf.layers.dense({
    units,
    activation: act,
    kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }),
    kernelRegularizer: l2 > 0 ? tf.regularizers.l2({ l2 }) : undefined,
    ...(first ? { inputShape: [inputDim] } : {}),
  });
  /** One hidden layer's layers in order; seeds are drawn here, dense first, then dropout. */
  const hiddenLayer = (units: number, first: boolean): tf.layers.Layer[] => {
    // With batch norm (or a leaky ReLU layer) the dense layer stays linear and the activation follows.
    const separateActivation = batchNorm || activation === 'leakyRelu';
    const layers: tf.layers.Layer[] = [dense(units, separateActivation ? 'linear' : TF_ACTIVATION[activation as keyof typeof TF_ACTIVATION], first)];
    if (batchNorm) layers.push(tf.layers.batchNormalization({ momentum: batchNormMomentum }));
    if (activation === 'leakyRelu') layers.push(tf.layers.leakyReLU({ alpha: 0.01 }));
    else if (batchNorm) layers.push(tf.layers.activation({ activation: TF_ACTIVATION[activation] }));
    if (dropout > 0) layers.push(new SeededDropout({ rate: dropout, seed: nextSeed() }));
    return layers;
  };

  if (!residual) {
    const model = tf.sequential();
    hidden.forEach((units, i) => hiddenLayer(units, i === 0).forEach((layer) => model.add(layer)));
    model.add(dense(outputDim, outputActivation, hidden.length === 0));
    return model;
  }
  const input = tf.input({ shape: [inputDim] });
  const applyAll = (layers: tf.layers.Layer[], x: tf.SymbolicTensor) => layers.reduce((h, layer) => layer.apply(h) as tf.SymbolicTensor, x);
  let h = applyAll(hiddenLayer(hidden[0], false), input);
  for (const units of hidden.slice(1)) {
    h = tf.layers.add().apply([h, applyAll(hiddenLayer(units, false), h)]) as tf.SymbolicTensor; // h + f(h)
  }
  const output = dense(outputDim, outputActivation, false).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output });
}
