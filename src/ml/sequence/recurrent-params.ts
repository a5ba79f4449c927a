import { rng } from '../core/random.ts';
import { checkOneOf, checkPositiveInt, fail } from '../core/validate.ts';

export type RecurrentCellKind = 'rnn' | 'gru' | 'lstm';
export const RECURRENT_CELL_KINDS: readonly RecurrentCellKind[] = ['rnn', 'gru', 'lstm'];

/** Blocks of `units` columns in the kernels: tanh (rnn); z, r, h̃ (gru); i, f, c̃, o (lstm). TF.js orders them the same way. */
export const GATES_PER_CELL: Record<RecurrentCellKind, number> = { rnn: 1, gru: 3, lstm: 4 };

/**
 * A recurrent cell and its linear read-out ŷ = v·h_T + c, laid out as TF.js lays out its layers'
 * weights, so they can be copied into tf.layers.simpleRNN / gru / lstm unchanged:
 * kernel W is inputs × (gates·units), recurrentKernel U is units × (gates·units), bias b has gates·units.
 */
export interface RecurrentParams {
  kind: RecurrentCellKind;
  units: number;
  kernel: number[][];
  recurrentKernel: number[][];
  bias: number[];
  readout: number[];
  readoutBias: number;
}

export interface RecurrentInitOptions {
  units?: number;
  inputSize?: number;
  /** Multiplies the orthogonal recurrent kernel: its largest singular value (how much U can stretch h). */
  recurrentScale?: number;
  /** Starting bias of the gate that keeps the old state (LSTM forget gate f, GRU update gate z); default 1. */
  keepGateBias?: number;
  seed?: number;
}

/** A seeded random orthogonal n × n matrix: Gram–Schmidt on the columns of a standard normal matrix. */
export function randomOrthogonal(n: number, seed = 0): number[][] {
  checkPositiveInt(n, 'randomOrthogonal', 'n');
  const random = rng(seed);
  const columns: number[][] = [];
  while (columns.length < n) {
    const v = Array.from({ length: n }, () => random.normal());
    // subtract the projections on the columns found so far, then normalise
    for (const q of columns) {
      const dot = q.reduce((s, qi, i) => s + qi * v[i], 0);
      for (let i = 0; i < n; i++) v[i] -= dot * q[i];
    }
    const norm = Math.hypot(...v);
    if (norm > 1e-8) columns.push(v.map((vi) => vi / norm));
  }
  return Array.from({ length: n }, (_, i) => columns.map((q) => q[i]));
}

/**
 * Starting weights as Keras draws them: Glorot-uniform kernel and read-out, an orthogonal block
 * per gate in the recurrent kernel, zero biases except the gates that keep the old state: the
 * LSTM forget gate f starts at bias 1 (Keras' unit_forget_bias), and so does the GRU update gate z
 * (Keras starts it at 0). σ(1) ≈ 0.73 of the state is kept per step at first, instead of σ(0) = 0.5,
 * so the cell remembers until it learns to forget.
 */
export function initRecurrentParams(kind: RecurrentCellKind, options: RecurrentInitOptions = {}): RecurrentParams {
  const where = 'initRecurrentParams';
  checkOneOf(kind, RECURRENT_CELL_KINDS, where, 'kind');
  const { units = 8, inputSize = 1, recurrentScale = 1, keepGateBias = 1, seed = 0 } = options;
  checkPositiveInt(units, where, 'units');
  checkPositiveInt(inputSize, where, 'inputSize');
  if (!(recurrentScale >= 0)) fail(where, `recurrentScale must be ≥ 0, got ${recurrentScale}`);
  const gates = GATES_PER_CELL[kind];
  const random = rng(seed);
  const glorot = (fanIn: number, fanOut: number) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return Array.from({ length: fanIn }, () => Array.from({ length: fanOut }, () => random.uniform(-limit, limit)));
  };
  const kernel = glorot(inputSize, gates * units);
  const blocks = Array.from({ length: gates }, () => randomOrthogonal(units, random.int(2 ** 31)));
  const recurrentKernel = Array.from({ length: units }, (_, k) => blocks.flatMap((block) => block[k].map((u) => recurrentScale * u)));
  const keepGate = kind === 'lstm' ? 1 : kind === 'gru' ? 0 : -1; // block of f (lstm) or z (gru)
  const bias = Array.from({ length: gates * units }, (_, j) => (Math.floor(j / units) === keepGate ? keepGateBias : 0));
  const readout = glorot(units, 1).map((row) => row[0]);
  return { kind, units, kernel, recurrentKernel, bias, readout, readoutBias: 0 };
}

/** a = x·W + h·U + b: the pre-activations of every gate at one step (length gates·units). */
export function gatePreactivations(params: RecurrentParams, x: readonly number[], hPrev: readonly number[]): number[] {
  const a = params.bias.slice();
  for (let d = 0; d < x.length; d++) addScaledRow(a, x[d], params.kernel[d]);
  for (let k = 0; k < hPrev.length; k++) addScaledRow(a, hPrev[k], params.recurrentKernel[k]);
  return a;
}

/** a += s · row (the hot loop of every cell: a row of W or U at a time, no allocation). */
export function addScaledRow(a: number[], s: number, row: readonly number[], offset = 0): void {
  if (s === 0) return;
  for (let j = 0; j < a.length; j++) a[j] += s * row[offset + j];
}

/** Gradients of the loss with respect to every weight, in the shapes of RecurrentParams. */
export interface RecurrentGradients {
  kernel: number[][];
  recurrentKernel: number[][];
  bias: number[];
  readout: number[];
  readoutBias: number;
}

export function zeroGradients(params: RecurrentParams): RecurrentGradients {
  const zeros = (M: number[][]) => M.map((row) => row.map(() => 0));
  return { kernel: zeros(params.kernel), recurrentKernel: zeros(params.recurrentKernel), bias: params.bias.map(() => 0), readout: params.readout.map(() => 0), readoutBias: 0 };
}

/**
 * The backward pass through a = x·W + h·U + b at one step, given ∂L/∂a: adds ∂L/∂W = xᵀ·∂L/∂a,
 * ∂L/∂U = hᵀ·∂L/∂a and ∂L/∂b = ∂L/∂a to `grads` (weights are shared by every step, so their
 * gradients sum over steps), and returns ∂L/∂x = W·∂L/∂a and ∂L/∂h = U·∂L/∂a.
 */
export function backThroughPreactivations(
  params: RecurrentParams, grads: RecurrentGradients, x: readonly number[], hPrev: readonly number[], dA: readonly number[],
): { dx: number[]; dhPrev: number[] } {
  const width = dA.length;
  for (let j = 0; j < width; j++) grads.bias[j] += dA[j];
  const dx = new Array<number>(x.length);
  for (let d = 0; d < x.length; d++) {
    const row = params.kernel[d], gradRow = grads.kernel[d];
    let sum = 0;
    for (let j = 0; j < width; j++) { gradRow[j] += x[d] * dA[j]; sum += row[j] * dA[j]; }
    dx[d] = sum;
  }
  const dhPrev = new Array<number>(hPrev.length);
  for (let k = 0; k < hPrev.length; k++) {
    const row = params.recurrentKernel[k], gradRow = grads.recurrentKernel[k];
    let sum = 0;
    for (let j = 0; j < width; j++) { gradRow[j] += hPrev[k] * dA[j]; sum += row[j] * dA[j]; }
    dhPrev[k] = sum;
  }
  return { dx, dhPrev };
}

export const sigmoidOf = (a: number) => 1 / (1 + Math.exp(-a));
