import type { Random } from '../core/random.ts';
import { softmax } from './activations.ts';
import { fail } from '../core/validate.ts';

/** Next-token probabilities from logits at a temperature: softmax(logits / T). T → 0 is greedy, large T is uniform. */
export function softmaxWithTemperature(logits: readonly number[], temperature = 1): number[] {
  return softmax(logits, temperature);
}

function checkProbs(probs: readonly number[], where: string): void {
  if (!Array.isArray(probs) || probs.length === 0) fail(where, `probs must be a non-empty array of probabilities`);
  for (let i = 0; i < probs.length; i++) {
    if (!(probs[i] >= 0)) fail(where, `probs[${i}] is ${probs[i]}; probabilities must be ≥ 0`);
  }
}

function renormalize(probs: readonly number[]): number[] {
  let sum = 0;
  for (const p of probs) sum += p;
  return probs.map((p) => p / sum);
}

/**
 * Keeps the k most probable tokens and renormalises (the others get probability 0).
 * Ties at the k-th place are broken by the lower index.
 */
export function topKFilter(probs: readonly number[], k: number): number[] {
  checkProbs(probs, 'topKFilter');
  if (!Number.isInteger(k) || k < 1) fail('topKFilter', `k must be a whole number ≥ 1, got ${k}`);
  const order = probs.map((_, i) => i).sort((a, b) => probs[b] - probs[a] || a - b);
  const keep = new Set(order.slice(0, k));
  return renormalize(probs.map((p, i) => (keep.has(i) ? p : 0)));
}

/**
 * Nucleus (top-p) filtering: keeps the smallest set of most probable tokens whose probabilities
 * add up to at least p, and renormalises. p = 1 keeps everything.
 */
export function topPFilter(probs: readonly number[], p: number): number[] {
  checkProbs(probs, 'topPFilter');
  if (!(p > 0 && p <= 1)) fail('topPFilter', `p must be in (0, 1], got ${p}`);
  const total = probs.reduce((a, b) => a + b, 0);
  const order = probs.map((_, i) => i).sort((a, b) => probs[b] - probs[a] || a - b);
  const keep = new Set<number>();
  let mass = 0;
  for (const i of order) {
    keep.add(i);
    mass += probs[i] / total;
    if (mass >= p - 1e-12) break; // tolerance: 0.1 + 0.2 should reach p = 0.3
  }
  return renormalize(probs.map((q, i) => (keep.has(i) ? q : 0)));
}

/** Draws an index with probability proportional to `probs`, from a seeded generator: `sampleFrom(p, rng(0))`. */
export function sampleFrom(probs: readonly number[], random: Random): number {
  checkProbs(probs, 'sampleFrom');
  return random.weighted(probs);
}

/**
 * Perplexity of a model from the probabilities it gave to the tokens that actually came:
 * 2^H with H = −(1/N) Σ log₂ pᵢ the cross-entropy in bits. A model that guesses uniformly among
 * V tokens has perplexity V.
 */
export function perplexity(probs: readonly number[]): number {
  if (!Array.isArray(probs) || probs.length === 0) fail('perplexity', 'expected the probabilities of the observed tokens, got an empty array');
  let bits = 0;
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i];
    if (!(p >= 0 && p <= 1)) fail('perplexity', `probs[${i}] is ${p}; expected a probability in [0, 1]`);
    bits -= Math.log2(p);
  }
  return 2 ** (bits / probs.length);
}
