import * as tf from '@tensorflow/tfjs';
import type { Random } from '../core/random.ts';
import { denseOverTokens, geluTensor, layerNormTensor, seededWeight, variableOf } from './tensor-ops.ts';
import { fail } from '../core/validate.ts';

export interface TransformerBlockOptions {
  dModel: number;
  numHeads: number;
  /** Width of the feed-forward layer (default 4·dModel). */
  ffDim?: number;
}

/**
 * One transformer block built from tf variables (pre-norm, as GPT-2):
 *   x ← x + MultiHeadAttention(LayerNorm(x))      (causal: token t sees only tokens ≤ t)
 *   x ← x + FeedForward(LayerNorm(x)),  FeedForward(h) = GELU(h·W₁ + b₁)·W₂ + b₂
 * The residual additions let gradients flow straight through a deep stack.
 */
export class TransformerBlock {
  readonly dModel: number;
  readonly numHeads: number;
  readonly ffDim: number;
  private readonly weights: {
    Wq: tf.Variable; Wk: tf.Variable; Wv: tf.Variable; Wo: tf.Variable;
    W1: tf.Variable; b1: tf.Variable; W2: tf.Variable; b2: tf.Variable;
    gamma1: tf.Variable; beta1: tf.Variable; gamma2: tf.Variable; beta2: tf.Variable;
  };

  constructor(options: TransformerBlockOptions, random: Random) {
    const { dModel, numHeads, ffDim = 4 * dModel } = options;
    if (!Number.isInteger(dModel) || !Number.isInteger(numHeads) || numHeads < 1 || dModel % numHeads !== 0) {
      fail('TransformerBlock', `numHeads (${numHeads}) must be a whole number dividing dModel (${dModel})`);
    }
    if (!Number.isInteger(ffDim) || ffDim < 1) fail('TransformerBlock', `ffDim must be a whole number ≥ 1, got ${ffDim}`);
    this.dModel = dModel;
    this.numHeads = numHeads;
    this.ffDim = ffDim;
    const zeros = (n: number) => variableOf(() => tf.zeros([n]));
    const ones = (n: number) => variableOf(() => tf.ones([n]));
    this.weights = {
      Wq: seededWeight(random, dModel, dModel), Wk: seededWeight(random, dModel, dModel),
      Wv: seededWeight(random, dModel, dModel), Wo: seededWeight(random, dModel, dModel),
      W1: seededWeight(random, dModel, ffDim), b1: zeros(ffDim), W2: seededWeight(random, ffDim, dModel), b2: zeros(dModel),
      gamma1: ones(dModel), beta1: zeros(dModel), gamma2: ones(dModel), beta2: zeros(dModel),
    };
  }

  /** The trainable variables, for an optimiser. */
  get variables(): tf.Variable[] {
    return Object.values(this.weights);
  }

  /** The block's output for x of shape [batch, time, dModel]. */
  apply(x: tf.Tensor3D, options: { causal?: boolean } = {}): tf.Tensor3D {
    return tf.tidy(() => {
      const { output, weights } = this.forward(x, options);
      weights.dispose();
      return output;
    });
  }

  /** The output and the attention weights [batch, heads, time, time] (for heat maps); the caller disposes both. */
  forward(x: tf.Tensor3D, options: { causal?: boolean } = {}): { output: tf.Tensor3D; weights: tf.Tensor4D } {
    const w = this.weights as unknown as Record<keyof TransformerBlock['weights'], tf.Tensor>;
    return tf.tidy(() => {
      const h1 = layerNormTensor(x, w.gamma1 as tf.Tensor1D, w.beta1 as tf.Tensor1D);
      const { output: attended, weights } = this.attention(h1, options.causal ?? false);
      const x1 = x.add(attended) as tf.Tensor3D;
      const h2 = layerNormTensor(x1, w.gamma2 as tf.Tensor1D, w.beta2 as tf.Tensor1D);
      const ff = denseOverTokens(geluTensor(denseOverTokens(h2, w.W1 as tf.Tensor2D, w.b1 as tf.Tensor1D)), w.W2 as tf.Tensor2D, w.b2 as tf.Tensor1D);
      return { output: x1.add(ff) as tf.Tensor3D, weights };
    });
  }

  /** Frees the block's variables. */
  dispose(): void {
    for (const v of this.variables) v.dispose();
  }

  private attention(x: tf.Tensor3D, causal: boolean): { output: tf.Tensor3D; weights: tf.Tensor4D } {
    const [batch, time] = x.shape;
    const h = this.numHeads, dk = this.dModel / h;
    const w = this.weights;
    // [batch, time, dModel] → [batch, heads, time, dk]: each head sees its own dk columns.
    const heads = (W: tf.Variable) => denseOverTokens(x, W as tf.Tensor2D).reshape([batch, time, h, dk]).transpose([0, 2, 1, 3]);
    const q = heads(w.Wq), k = heads(w.Wk), v = heads(w.Wv);
    let scores = tf.matMul(q, k, false, true).div(Math.sqrt(dk)); // QKᵀ/√dₖ
    if (causal) {
      // Future positions get −1e9, i.e. weight e^(−1e9) = 0 after the softmax.
      const allowed = tf.linalg.bandPart(tf.ones([time, time]), -1, 0);
      scores = scores.add(tf.scalar(1).sub(allowed).mul(-1e9));
    }
    const weights = tf.softmax(scores) as tf.Tensor4D;
    const mixed = tf.matMul(weights, v).transpose([0, 2, 1, 3]).reshape([batch, time, this.dModel]) as tf.Tensor3D;
    return { output: denseOverTokens(mixed, w.Wo as tf.Tensor2D), weights };
  }
}
