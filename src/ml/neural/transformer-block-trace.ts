import type { Random } from '../core/random.ts';
import { geluTanh } from './activations.ts';
import { multiHeadAttention, type AttentionMask } from './attention.ts';
import { layerNorm } from './layer-norm.ts';
import { fail } from '../core/validate.ts';

type Matrix = readonly (readonly number[])[];

/** Every weight of one transformer block, as plain arrays (d = dModel, f = the feed-forward width). */
export interface TransformerBlockWeights {
  /** Attention projections, d × d each. */
  Wq: number[][]; Wk: number[][]; Wv: number[][]; Wo: number[][];
  /** Feed-forward: W1 is d × f, b1 has f values, W2 is f × d, b2 has d values. */
  W1: number[][]; b1: number[]; W2: number[][]; b2: number[];
  /** Layer-norm gains and shifts (d values each): norm 1 belongs to attention, norm 2 to the feed-forward. */
  gamma1: number[]; beta1: number[]; gamma2: number[]; beta2: number[];
}

/**
 * Where the layer norms sit. 'post' (the original transformer, BERT): x ← LayerNorm(x + Sublayer(x)).
 * 'pre' (GPT-2, and the library's TransformerBlock): x ← x + Sublayer(LayerNorm(x)), which leaves an
 * un-normalised path from the input to the output.
 */
export type LayerNormPlacement = 'post' | 'pre';

export interface TransformerBlockTraceOptions {
  numHeads: number;
  /** mask[i][j] = false hides token j from token i (causalMask(n) for a GPT-style block); none = bidirectional. */
  mask?: AttentionMask;
  normPlacement?: LayerNormPlacement;
}

/** One named stage of the block's forward pass: one row of numbers per token. */
export interface TransformerBlockStage {
  name: string;
  rows: number[][];
}

/** Everything a block computed, in order, for display and for checking against a reference. */
export interface TransformerBlockTrace {
  stages: TransformerBlockStage[];
  /** Attention weights per head: weights[h][i][j] = how much token i takes from token j. */
  attentionWeights: number[][][];
  /** The block's output, the last stage's rows. */
  output: number[][];
}

/**
 * A dModel × ffDim block's weights drawn from a seeded generator: matrices ~ N(0, 1/fanIn) so a
 * product keeps the scale of its input, biases 0, layer-norm gains 1 and shifts 0 (as at the start
 * of training).
 */
export function randomTransformerBlockWeights(dModel: number, ffDim: number, random: Random): TransformerBlockWeights {
  if (!Number.isInteger(dModel) || dModel < 1 || !Number.isInteger(ffDim) || ffDim < 1) {
    fail('randomTransformerBlockWeights', `dModel and ffDim must be whole numbers ≥ 1, got ${dModel} and ${ffDim}`);
  }
  const matrix = (fanIn: number, fanOut: number) =>
    Array.from({ length: fanIn }, () => Array.from({ length: fanOut }, () => random.normal(0, 1 / Math.sqrt(fanIn))));
  const filled = (n: number, v: number) => new Array<number>(n).fill(v);
  return {
    Wq: matrix(dModel, dModel), Wk: matrix(dModel, dModel), Wv: matrix(dModel, dModel), Wo: matrix(dModel, dModel),
    W1: matrix(dModel, ffDim), b1: filled(ffDim, 0), W2: matrix(ffDim, dModel), b2: filled(dModel, 0),
    gamma1: filled(dModel, 1), beta1: filled(dModel, 0), gamma2: filled(dModel, 1), beta2: filled(dModel, 0),
  };
}

/** X·W + b, one output row per input row. */
function affine(X: Matrix, W: Matrix, b: readonly number[]): number[][] {
  return X.map((x) => b.map((bj, j) => {
    let s = bj;
    for (let k = 0; k < x.length; k++) s += x[k] * W[k][j];
    return s;
  }));
}

const add = (A: Matrix, B: Matrix) => A.map((row, i) => row.map((v, j) => v + B[i][j]));

function checkWeights(X: Matrix, w: TransformerBlockWeights, where: string): void {
  const d = X[0]?.length ?? 0;
  if (X.length === 0 || d === 0) fail(where, `X needs at least one token row with at least one feature`);
  const f = w.b1.length;
  const shapes: [string, Matrix | readonly number[], number, number | null][] = [
    ['Wq', w.Wq, d, d], ['Wk', w.Wk, d, d], ['Wv', w.Wv, d, d], ['Wo', w.Wo, d, d],
    ['W1', w.W1, d, f], ['W2', w.W2, f, d], ['b2', w.b2, d, null],
    ['gamma1', w.gamma1, d, null], ['beta1', w.beta1, d, null], ['gamma2', w.gamma2, d, null], ['beta2', w.beta2, d, null],
  ];
  for (const [name, M, rows, cols] of shapes) {
    const ok = M.length === rows && (cols === null || (M as Matrix).every((r) => r.length === cols));
    if (!ok) fail(where, `${name} must be ${cols === null ? `${rows} values` : `${rows}×${cols}`} for tokens of ${d} features`);
  }
}

/**
 * One transformer block's forward pass on plain arrays, keeping every intermediate:
 *   attention  A = MultiHead(·)                       (with the mask, if any)
 *   add & norm x₁ = LayerNorm₁(x + A(x))              ('post')  or  x₁ = x + A(LayerNorm₁(x))  ('pre')
 *   feed-forward F(h) = GELU(h·W₁ + b₁)·W₂ + b₂       (applied to each token on its own)
 *   add & norm y = LayerNorm₂(x₁ + F(x₁))             ('post')  or  y = x₁ + F(LayerNorm₂(x₁))  ('pre')
 * Only attention mixes tokens; everything else works on each row separately.
 */
export function traceTransformerBlock(X: Matrix, weights: TransformerBlockWeights, options: TransformerBlockTraceOptions): TransformerBlockTrace {
  const where = 'traceTransformerBlock';
  checkWeights(X, weights, where);
  const { numHeads, mask, normPlacement = 'post' } = options;
  const w = weights;
  const norm1 = (M: Matrix) => layerNorm(M, { gamma: w.gamma1, beta: w.beta1 });
  const norm2 = (M: Matrix) => layerNorm(M, { gamma: w.gamma2, beta: w.beta2 });
  const attend = (M: Matrix) => multiHeadAttention(M, M, { numHeads, mask, Wq: w.Wq, Wk: w.Wk, Wv: w.Wv, Wo: w.Wo });
  const feedForward = (M: Matrix) => {
    const hidden = affine(M, w.W1, w.b1).map((row) => row.map((v) => geluTanh(v)));
    return { hidden, output: affine(hidden, w.W2, w.b2) };
  };
  const input = X.map((r) => r.slice());
  if (normPlacement === 'post') {
    const attention = attend(input);
    const summed1 = add(input, attention.output);
    const x1 = norm1(summed1);
    const ff = feedForward(x1);
    const summed2 = add(x1, ff.output);
    const output = norm2(summed2);
    return {
      stages: [
        { name: 'input x', rows: input },
        { name: 'attention A(x)', rows: attention.output },
        { name: 'x + A(x)', rows: summed1 },
        { name: 'x₁ = LayerNorm(x + A(x))', rows: x1 },
        { name: 'GELU(x₁W₁ + b₁)', rows: ff.hidden },
        { name: 'F(x₁)', rows: ff.output },
        { name: 'x₁ + F(x₁)', rows: summed2 },
        { name: 'y = LayerNorm(x₁ + F(x₁))', rows: output },
      ],
      attentionWeights: attention.weights,
      output,
    };
  }
  if (normPlacement !== 'pre') fail(where, `normPlacement must be 'post' or 'pre', got ${String(normPlacement)}`);
  const h1 = norm1(input);
  const attention = attend(h1);
  const x1 = add(input, attention.output);
  const h2 = norm2(x1);
  const ff = feedForward(h2);
  const output = add(x1, ff.output);
  return {
    stages: [
      { name: 'input x', rows: input },
      { name: 'LayerNorm(x)', rows: h1 },
      { name: 'attention A(LayerNorm(x))', rows: attention.output },
      { name: 'x₁ = x + A(LayerNorm(x))', rows: x1 },
      { name: 'LayerNorm(x₁)', rows: h2 },
      { name: 'GELU(LayerNorm(x₁)W₁ + b₁)', rows: ff.hidden },
      { name: 'F(LayerNorm(x₁))', rows: ff.output },
      { name: 'y = x₁ + F(LayerNorm(x₁))', rows: output },
    ],
    attentionWeights: attention.weights,
    output,
  };
}
