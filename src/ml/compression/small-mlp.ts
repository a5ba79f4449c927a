// A small ReLU network in plain TypeScript whose weights are ordinary arrays, so that they can be
// quantised, pruned and put back without tensors; trained full-batch with Adam on any loss whose
// gradient with respect to the logits is given (cross-entropy, or a distillation loss).

import { toRandom, type SeedLike } from '../core/random.ts';
import type { PruningMask } from './magnitude-pruning.ts';

/** One dense layer: weights[out][in] (PyTorch's layout) and bias[out]. */
export interface SmallMLPLayer {
  weights: number[][];
  bias: number[];
}

/** Layers in order; ReLU between them, none after the last (its outputs are the logits). */
export type SmallMLP = SmallMLPLayer[];

/** A loss of the logits: its value and ∂loss/∂logits, one row per sample. */
export type LogitLoss = (logits: number[][]) => { loss: number; gradient: number[][] };

export interface TrainSmallMLPOptions {
  steps: number;
  learningRate: number;
  /** Pruning masks to hold at zero while training (fine-tuning a pruned network). */
  masks?: PruningMask;
}

/** He-initialised weights (normal, variance 2 / fan-in) and zero biases, sizes[0] inputs. */
export function initSmallMLP(sizes: readonly number[], seed: SeedLike = 0): SmallMLP {
  const random = toRandom(seed);
  return sizes.slice(1).map((out, l) => ({
    weights: Array.from({ length: out }, () => Array.from({ length: sizes[l] }, () => random.normal(0, Math.sqrt(2 / sizes[l])))),
    bias: new Array<number>(out).fill(0),
  }));
}

/** Every layer's output: activations[0] is X, the last entry the logits. */
function forward(net: SmallMLP, X: readonly (readonly number[])[]): number[][][] {
  const activations: number[][][] = [X as number[][]];
  for (let l = 0; l < net.length; l++) {
    const { weights, bias } = net[l], below = activations[l], hidden = l < net.length - 1;
    const out: number[][] = new Array(below.length);
    for (let n = 0; n < below.length; n++) {
      const a = below[n], z = new Array<number>(weights.length);
      for (let o = 0; o < weights.length; o++) {
        const w = weights[o];
        let sum = bias[o]; // z = W·a + b
        for (let i = 0; i < w.length; i++) sum += w[i] * a[i];
        z[o] = hidden && sum < 0 ? 0 : sum; // ReLU on hidden layers
      }
      out[n] = z;
    }
    activations.push(out);
  }
  return activations;
}

export function smallMLPLogits(net: SmallMLP, X: readonly (readonly number[])[]): number[][] {
  const activations = forward(net, X);
  return activations[activations.length - 1];
}

/** Class with the largest logit, per row. */
export function smallMLPPredict(net: SmallMLP, X: readonly (readonly number[])[]): number[] {
  return smallMLPLogits(net, X).map((z) => z.indexOf(Math.max(...z)));
}

export function smallMLPAccuracy(net: SmallMLP, X: readonly (readonly number[])[], y: readonly number[]): number {
  return smallMLPPredict(net, X).filter((p, i) => p === y[i]).length / y.length;
}

/** A copy of the network with its weight matrices replaced (biases kept). */
export function withSmallMLPWeights(net: SmallMLP, weights: readonly (readonly (readonly number[])[])[]): SmallMLP {
  return net.map((layer, l) => ({ weights: weights[l].map((r) => [...r]), bias: [...layer.bias] }));
}

/**
 * Full-batch Adam (β₁ 0.9, β₂ 0.999, PyTorch's update); returns the trained copy and the loss
 * before each step. The loop works on flat Float64Arrays (weights row-major, activations one row
 * per sample) so that no array is allocated inside it; only the logits cross to `lossOf` as rows.
 */
export function trainSmallMLP(start: SmallMLP, X: readonly (readonly number[])[], lossOf: LogitLoss, options: TrainSmallMLPOptions): { net: SmallMLP; losses: number[] } {
  const { steps, learningRate: eta, masks } = options;
  const n = X.length;
  const sizes = [start[0].weights[0].length, ...start.map((layer) => layer.weights.length)];
  const depth = start.length;
  const W = start.map((layer, l) => Float64Array.from(layer.weights.flat().map((w, k) => (masks && masks[l].flat()[k] === 0 ? 0 : w))));
  const B = start.map((layer) => Float64Array.from(layer.bias));
  const keep = start.map((_, l) => (masks ? Float64Array.from(masks[l].flat()) : undefined));
  const gradW = W.map((w) => new Float64Array(w.length)), gradB = B.map((b) => new Float64Array(b.length));
  const mW = W.map((w) => new Float64Array(w.length)), vW = W.map((w) => new Float64Array(w.length));
  const mB = B.map((b) => new Float64Array(b.length)), vB = B.map((b) => new Float64Array(b.length));
  // a[0] = X; a[l + 1] = layer l's output; delta[l + 1] = ∂loss/∂(pre-activation of layer l).
  const a = sizes.map((size) => new Float64Array(n * size));
  const delta = sizes.map((size) => new Float64Array(n * size));
  X.forEach((row, i) => a[0].set(row, i * sizes[0]));
  const logits = Array.from({ length: n }, () => new Array<number>(sizes[depth]).fill(0));
  const beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  const losses: number[] = [];
  for (let t = 1; t <= steps; t++) {
    // Forward: z = W·a + b, ReLU on hidden layers.
    for (let l = 0; l < depth; l++) {
      const nIn = sizes[l], nOut = sizes[l + 1], below = a[l], out = a[l + 1], w = W[l], b = B[l], hidden = l < depth - 1;
      for (let i = 0; i < n; i++) {
        for (let o = 0; o < nOut; o++) {
          let sum = b[o];
          for (let k = 0; k < nIn; k++) sum += w[o * nIn + k] * below[i * nIn + k];
          out[i * nOut + o] = hidden && sum < 0 ? 0 : sum;
        }
      }
    }
    const nClasses = sizes[depth];
    for (let i = 0; i < n; i++) for (let c = 0; c < nClasses; c++) logits[i][c] = a[depth][i * nClasses + c];
    const { loss, gradient } = lossOf(logits);
    losses.push(loss);
    for (let i = 0; i < n; i++) for (let c = 0; c < nClasses; c++) delta[depth][i * nClasses + c] = gradient[i][c];
    // Backward: ∂L/∂W = δ·aᵀ, ∂L/∂b = Σδ, δ_below = (Wᵀ·δ) ⊙ [a_below > 0]. All gradients before any update.
    for (let l = depth - 1; l >= 0; l--) {
      const nIn = sizes[l], nOut = sizes[l + 1], below = a[l], d = delta[l + 1], w = W[l], gw = gradW[l], gb = gradB[l];
      gw.fill(0);
      gb.fill(0);
      for (let i = 0; i < n; i++) {
        for (let o = 0; o < nOut; o++) {
          const dv = d[i * nOut + o];
          if (dv === 0) continue;
          gb[o] += dv;
          for (let k = 0; k < nIn; k++) gw[o * nIn + k] += dv * below[i * nIn + k];
        }
      }
      if (l > 0) {
        const back = delta[l];
        back.fill(0);
        for (let i = 0; i < n; i++) {
          for (let o = 0; o < nOut; o++) {
            const dv = d[i * nOut + o];
            if (dv === 0) continue;
            for (let k = 0; k < nIn; k++) back[i * nIn + k] += w[o * nIn + k] * dv;
          }
          for (let k = 0; k < nIn; k++) if (below[i * nIn + k] <= 0) back[i * nIn + k] = 0;
        }
      }
    }
    // Adam: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η·m̂/(√v̂ + ε); pruned weights stay 0.
    const step1 = eta / (1 - beta1 ** t), correction2 = 1 - beta2 ** t;
    const adam = (theta: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array, mask?: Float64Array) => {
      for (let k = 0; k < theta.length; k++) {
        m[k] = beta1 * m[k] + (1 - beta1) * g[k];
        v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k];
        theta[k] = mask && mask[k] === 0 ? 0 : theta[k] - (step1 * m[k]) / (Math.sqrt(v[k] / correction2) + eps);
      }
    };
    for (let l = 0; l < depth; l++) {
      adam(W[l], gradW[l], mW[l], vW[l], keep[l]);
      adam(B[l], gradB[l], mB[l], vB[l]);
    }
  }
  const net = start.map((layer, l) => ({
    weights: layer.weights.map((row, o) => Array.from(W[l].subarray(o * row.length, (o + 1) * row.length))),
    bias: Array.from(B[l]),
  }));
  return { net, losses };
}
