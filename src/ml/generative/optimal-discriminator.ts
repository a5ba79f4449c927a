import { rng } from '../core/random.ts';
import { MLInputError } from '../core/validate.ts';
import { InPlaceAdam } from './adam-in-place.ts';
import { createGanMlp, ganMlpOutput, type GanMlp } from './gan-mlp.ts';
import { ganDiscriminatorStep } from './gan-1d.ts';
import { sampleMixture1d, type Mixture1d } from './mixture-1d.ts';

/**
 * The best discriminator against a fixed generator: maximising
 * ∫ p_data(x) ln D(x) + p_g(x) ln(1 − D(x)) dx point by point gives D*(x) = p_data / (p_data + p_g).
 * Where the generator matches the data, D* = 1/2 everywhere.
 */
export function optimalDiscriminator(pData: number, pG: number): number {
  return pData + pG === 0 ? 0.5 : pData / (pData + pG);
}

/**
 * A Gaussian kernel density estimate of 1-D samples, p̂(x) = (1/nh) Σ φ((x − xᵢ)/h), with Scott's
 * bandwidth h = σ̂ n^(−1/5) (scipy.stats.gaussian_kde's default; σ̂ with n − 1) unless given.
 */
export function gaussianKde1d(samples: ArrayLike<number>, bandwidth?: number): (x: number) => number {
  const n = samples.length;
  if (n < 2) throw new MLInputError('gaussianKde1d', `needs at least 2 samples, got ${n}`);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += samples[i] / n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (samples[i] - mean) ** 2 / (n - 1);
  const h = bandwidth ?? Math.sqrt(variance) * n ** -0.2;
  if (!(h > 0)) throw new MLInputError('gaussianKde1d', `the bandwidth must be positive (are all samples equal?), got ${h}`);
  const norm = 1 / (n * h * Math.sqrt(2 * Math.PI));
  return (x) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += Math.exp(-0.5 * ((x - samples[i]) / h) ** 2);
    return sum * norm;
  };
}

export interface FrozenGeneratorOptions {
  steps: number;
  lr: number;
  batchSize: number;
  hidden: readonly number[];
  seed: number;
  /** frozenGeneratorDiscriminatorSteps yields the discriminator every this many steps (and at the last). */
  yieldEvery: number;
}

const frozenDefaults: FrozenGeneratorOptions = { steps: 1500, lr: 0.005, batchSize: 64, hidden: [16, 16], seed: 0, yieldEvery: 100 };

/**
 * Trains a fresh discriminator (x → logit) against a generator that no longer moves, with the
 * GAN's own discriminator update, yielding it (the same network, trained on) every `yieldEvery`
 * steps. Long enough, it approaches D* = p_data / (p_data + p_g).
 */
export function* frozenGeneratorDiscriminatorSteps(generator: GanMlp, data: Mixture1d, options: Partial<FrozenGeneratorOptions> = {}): Generator<{ step: number; discriminator: GanMlp }, GanMlp> {
  const { steps, lr, batchSize, hidden, seed, yieldEvery } = { ...frozenDefaults, ...options };
  for (const [key, value] of Object.entries({ steps, batchSize, yieldEvery })) {
    if (!Number.isInteger(value) || value < 1) throw new MLInputError('fitDiscriminatorToFrozenGenerator', `${key} must be a positive integer, got ${value}`);
  }
  const random = rng(seed);
  const discriminator = createGanMlp([1, ...hidden, 1], random);
  const optimizer = new InPlaceAdam(discriminator.params.length, lr);
  for (let t = 0; t < steps; t++) {
    const real = sampleMixture1d(data, batchSize, random);
    const fake = ganMlpOutput(generator, Float64Array.from({ length: batchSize }, () => random.normal()));
    ganDiscriminatorStep(discriminator, real, fake, optimizer);
    if ((t + 1) % yieldEvery === 0 || t + 1 === steps) yield { step: t + 1, discriminator };
  }
  return discriminator;
}

/** frozenGeneratorDiscriminatorSteps run to the end: the trained discriminator. */
export function fitDiscriminatorToFrozenGenerator(generator: GanMlp, data: Mixture1d, options: Partial<FrozenGeneratorOptions> = {}): GanMlp {
  const steps = frozenGeneratorDiscriminatorSteps(generator, data, options);
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}
