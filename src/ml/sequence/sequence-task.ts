import { rng } from '../core/random.ts';
import { checkOneOf, checkPositiveInt, fail } from '../core/validate.ts';

/** The sequence tasks: each asks for one number after reading the whole sequence. */
export type SequenceTaskKind = 'copy-first' | 'running-sum' | 'noisy-sine-next';
export const SEQUENCE_TASK_KINDS: readonly SequenceTaskKind[] = ['copy-first', 'running-sum', 'noisy-sine-next'];

export interface SequenceTaskOptions {
  kind?: SequenceTaskKind;
  /** Steps per sequence T: for 'copy-first' this is how far back the answer lies. */
  length?: number;
  nSamples?: number;
  /** Standard deviation of the noise added to every step. */
  noise?: number;
  seed?: number;
}

/** Sequences with one input per step, X[i][t] = x_t of sequence i, and one target y[i] each. */
export interface SequenceTask {
  kind: SequenceTaskKind;
  length: number;
  X: number[][];
  y: number[];
}

/**
 * Seeded toy sequence tasks with a known memory span:
 * - 'copy-first': x₁ = ±1, then T − 1 steps of noise; y = x₁. The answer is T − 1 steps back,
 *   so the length is the memory span.
 * - 'running-sum': x_t uniform in [−1, 1]; y = Σ x_t / √(T/3), scaled to variance 1. Every step counts equally.
 * - 'noisy-sine-next': a sine of random phase and period 8–16 steps plus noise; y = the next clean
 *   value. Only the last few steps matter.
 * Every target has variance close to 1, so a mean squared error near 1 means nothing was learned.
 */
export function makeSequenceTask(options: SequenceTaskOptions = {}): SequenceTask {
  const where = 'makeSequenceTask';
  const { kind = 'copy-first', length = 10, nSamples = 256, seed = 0 } = options;
  checkOneOf(kind, SEQUENCE_TASK_KINDS, where, 'kind');
  checkPositiveInt(length, where, 'length', 2);
  checkPositiveInt(nSamples, where, 'nSamples');
  const noise = options.noise ?? (kind === 'running-sum' ? 0 : 0.5);
  if (!(noise >= 0)) fail(where, `noise must be ≥ 0, got ${noise}`);
  const random = rng(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < nSamples; i++) {
    if (kind === 'copy-first') {
      const first = random.next() < 0.5 ? -1 : 1;
      X.push([first, ...Array.from({ length: length - 1 }, () => random.normal(0, noise))]);
      y.push(first);
    } else if (kind === 'running-sum') {
      const xs = Array.from({ length }, () => random.uniform(-1, 1) + random.normal(0, noise));
      // Var(uniform(−1, 1)) = 1/3, so the sum of T of them has variance T/3.
      y.push(xs.reduce((a, b) => a + b, 0) / Math.sqrt(length / 3));
      X.push(xs);
    } else {
      const omega = (2 * Math.PI) / random.uniform(8, 16);
      const phase = random.uniform(0, 2 * Math.PI);
      // amplitude √2 gives the clean sine variance 1
      const clean = (t: number) => Math.SQRT2 * Math.sin(omega * t + phase);
      X.push(Array.from({ length }, (_, t) => clean(t) + random.normal(0, noise)));
      y.push(clean(length));
    }
  }
  return { kind, length, X, y };
}
