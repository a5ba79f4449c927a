import {
  backThroughPreactivations, gatePreactivations, zeroGradients, type RecurrentGradients, type RecurrentParams,
} from './recurrent-params.ts';
import { fail } from '../core/validate.ts';

/** Everything a forward pass over one sequence computed, kept for the backward pass (BPTT). */
export interface VanillaRnnRun {
  /** h[0] = h₀ = 0, then h[t] for t = 1 … T. */
  h: number[][];
  /** z[t − 1] = W·x_t + U·h_{t−1} + b, the pre-activation at step t. */
  z: number[][];
  /** ŷ = v·h_T + c */
  yHat: number;
}

/** What backpropagation through time gives for one sequence. */
export interface RecurrentBackward {
  grads: RecurrentGradients;
  /** dLdh[t − 1] = ∂L/∂h_t for t = 1 … T: how much the loss still hears of step t. */
  dLdh: number[][];
  /** dLdx[t − 1] = ∂L/∂x_t (one input per step). */
  dLdx: number[];
}

/** Inputs one number per step, as a 1-long vector each (the kernels have one row per input). */
export const asInputVectors = (xs: readonly number[]) => xs.map((x) => [x]);

/**
 * The vanilla (Elman) RNN over one sequence, one step at a time:
 *   h_t = tanh(W x_t + U h_{t−1} + b), h₀ = 0, and the read-out ŷ = v·h_T + c.
 * The same W, U and b are used at every step: the network is one cell unrolled T times.
 */
export function vanillaRnnForward(params: RecurrentParams, xs: readonly number[]): VanillaRnnRun {
  if (params.kind !== 'rnn') fail('vanillaRnnForward', `params are for a ${params.kind} cell, not 'rnn'`);
  const h = [new Array<number>(params.units).fill(0)];
  const z: number[][] = [];
  for (const x of asInputVectors(xs)) {
    const zt = gatePreactivations(params, x, h[h.length - 1]);
    z.push(zt);
    h.push(zt.map(Math.tanh));
  }
  return { h, z, yHat: readOut(params, h[h.length - 1]) };
}

/** ŷ = v·h + c */
export function readOut(params: RecurrentParams, h: readonly number[]): number {
  return params.readout.reduce((s, v, k) => s + v * h[k], params.readoutBias);
}

/**
 * Backpropagation through time for the vanilla RNN, given ∂L/∂ŷ. Walking back from step T:
 *   ∂L/∂z_t = ∂L/∂h_t ⊙ (1 − h_t²)          (tanh′ = 1 − tanh²)
 *   ∂L/∂h_{t−1} = Uᵀ ∂L/∂z_t                 (TF.js stores Uᵀ, one row per unit of h_{t−1})
 * so ∂L/∂h_t is ∂L/∂h_T multiplied by T − t such factors: it shrinks or grows geometrically.
 */
export function vanillaRnnBackward(params: RecurrentParams, xs: readonly number[], run: VanillaRnnRun, dLdyHat: number, grads = zeroGradients(params)): RecurrentBackward {
  const T = xs.length;
  const inputs = asInputVectors(xs);
  // ŷ = v·h_T + c
  run.h[T].forEach((hk, k) => { grads.readout[k] += dLdyHat * hk; });
  grads.readoutBias += dLdyHat;
  const dLdh: number[][] = new Array(T);
  const dLdx: number[] = new Array(T);
  let dh = params.readout.map((v) => dLdyHat * v);
  for (let t = T; t >= 1; t--) {
    dLdh[t - 1] = dh;
    const dz = dh.map((g, j) => g * (1 - run.h[t][j] ** 2));
    const { dx, dhPrev } = backThroughPreactivations(params, grads, inputs[t - 1], run.h[t - 1], dz);
    dLdx[t - 1] = dx[0];
    dh = dhPrev;
  }
  return { grads, dLdh, dLdx };
}
