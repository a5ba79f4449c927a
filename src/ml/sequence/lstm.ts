import { asInputVectors, readOut, type RecurrentBackward } from './vanilla-rnn.ts';
import { backThroughPreactivations, gatePreactivations, sigmoidOf, zeroGradients, type RecurrentParams } from './recurrent-params.ts';
import { fail } from '../core/validate.ts';

/** One LSTM step's gates and cell state, kept for the backward pass. */
interface LstmStep { i: number[]; f: number[]; g: number[]; o: number[]; c: number[] }

export interface LstmRun {
  /** h[0] = 0, then h_t for t = 1 … T. */
  h: number[][];
  /** c[0] = 0, then the cell state c_t. */
  c: number[][];
  steps: LstmStep[];
  yHat: number;
}

/**
 * A long short-term memory cell over one sequence (TF.js' LSTM, gates in the order i, f, c̃, o):
 *   [i, f, c̃, o] = [σ, σ, tanh, σ](W x_t + U h_{t−1} + b)
 *   c_t = f ⊙ c_{t−1} + i ⊙ c̃          the cell state: kept by the forget gate f, written by the input gate i
 *   h_t = o ⊙ tanh(c_t)                 what the output gate o lets out
 * Along c the only factor per step is f: with f near 1 the memory, and its gradient, pass unchanged.
 */
export function lstmForward(params: RecurrentParams, xs: readonly number[]): LstmRun {
  if (params.kind !== 'lstm') fail('lstmForward', `params are for a ${params.kind} cell, not 'lstm'`);
  const n = params.units;
  const h = [new Array<number>(n).fill(0)];
  const c = [new Array<number>(n).fill(0)];
  const steps: LstmStep[] = [];
  for (const x of asInputVectors(xs)) {
    const a = gatePreactivations(params, x, h[h.length - 1]);
    const gate = (g: number, f: (v: number) => number) => a.slice(g * n, (g + 1) * n).map(f);
    const [i, f, g, o] = [gate(0, sigmoidOf), gate(1, sigmoidOf), gate(2, Math.tanh), gate(3, sigmoidOf)];
    const cPrev = c[c.length - 1];
    const ct = cPrev.map((cp, j) => f[j] * cp + i[j] * g[j]);
    c.push(ct);
    h.push(ct.map((cj, j) => o[j] * Math.tanh(cj)));
    steps.push({ i, f, g, o, c: ct });
  }
  return { h, c, steps, yHat: readOut(params, h[h.length - 1]) };
}

/** Backpropagation through time for the LSTM, given ∂L/∂ŷ: two states flow back, ∂L/∂h and ∂L/∂c. */
export function lstmBackward(params: RecurrentParams, xs: readonly number[], run: LstmRun, dLdyHat: number, grads = zeroGradients(params)): RecurrentBackward {
  const T = xs.length;
  const inputs = asInputVectors(xs);
  // ŷ = v·h_T + c
  run.h[T].forEach((hk, k) => { grads.readout[k] += dLdyHat * hk; });
  grads.readoutBias += dLdyHat;
  const dLdh: number[][] = new Array(T);
  const dLdx: number[] = new Array(T);
  let dh = params.readout.map((v) => dLdyHat * v);
  let dc = new Array<number>(params.units).fill(0);
  for (let t = T; t >= 1; t--) {
    dLdh[t - 1] = dh;
    const { i, f, g, o, c } = run.steps[t - 1];
    const cPrev = run.c[t - 1];
    const tanhC = c.map(Math.tanh);
    // h_t = o ⊙ tanh(c_t): the cell state hears the loss through h_t and through c_{t+1}
    const dcTotal = dc.map((d, j) => d + dh[j] * o[j] * (1 - tanhC[j] ** 2));
    // c_t = f ⊙ c_{t−1} + i ⊙ c̃; each gate's pre-activation through its σ′ = σ(1 − σ) or tanh′ = 1 − tanh²
    const dA = [
      ...dcTotal.map((d, j) => d * g[j] * i[j] * (1 - i[j])),
      ...dcTotal.map((d, j) => d * cPrev[j] * f[j] * (1 - f[j])),
      ...dcTotal.map((d, j) => d * i[j] * (1 - g[j] ** 2)),
      ...dh.map((d, j) => d * tanhC[j] * o[j] * (1 - o[j])),
    ];
    const { dx, dhPrev } = backThroughPreactivations(params, grads, inputs[t - 1], run.h[t - 1], dA);
    dLdx[t - 1] = dx[0];
    dh = dhPrev;
    dc = dcTotal.map((d, j) => d * f[j]);
  }
  return { grads, dLdh, dLdx };
}
