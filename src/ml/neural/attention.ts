import { softmax } from './activations.ts';
import { fail } from '../core/validate.ts';

type Matrix = readonly (readonly number[])[];

/** What attention computed, for display: the raw scores, the softmax weights and the output. */
export interface AttentionResult {
  /** QKᵀ/√dₖ, before masking: scores[i][j] = how well query i matches key j. */
  scores: number[][];
  /** softmax of each row of the (masked) scores: how much of value j goes into output i. */
  weights: number[][];
  /** weights · V: one row per query. */
  output: number[][];
}

/** mask[i][j] = true when position i may attend to position j. */
export type AttentionMask = readonly (readonly boolean[])[];

function matmulTransposed(A: Matrix, B: Matrix): number[][] {
  // (A Bᵀ)ᵢⱼ = Σₖ Aᵢₖ Bⱼₖ: rows of B are read directly, so Bᵀ is never built.
  return A.map((a) => B.map((b) => {
    let s = 0;
    for (let k = 0; k < a.length; k++) s += a[k] * b[k];
    return s;
  }));
}

function matmul(A: Matrix, B: Matrix): number[][] {
  const m = B[0]?.length ?? 0;
  return A.map((a) => {
    const row = new Array<number>(m).fill(0);
    for (let k = 0; k < a.length; k++) for (let j = 0; j < m; j++) row[j] += a[k] * B[k][j];
    return row;
  });
}

function checkShapes(Q: Matrix, K: Matrix, V: Matrix, mask: AttentionMask | undefined, where: string): void {
  const width = (M: Matrix) => M[0]?.length ?? 0;
  if (Q.length === 0 || K.length === 0) fail(where, `Q and K need at least one row`);
  if (width(Q) !== width(K)) fail(where, `Q rows have ${width(Q)} values but K rows have ${width(K)}; queries and keys must share dₖ`);
  if (K.length !== V.length) fail(where, `K has ${K.length} rows but V has ${V.length}; each key needs a value`);
  if (mask && (mask.length !== Q.length || mask.some((r) => r.length !== K.length))) {
    fail(where, `mask must be ${Q.length}×${K.length} (queries × keys)`);
  }
  if (mask && mask.some((r) => !r.includes(true))) fail(where, `every mask row needs at least one true entry (a query must attend to something)`);
}

/**
 * Attention(Q, K, V) = softmax(QKᵀ/√dₖ)V on plain arrays (one row per token). Masked-out pairs
 * (mask[i][j] = false) get weight 0. Dividing by √dₖ keeps the scores' spread near 1 as dₖ grows,
 * so the softmax does not saturate.
 */
export function scaledDotProductAttention(Q: Matrix, K: Matrix, V: Matrix, options: { mask?: AttentionMask } = {}): AttentionResult {
  checkShapes(Q, K, V, options.mask, 'scaledDotProductAttention');
  const dk = Q[0].length;
  const scale = 1 / Math.sqrt(dk);
  const scores = matmulTransposed(Q, K).map((row) => row.map((s) => s * scale));
  const mask = options.mask;
  // A masked score of −∞ becomes e^(−∞) = 0 in the softmax.
  const masked = mask ? scores.map((row, i) => row.map((s, j) => (mask[i][j] ? s : -Infinity))) : scores;
  const weights = softmax(masked);
  return { scores, weights, output: matmul(weights, V) };
}

/** The causal (GPT-style) mask for n tokens: token i may attend to tokens 0 … i, never the future. */
export function causalMask(n: number): boolean[][] {
  if (!Number.isInteger(n) || n < 1) fail('causalMask', `n must be a whole number ≥ 1, got ${n}`);
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => j <= i));
}

export interface MultiHeadOptions {
  numHeads: number;
  /** Projections d_model × d_model; the identity when omitted (so the heads just split the features). */
  Wq?: Matrix; Wk?: Matrix; Wv?: Matrix; Wo?: Matrix;
  mask?: AttentionMask;
}

/** Each head's attention, and the heads concatenated and projected by Wo. */
export interface MultiHeadResult {
  heads: AttentionResult[];
  /** heads[h].weights, for heat maps. */
  weights: number[][][];
  output: number[][];
}

/**
 * Multi-head self/cross attention: project X_q, X_kv with Wq, Wk, Wv, split the d_model columns
 * into numHeads blocks of dₖ = d_model/numHeads, attend in each head separately, concatenate,
 * and project with Wo. Each head can learn a different kind of match.
 */
export function multiHeadAttention(Xq: Matrix, Xkv: Matrix, options: MultiHeadOptions): MultiHeadResult {
  const where = 'multiHeadAttention';
  const dModel = Xq[0]?.length ?? 0;
  const h = options.numHeads;
  if (!Number.isInteger(h) || h < 1 || dModel % h !== 0) {
    fail(where, `numHeads must be a whole number dividing d_model = ${dModel}, got ${h}`);
  }
  for (const name of ['Wq', 'Wk', 'Wv', 'Wo'] as const) {
    const W = options[name];
    if (W && (W.length !== dModel || W.some((r) => r.length !== dModel))) fail(where, `${name} must be ${dModel}×${dModel}`);
  }
  const project = (X: Matrix, W?: Matrix) => (W ? matmul(X, W) : X.map((r) => r.slice()));
  const Q = project(Xq, options.Wq), K = project(Xkv, options.Wk), V = project(Xkv, options.Wv);
  const dk = dModel / h;
  const columns = (M: number[][], head: number) => M.map((r) => r.slice(head * dk, (head + 1) * dk));
  const heads = Array.from({ length: h }, (_, head) =>
    scaledDotProductAttention(columns(Q, head), columns(K, head), columns(V, head), { mask: options.mask }));
  const concat = Xq.map((_, i) => heads.flatMap((hd) => hd.output[i]));
  return { heads, weights: heads.map((hd) => hd.weights), output: project(concat, options.Wo) };
}
