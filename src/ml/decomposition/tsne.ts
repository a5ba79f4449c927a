import { denseFromRows, type Dense } from '../core/dense.ts';
import { toRandom } from '../core/random.ts';
import { checkOneOf, checkPositiveInt, checkRange, fail, toRows, type MatrixLike } from '../core/validate.ts';
import { PCA } from './pca.ts';
import { jointProbabilities, MACHINE_EPSILON } from './tsne-affinities.ts';
import { runToEnd } from '../core/run-to-end.ts';

export interface TSNEParams {
  nComponents: number;
  /** Roughly the number of neighbours each point cares about; must be < n_samples. */
  perplexity: number;
  /** P is multiplied by this for the first 250 iterations so clusters form far apart. */
  earlyExaggeration: number;
  /** Step size; 'auto' is max(n / earlyExaggeration / 4, 50) as scikit-learn. */
  learningRate: number | 'auto';
  /** Total gradient steps, early exaggeration included (≥ 250). */
  nIter: number;
  /** 'pca' (the first principal components, scaled to std 1e-4) or 'random' (N(0, 1e-4²)). */
  init: 'pca' | 'random';
  /** steps() yields the embedding every this many iterations. */
  yieldEvery: number;
  seed: number;
}

/** One snapshot of t-SNE's gradient descent. */
export interface TSNEStep {
  iteration: number;
  phase: 'early-exaggeration' | 'main';
  embedding: number[][];
  /** KL(P ‖ Q) of the current embedding (with the exaggerated P during early exaggeration). */
  klDivergence: number;
}

const defaults: TSNEParams = {
  nComponents: 2, perplexity: 30, earlyExaggeration: 12, learningRate: 'auto', nIter: 1000, init: 'pca', yieldEvery: 10, seed: 0,
};

/** Iterations of early exaggeration, as scikit-learn (_EXPLORATION_N_ITER). */
const EXPLORATION_ITERATIONS = 250;

/**
 * t-distributed stochastic neighbour embedding, exact O(n²) version for small data: places points
 * in 2-D so that a Student-t similarity Q between them matches the Gaussian neighbour
 * probabilities P of the original space, by gradient descent on KL(P ‖ Q).
 */
export class TSNE {
  readonly params: Readonly<TSNEParams>;
  embedding?: number[][];
  klDivergence?: number;
  nIter?: number;

  constructor(params: Partial<TSNEParams> = {}) {
    this.params = { ...defaults, ...params };
  }

  /** Computes the embedding of X. */
  fit(X: MatrixLike): this {
    runToEnd(this.steps(X));
    return this;
  }

  /** Fits and returns the embedding. */
  fitTransform(X: MatrixLike): number[][] {
    return this.fit(X).embedding!;
  }

  /** The gradient descent, yielding the embedding every `yieldEvery` iterations and at the end. */
  *steps(X: MatrixLike): Generator<TSNEStep, this> {
    const x = denseFromRows(toRows(X, 'TSNE.fit'));
    const p = this.checkParams(x.rows);
    const n = x.rows;
    const dims = p.nComponents;
    const P = jointProbabilities(x, p.perplexity);
    const Y = this.initialEmbedding(x);
    const learningRate = p.learningRate === 'auto' ? Math.max(n / p.earlyExaggeration / 4, 50) : p.learningRate;
    const grad = new Float64Array(n * dims);
    let kl = NaN;
    for (let i = 0; i < P.length; i++) P[i] *= p.earlyExaggeration;
    const phases = [
      { name: 'early-exaggeration' as const, from: 0, to: Math.min(EXPLORATION_ITERATIONS, p.nIter), momentum: 0.5 },
      { name: 'main' as const, from: EXPLORATION_ITERATIONS, to: p.nIter, momentum: 0.8 },
    ];
    for (const phase of phases) {
      if (phase.name === 'main') for (let i = 0; i < P.length; i++) P[i] /= p.earlyExaggeration;
      // Each phase restarts momentum and the per-coordinate gains, as scikit-learn's _gradient_descent.
      const update = new Float64Array(n * dims);
      const gains = new Float64Array(n * dims).fill(1);
      for (let iteration = phase.from; iteration < phase.to; iteration++) {
        // KL itself (a log per pair) is only needed where a step is reported.
        const reported = (iteration + 1) % p.yieldEvery === 0 || iteration === phase.to - 1;
        kl = klGradient(P, Y, n, dims, grad, reported);
        let gradNormSq = 0;
        for (let i = 0; i < Y.length; i++) {
          // Delta-bar-delta gains: grow a step that keeps its direction, shrink one that flips.
          gains[i] = update[i] * grad[i] < 0 ? gains[i] + 0.2 : gains[i] * 0.8;
          if (gains[i] < 0.01) gains[i] = 0.01;
          const g = grad[i] * gains[i];
          gradNormSq += g * g;
          update[i] = phase.momentum * update[i] - learningRate * g;
          Y[i] += update[i];
        }
        const converged = Math.sqrt(gradNormSq) <= 1e-7;
        if (converged && !reported) kl = klGradient(P, Y, n, dims, new Float64Array(n * dims), true);
        if (reported || converged) {
          yield { iteration: iteration + 1, phase: phase.name, embedding: toNested(Y, dims), klDivergence: kl };
        }
        this.nIter = iteration + 1;
        if (converged) break;
      }
    }
    this.embedding = toNested(Y, dims);
    this.klDivergence = kl;
    return this;
  }

  private checkParams(n: number): TSNEParams {
    const p = this.params;
    const where = 'TSNE.fit';
    checkPositiveInt(p.nComponents, where, 'nComponents');
    checkRange(p.perplexity, where, 'perplexity', Number.MIN_VALUE, Infinity);
    if (p.perplexity >= n) fail(where, `perplexity (${p.perplexity}) must be less than the number of rows (${n}); try a perplexity of about n / 4`);
    checkRange(p.earlyExaggeration, where, 'earlyExaggeration', 1, Infinity);
    if (p.learningRate !== 'auto') checkRange(p.learningRate, where, 'learningRate', Number.MIN_VALUE, Infinity);
    checkPositiveInt(p.nIter, where, 'nIter', EXPLORATION_ITERATIONS);
    checkOneOf(p.init, ['pca', 'random'], where, 'init');
    checkPositiveInt(p.yieldEvery, where, 'yieldEvery');
    return p;
  }

  private initialEmbedding(x: Dense): Float64Array {
    const { nComponents: dims, init, seed } = this.params;
    const n = x.rows;
    const Y = new Float64Array(n * dims);
    if (init === 'random') {
      const random = toRandom(seed);
      for (let i = 0; i < Y.length; i++) Y[i] = random.normal(0, 1e-4);
      return Y;
    }
    if (dims > x.cols) fail('TSNE.fit', `init 'pca' needs nComponents (${dims}) ≤ the number of features (${x.cols}); use init 'random'`);
    const Z = new PCA({ nComponents: dims }).fitTransform(denseToRowsCopy(x));
    // Scale so the first coordinate has standard deviation 1e-4, as scikit-learn.
    let mean = 0;
    for (let i = 0; i < n; i++) mean += Z[i][0] / n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (Z[i][0] - mean) ** 2 / n;
    const scale = 1e-4 / Math.sqrt(variance);
    for (let i = 0; i < n; i++) for (let k = 0; k < dims; k++) Y[i * dims + k] = Z[i][k] * scale;
    return Y;
  }
}

/**
 * KL(P ‖ Q) and its gradient with Student-t (one degree of freedom) similarities:
 *   w_ij = 1 / (1 + ‖y_i − y_j‖²),  q_ij = w_ij / (2 Σ_{k<l} w_kl)
 *   ∂KL/∂y_i = 4 Σ_j (p_ij − q_ij) w_ij (y_i − y_j)
 */
function klGradient(P: Float64Array, Y: Float64Array, n: number, dims: number, grad: Float64Array, withKL: boolean): number {
  const w = new Float64Array(n * n);
  let sumW = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let k = 0; k < dims; k++) {
        const t = Y[i * dims + k] - Y[j * dims + k];
        s += t * t;
      }
      const v = 1 / (1 + s);
      w[i * n + j] = v;
      w[j * n + i] = v;
      sumW += v;
    }
  }
  grad.fill(0);
  let kl = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const wij = w[i * n + j];
      const q = Math.max(wij / (2 * sumW), MACHINE_EPSILON);
      const pij = P[i * n + j];
      if (withKL) kl += 2 * pij * Math.log(Math.max(pij, MACHINE_EPSILON) / q);
      const coefficient = 4 * (pij - q) * wij;
      for (let k = 0; k < dims; k++) {
        const t = coefficient * (Y[i * dims + k] - Y[j * dims + k]);
        grad[i * dims + k] += t;
        grad[j * dims + k] -= t;
      }
    }
  }
  return withKL ? kl : NaN;
}

function toNested(flat: Float64Array, dims: number): number[][] {
  return Array.from({ length: flat.length / dims }, (_, i) => Array.from(flat.subarray(i * dims, (i + 1) * dims)));
}

function denseToRowsCopy(x: Dense): number[][] {
  return Array.from({ length: x.rows }, (_, i) => Array.from(x.data.subarray(i * x.cols, (i + 1) * x.cols)));
}
