/**
 * Small tensor building blocks for models written by hand from tf variables (TransformerBlock,
 * CharTransformer): seeded weights, a dense layer applied to every token, layer norm, GELU.
 */
import * as tf from '@tensorflow/tfjs';
import type { Random } from '../core/random.ts';

/**
 * A fanIn × fanOut weight matrix drawn from N(0, std²) by a seeded generator (the same numbers on
 * every machine). The default std = 1/√fanIn keeps x·W at the scale of x.
 */
export function seededWeight(random: Random, fanIn: number, fanOut: number, std = 1 / Math.sqrt(fanIn)): tf.Variable {
  const values = Float32Array.from({ length: fanIn * fanOut }, () => random.normal(0, std));
  return variableOf(() => tf.tensor2d(values, [fanIn, fanOut]));
}

/** A trainable variable holding `make()`; the temporary tensor it was made from is freed. */
export function variableOf(make: () => tf.Tensor): tf.Variable {
  return tf.tidy(() => tf.variable(make()));
}

/** x·W (+ b) for x of shape [batch, time, in]: the same dense layer applied to every token. */
export function denseOverTokens(x: tf.Tensor3D, W: tf.Tensor2D, b?: tf.Tensor1D): tf.Tensor3D {
  const [batch, time, dIn] = x.shape;
  let y = x.reshape([batch * time, dIn]).matMul(W);
  if (b) y = y.add(b);
  return y.reshape([batch, time, W.shape[1]]);
}

/** Layer norm over the last axis: γ·(x − μ)/√(σ² + ε) + β per token. */
export function layerNormTensor(x: tf.Tensor3D, gamma: tf.Tensor1D, beta: tf.Tensor1D, epsilon = 1e-5): tf.Tensor3D {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, -1, true);
    return x.sub(mean).div(variance.add(epsilon).sqrt()).mul(gamma).add(beta) as tf.Tensor3D;
  });
}

/** GELU, tanh form: ½x(1 + tanh(√(2/π)(x + 0.044715x³))), as GPT-2. */
export function geluTensor(x: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => {
    const inner = x.add(x.pow(3).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
    return x.mul(inner.tanh().add(1)).mul(0.5) as tf.Tensor3D;
  });
}
