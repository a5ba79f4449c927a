import { asInputVectors, readOut, type RecurrentBackward } from './vanilla-rnn.ts';
import { addScaledRow, sigmoidOf, zeroGradients, type RecurrentParams } from './recurrent-params.ts';
import { fail } from '../core/validate.ts';

/** One GRU step's gates, kept for the backward pass. */
interface GruStep { z: number[]; r: number[]; hTilde: number[] }

export interface GruRun {
  /** h[0] = 0, then h_t for t = 1 … T. */
  h: number[][];
  steps: GruStep[];
  yHat: number;
}

/** Columns of gate g in the kernels: block g of `units`. */
const block = <T>(row: readonly T[], g: number, units: number) => row.slice(g * units, (g + 1) * units);

/**
 * A gated recurrent unit over one sequence (TF.js' GRU with the reset gate applied before U_h):
 *   z_t = σ(W_z x_t + U_z h_{t−1} + b_z)              update gate: how much of h_{t−1} to keep
 *   r_t = σ(W_r x_t + U_r h_{t−1} + b_r)              reset gate: how much of h_{t−1} the candidate sees
 *   h̃_t = tanh(W_h x_t + U_h (r_t ⊙ h_{t−1}) + b_h)   candidate state
 *   h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t
 * With z_t near 1 a unit copies h_{t−1} forward untouched, and so does its gradient.
 */
export function gruForward(params: RecurrentParams, xs: readonly number[]): GruRun {
  if (params.kind !== 'gru') fail('gruForward', `params are for a ${params.kind} cell, not 'gru'`);
  const n = params.units;
  const h = [new Array<number>(n).fill(0)];
  const steps: GruStep[] = [];
  for (const x of asInputVectors(xs)) {
    const hPrev = h[h.length - 1];
    const fromInput = params.bias.slice();
    x.forEach((xd, d) => addScaledRow(fromInput, xd, params.kernel[d]));
    /** v·U_g: gate g's block of the recurrent kernel applied to v */
    const fromState = (v: readonly number[], g: number) => {
      const out = new Array<number>(n).fill(0);
      v.forEach((vk, k) => addScaledRow(out, vk, params.recurrentKernel[k], g * n));
      return out;
    };
    const uz = fromState(hPrev, 0), ur = fromState(hPrev, 1);
    const z = block(fromInput, 0, n).map((a, j) => sigmoidOf(a + uz[j]));
    const r = block(fromInput, 1, n).map((a, j) => sigmoidOf(a + ur[j]));
    const uh = fromState(r.map((rj, j) => rj * hPrev[j]), 2);
    const hTilde = block(fromInput, 2, n).map((a, j) => Math.tanh(a + uh[j]));
    h.push(hPrev.map((hp, j) => z[j] * hp + (1 - z[j]) * hTilde[j]));
    steps.push({ z, r, hTilde });
  }
  return { h, steps, yHat: readOut(params, h[h.length - 1]) };
}

/** Backpropagation through time for the GRU, given ∂L/∂ŷ; the chain rule through each line of gruForward, last step first. */
export function gruBackward(params: RecurrentParams, xs: readonly number[], run: GruRun, dLdyHat: number, grads = zeroGradients(params)): RecurrentBackward {
  const n = params.units;
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
    const { z, r, hTilde } = run.steps[t - 1];
    const hPrev = run.h[t - 1];
    // h_t = z ⊙ h_{t−1} + (1 − z) ⊙ h̃
    const daH = dh.map((g, j) => g * (1 - z[j]) * (1 - hTilde[j] ** 2));
    const daZ = dh.map((g, j) => g * (hPrev[j] - hTilde[j]) * z[j] * (1 - z[j]));
    // the candidate read r ⊙ h_{t−1} through U_h
    const dRh = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) dRh[k] += params.recurrentKernel[k][2 * n + j] * daH[j];
    const daR = dRh.map((g, j) => g * hPrev[j] * r[j] * (1 - r[j]));
    const dA = [...daZ, ...daR, ...daH];
    const x = inputs[t - 1];
    const rh = r.map((rk, k) => rk * hPrev[k]);
    // every block reads x_t through W (and adds b); z and r read h_{t−1} through U, h̃ reads r ⊙ h_{t−1}
    for (let j = 0; j < 3 * n; j++) {
      grads.bias[j] += dA[j];
      for (let d = 0; d < x.length; d++) grads.kernel[d][j] += x[d] * dA[j];
      for (let k = 0; k < n; k++) grads.recurrentKernel[k][j] += (j < 2 * n ? hPrev[k] : rh[k]) * dA[j];
    }
    dLdx[t - 1] = params.kernel[0].reduce((s, w, j) => s + w * dA[j], 0);
    // h_{t−1} reaches the loss three ways: kept by z, read by the z and r gates, read by h̃ through r
    dh = hPrev.map((_, k) => {
      let viaGates = 0;
      for (let j = 0; j < 2 * n; j++) viaGates += params.recurrentKernel[k][j] * dA[j];
      return dh[k] * z[k] + viaGates + dRh[k] * r[k];
    });
  }
  return { grads, dLdh, dLdx };
}
