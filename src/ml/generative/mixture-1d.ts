import type { Random } from '../core/random.ts';
import { MLInputError } from '../core/validate.ts';

/** A 1-D mixture of Gaussians with a common standard deviation: the real data of a 1-D GAN. */
export interface Mixture1d {
  readonly means: readonly number[];
  readonly std: number;
  /** Mixing weights, summing to 1 (equal when left out). */
  readonly weights: readonly number[];
}

/** Modes spaced `gap` apart and centred on 0: 2 modes at ±gap/2, 3 at −gap, 0, gap. */
export function evenlySpacedMixture1d(modes: number, gap: number, std: number): Mixture1d {
  if (!Number.isInteger(modes) || modes < 1) throw new MLInputError('evenlySpacedMixture1d', `modes must be a positive integer, got ${modes}`);
  if (!(std > 0)) throw new MLInputError('evenlySpacedMixture1d', `std must be positive, got ${std}`);
  const means = Array.from({ length: modes }, (_, k) => (k - (modes - 1) / 2) * gap);
  return { means, std, weights: means.map(() => 1 / modes) };
}

/** n draws: pick a mode by its weight, then add N(0, std²) noise. */
export function sampleMixture1d(mixture: Mixture1d, n: number, random: Random): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = mixture.means[random.weighted(mixture.weights)] + mixture.std * random.normal();
  return out;
}

/** p(x) = Σₖ wₖ N(x; μₖ, σ²) */
export function mixture1dDensity(mixture: Mixture1d, x: number): number {
  const { means, std, weights } = mixture;
  let p = 0;
  for (let k = 0; k < means.length; k++) p += weights[k] * Math.exp(-0.5 * ((x - means[k]) / std) ** 2);
  return p / (std * Math.sqrt(2 * Math.PI));
}

/**
 * The share of `samples` within `radius` of each mode's mean, one number per mode, and the share
 * near none of them. A generator that covers every mode gives each about its weight; a collapsed
 * one puts almost everything on one mode.
 */
export function shareNearModes(mixture: Mixture1d, samples: ArrayLike<number>, radius = 2 * mixture.std): { modes: number[]; elsewhere: number } {
  const counts = mixture.means.map(() => 0);
  let elsewhere = 0;
  for (let i = 0; i < samples.length; i++) {
    const k = mixture.means.findIndex((mu) => Math.abs(samples[i] - mu) <= radius);
    if (k < 0) elsewhere++;
    else counts[k]++;
  }
  return { modes: counts.map((c) => c / samples.length), elsewhere: elsewhere / samples.length };
}
