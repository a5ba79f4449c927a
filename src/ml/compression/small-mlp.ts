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

/** Full-batch Adam (β₁ 0.9, β₂ 0.999); returns the trained copy and the loss before each step. */
export function trainSmallMLP(start: SmallMLP, X: readonly (readonly number[])[], lossOf: LogitLoss, options: TrainSmallMLPOptions): { net: SmallMLP; losses: number[] } {
  const { steps, learningRate: eta, masks } = options;
  const net = start.map((layer) => ({ weights: layer.weights.map((r) => [...r]), bias: [...layer.bias] }));
  if (masks) net.forEach((layer, l) => layer.weights.forEach((r, o) => r.forEach((_, i) => { r[i] *= masks[l][o][i]; })));
  // Adam's moments, flat per layer: the out × in weights row-major, then the biases.
  const sizeOf = (layer: SmallMLPLayer) => layer.weights.length * (layer.weights[0].length + 1);
  const m = net.map((layer) => new Float64Array(sizeOf(layer))), v = net.map((layer) => new Float64Array(sizeOf(layer)));
  const grad = net.map((layer) => new Float64Array(sizeOf(layer)));
  const beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  const losses: number[] = [];
  for (let t = 1; t <= steps; t++) {
    const activations = forward(net, X);
    const { loss, gradient } = lossOf(activations[net.length]);
    losses.push(loss);
    // Backward: δ of the last layer is ∂loss/∂logits; δ_prev = (Wᵀ·δ) ⊙ [a_prev > 0].
    let delta = gradient;
    for (let l = net.length - 1; l >= 0; l--) {
      const { weights, bias } = net[l], below = activations[l], g = grad[l];
      const nOut = weights.length, nIn = weights[0].length;
      g.fill(0);
      for (let n = 0; n < delta.length; n++) {
        const d = delta[n], a = below[n];
        for (let o = 0; o < nOut; o++) {
          const dv = d[o];
          if (dv === 0) continue;
          const row = o * nIn;
          for (let i = 0; i < nIn; i++) g[row + i] += dv * a[i]; // ∂L/∂W = δ·aᵀ
          g[nOut * nIn + o] += dv; // ∂L/∂b = δ
        }
      }
      if (l > 0) {
        const next: number[][] = new Array(delta.length);
        for (let n = 0; n < delta.length; n++) {
          const d = delta[n], a = below[n], back = new Array<number>(nIn).fill(0);
          for (let o = 0; o < nOut; o++) {
            const dv = d[o], w = weights[o];
            if (dv !== 0) for (let i = 0; i < nIn; i++) back[i] += w[i] * dv;
          }
          for (let i = 0; i < nIn; i++) if (a[i] <= 0) back[i] = 0;
          next[n] = back;
        }
        delta = next;
      }
      // Adam: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η·m̂/(√v̂ + ε).
      const step1 = eta / (1 - beta1 ** t), correction2 = 1 - beta2 ** t;
      const mk = m[l], vk = v[l];
      for (let k = 0; k < g.length; k++) {
        mk[k] = beta1 * mk[k] + (1 - beta1) * g[k];
        vk[k] = beta2 * vk[k] + (1 - beta2) * g[k] * g[k];
        const change = (step1 * mk[k]) / (Math.sqrt(vk[k] / correction2) + eps);
        if (k < nOut * nIn) {
          const o = Math.floor(k / nIn), i = k - o * nIn;
          weights[o][i] = masks && masks[l][o][i] === 0 ? 0 : weights[o][i] - change;
        } else bias[k - nOut * nIn] -= change;
      }
    }
  }
  return { net, losses };
}
