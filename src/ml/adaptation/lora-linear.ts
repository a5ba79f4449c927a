import { rng } from '../core/random.ts';
import { fail, toRows, type MatrixLike } from '../core/validate.ts';
import { addScaled, matmul, scaled } from './matrix-products.ts';

/**
 * How A and B start. 'lora' (the paper's choice): B = 0 and A random, so BA = 0 and the adapted
 * layer starts exactly equal to the frozen one. 'both random': the layer starts somewhere else.
 * 'both zero': every gradient is 0 (each factor's gradient is multiplied by the other), so
 * nothing ever trains.
 */
export type LoraInit = 'lora' | 'both random' | 'both zero';

/**
 * What multiplies BA: α/r (the LoRA paper's), α/√r (rank-stabilised LoRA, rsLoRA) or α alone.
 * Dividing by a power of r keeps the size of an update from growing with r, so a learning rate
 * and α tuned at one rank still work at another.
 */
export type LoraScaling = 'alpha/r' | 'alpha/sqrt(r)' | 'alpha';

export interface LoraOptions {
  /** r: the inner size of the update BA, so its rank is at most r. */
  rank: number;
  /** α (default: r, which makes the scale α/r = 1). */
  alpha?: number;
  scaling?: LoraScaling;
  init?: LoraInit;
  /** Seed of the random initialisation. */
  seed?: number;
}

/**
 * A dense layer y = W₀x with a LoRA adapter: W₀ (d × k) is frozen and the layer computes
 * y = W₀x + s·B(Ax), with B (d × r), A (r × k) and the scale s = α/r. Only A and B are trained:
 * r(d + k) numbers instead of the d·k of W₀.
 */
export class LoraLinear {
  /** The frozen pre-trained weights, d × k. Never changed. */
  readonly W0: readonly (readonly number[])[];
  /** d × r, trainable. */
  B: number[][];
  /** r × k, trainable. */
  A: number[][];
  readonly rank: number;
  readonly alpha: number;
  /** s: α/r, α/√r or α, as `scaling` says. */
  readonly scale: number;

  constructor(W0: MatrixLike, options: LoraOptions) {
    const where = 'LoraLinear';
    this.W0 = toRows(W0, where, { name: 'W0' }).map((row) => Array.from(row));
    const d = this.W0.length;
    const k = this.W0[0].length;
    const { rank, alpha = rank, scaling = 'alpha/r', init = 'lora', seed = 0 } = options;
    if (!Number.isInteger(rank) || rank < 1) fail(where, `rank must be a whole number ≥ 1, got ${rank}`);
    if (!(alpha > 0) || !Number.isFinite(alpha)) fail(where, `alpha must be a positive number, got ${alpha}`);
    if (!['lora', 'both random', 'both zero'].includes(init)) fail(where, `init must be 'lora', 'both random' or 'both zero', got ${String(init)}`);
    this.rank = rank;
    this.alpha = alpha;
    if (!['alpha/r', 'alpha/sqrt(r)', 'alpha'].includes(scaling)) fail(where, `scaling must be 'alpha/r', 'alpha/sqrt(r)' or 'alpha', got ${String(scaling)}`);
    this.scale = scaling === 'alpha/r' ? alpha / rank : scaling === 'alpha/sqrt(r)' ? alpha / Math.sqrt(rank) : alpha;
    const random = rng(seed);
    // Entries ~ U(−1/√fan-in, 1/√fan-in): the bound Hugging Face PEFT's default for A
    // (Kaiming-uniform with a = √5) gives.
    const uniform = (rows: number, cols: number, fanIn: number) =>
      Array.from({ length: rows }, () => Array.from({ length: cols }, () => random.uniform(-1, 1) / Math.sqrt(fanIn)));
    const zeros = (rows: number, cols: number) => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
    this.A = init === 'both zero' ? zeros(rank, k) : uniform(rank, k, k);
    this.B = init === 'both random' ? uniform(d, rank, rank) : zeros(d, rank);
  }

  /** d, the number of outputs. */
  get outFeatures(): number {
    return this.W0.length;
  }

  /** k, the number of inputs. */
  get inFeatures(): number {
    return this.W0[0].length;
  }

  /** r(d + k): the entries of B and A. */
  get trainableParameterCount(): number {
    return this.rank * (this.outFeatures + this.inFeatures);
  }

  /** d·k: what full fine-tuning of W₀ would train. */
  get frozenParameterCount(): number {
    return this.outFeatures * this.inFeatures;
  }

  /** ΔW = s·BA, the d × k update the adapter adds; its rank is at most r. */
  delta(): number[][] {
    return scaled(this.scale, matmul(this.B, this.A));
  }

  /** W₀ + s·BA: the adapter folded into one matrix, so inference costs what the base layer costs. */
  merged(): number[][] {
    return addScaled(this.W0, this.scale, matmul(this.B, this.A));
  }

  /** y = W₀x + s·B(Ax), computed the unmerged way: Ax is only r numbers. */
  forward(x: readonly number[]): number[] {
    if (x.length !== this.inFeatures) fail('LoraLinear.forward', `x has ${x.length} values, expected k = ${this.inFeatures}`);
    const dot = (row: readonly number[], v: readonly number[]) => row.reduce((sum, w, j) => sum + w * v[j], 0);
    const Ax = this.A.map((row) => dot(row, x));
    return this.W0.map((row, i) => dot(row, x) + this.scale * dot(this.B[i], Ax));
  }
}
