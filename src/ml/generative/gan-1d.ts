import { rng, type Random } from '../core/random.ts';
import { MLInputError } from '../core/validate.ts';
import { InPlaceAdam } from './adam-in-place.ts';
import { copyGanMlp, createGanMlp, ganMlpBackward, ganMlpForward, ganMlpOutput, type GanActivation, type GanMlp } from './gan-mlp.ts';
import { sampleMixture1d, type Mixture1d } from './mixture-1d.ts';
import { batchStandardDeviation, minibatchStdBackward, minibatchStdInput } from './minibatch-std.ts';

/**
 * The generator's loss. 'minimax' is the game's own, min E log(1 − D(G(z))): its gradient vanishes
 * when D rejects the fakes confidently, which is early in training. 'non-saturating' is the one
 * used in practice, min −E log D(G(z)): the same fixed point, a strong gradient where G is bad.
 */
export type GanGeneratorLoss = 'non-saturating' | 'minimax';

export interface Gan1dOptions {
  /** The real data. */
  data: Mixture1d;
  /** Generator updates (each after `dStepsPerG` discriminator updates). */
  steps: number;
  lrG: number;
  lrD: number;
  dStepsPerG: number;
  batchSize: number;
  /** Hidden layer widths of both networks. */
  hidden: readonly number[];
  activation: GanActivation;
  generatorLoss: GanGeneratorLoss;
  /**
   * Minibatch standard deviation (Karras et al., 2018): D also sees the spread of the batch each
   * sample came in, so a generator that puts every sample in one place is caught by the batch, not
   * the point.
   */
  minibatchStd: boolean;
  /** Adam's β₁ (0.9, Adam's default; DCGAN used 0.5, less momentum in a game whose target moves). */
  beta1: number;
  /** Record a snapshot every this many generator steps (and at step 0 and the last step). */
  snapshotEvery: number;
  /** Where D(x) is recorded in each snapshot. */
  grid: readonly number[];
  /** Generated samples per snapshot, from noise fixed for the whole run so their motion is G's. */
  sampleCount: number;
  seed: number;
}

/** The state of the game after `step` generator updates. */
export interface GanSnapshot {
  step: number;
  /** G(z) for the run's fixed noise z. */
  samples: Float64Array;
  /** D(x) = P(real | x) at each point of the grid. */
  discriminator: Float64Array;
  /** The losses of the last update (NaN at step 0). */
  lossD: number;
  lossG: number;
  /** The losses of every update so far, [0, step): views of the run's arrays, so a run can be drawn before it ends. */
  lossesD: Float64Array;
  lossesG: Float64Array;
  /** Copies of both networks' weights. */
  generator: GanMlp;
  discriminatorNet: GanMlp;
}

export interface Gan1dResult {
  snapshots: GanSnapshot[];
  /** lossD[t] and lossG[t]: the losses of generator update t + 1 (D's is its last update before it). */
  lossD: Float64Array;
  lossG: Float64Array;
}

export const gan1dDefaults: Omit<Gan1dOptions, 'data' | 'grid'> = {
  steps: 2000, lrG: 1e-3, lrD: 1e-3, dStepsPerG: 1, batchSize: 64, hidden: [16, 16], activation: 'leakyRelu',
  generatorLoss: 'non-saturating', minibatchStd: false, beta1: 0.9, snapshotEvery: 50, sampleCount: 1000, seed: 0,
};

/** softplus(l) = ln(1 + eˡ), without overflow: −ln σ(−l) = softplus(l), −ln σ(l) = softplus(−l). */
const softplus = (l: number) => (l > 0 ? l + Math.log1p(Math.exp(-l)) : Math.log1p(Math.exp(l)));
const sigmoid = (l: number) => 1 / (1 + Math.exp(-l));

/**
 * D(x) = σ(logit) on points x. A discriminator with the minibatch-std input reads every point
 * with the same s: `std`, the spread of the batch it is asked about.
 */
export function ganDiscriminatorProbabilities(discriminator: GanMlp, xs: ArrayLike<number>, std = 0): Float64Array {
  const points = Float64Array.from(xs);
  return ganMlpOutput(discriminator, minibatchStdInput(discriminator, points, std), points.length).map(sigmoid);
}

/**
 * One discriminator update on a real and a fake batch:
 *   L_D = −(1/m) Σ [ln D(xᵢ) + ln(1 − D(G(zᵢ)))] = mean softplus(−l_real) + mean softplus(l_fake)
 * with l the logits, so ∂L_D/∂l_real = (σ(l) − 1)/m and ∂L_D/∂l_fake = σ(l)/m. Returns L_D.
 */
export function ganDiscriminatorStep(discriminator: GanMlp, real: Float64Array, fake: Float64Array, optimizer: InPlaceAdam, grads = new Float64Array(discriminator.params.length)): number {
  grads.fill(0);
  let loss = 0;
  for (const [batch, isReal] of [[real, true], [fake, false]] as const) {
    const m = batch.length;
    const pass = ganMlpForward(discriminator, minibatchStdInput(discriminator, batch), m);
    const logits = pass.a[pass.a.length - 1];
    const dLogits = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      loss += softplus(isReal ? -logits[i] : logits[i]) / m;
      dLogits[i] = (sigmoid(logits[i]) - (isReal ? 1 : 0)) / m;
    }
    ganMlpBackward(discriminator, pass, dLogits, grads);
  }
  optimizer.step(discriminator.params, grads);
  return loss;
}

/**
 * One generator update on a batch of noise, through the (fixed) discriminator:
 *   non-saturating L_G = −(1/m) Σ ln D(G(zᵢ)) = mean softplus(−l),  ∂L_G/∂l = (σ(l) − 1)/m
 *   minimax        L_G =  (1/m) Σ ln(1 − D(G(zᵢ))) = −mean softplus(l), ∂L_G/∂l = −σ(l)/m
 * ∂L_G/∂x comes back through D (its weights untouched), then through G to G's weights. Returns L_G.
 */
export function ganGeneratorStep(generator: GanMlp, discriminator: GanMlp, noise: Float64Array, lossKind: GanGeneratorLoss, optimizer: InPlaceAdam, grads = new Float64Array(generator.params.length)): number {
  const m = noise.length;
  const gPass = ganMlpForward(generator, noise, m);
  const fake = gPass.a[gPass.a.length - 1];
  const dPass = ganMlpForward(discriminator, minibatchStdInput(discriminator, fake), m);
  const logits = dPass.a[dPass.a.length - 1];
  const dLogits = new Float64Array(m);
  let loss = 0;
  for (let i = 0; i < m; i++) {
    const p = sigmoid(logits[i]);
    if (lossKind === 'non-saturating') {
      loss += softplus(-logits[i]) / m;
      dLogits[i] = (p - 1) / m;
    } else {
      loss -= softplus(logits[i]) / m;
      dLogits[i] = -p / m;
    }
  }
  const dFake = minibatchStdBackward(discriminator, fake, ganMlpBackward(discriminator, dPass, dLogits, null));
  grads.fill(0);
  ganMlpBackward(generator, gPass, dFake, grads);
  optimizer.step(generator.params, grads);
  return loss;
}

function checkOptions(o: Gan1dOptions): void {
  const where = 'gan1dSteps';
  for (const key of ['steps', 'dStepsPerG', 'batchSize', 'snapshotEvery', 'sampleCount'] as const) {
    if (!Number.isInteger(o[key]) || o[key] < 1) throw new MLInputError(where, `${key} must be a positive integer, got ${o[key]}`);
  }
  for (const key of ['lrG', 'lrD'] as const) {
    if (!(o[key] > 0)) throw new MLInputError(where, `${key} must be a positive learning rate, got ${o[key]}`);
  }
}

const normalNoise = (random: Random, n: number) => Float64Array.from({ length: n }, () => random.normal());

/**
 * Trains a 1-D GAN: G maps z ~ N(0, 1) to x, D maps x to the logit of P(real). Each generator
 * update follows `dStepsPerG` discriminator updates. Yields a snapshot at step 0, every
 * `snapshotEvery` steps and at the end; returns every snapshot with the loss of every step.
 * Deterministic for a seed: the same options give the same game on every machine.
 */
export function* gan1dSteps(options: Partial<Gan1dOptions> & Pick<Gan1dOptions, 'data' | 'grid'>): Generator<GanSnapshot, Gan1dResult> {
  const o: Gan1dOptions = { ...gan1dDefaults, ...options };
  checkOptions(o);
  const random = rng(o.seed);
  const generator = createGanMlp([1, ...o.hidden, 1], random, o.activation);
  const discriminator = createGanMlp([o.minibatchStd ? 2 : 1, ...o.hidden, 1], random, o.activation);
  const optG = new InPlaceAdam(generator.params.length, o.lrG, o.beta1);
  const optD = new InPlaceAdam(discriminator.params.length, o.lrD, o.beta1);
  const gradsG = new Float64Array(generator.params.length);
  const gradsD = new Float64Array(discriminator.params.length);
  const fixedNoise = normalNoise(random.fork(), o.sampleCount);
  const lossD = new Float64Array(o.steps);
  const lossG = new Float64Array(o.steps);
  const snapshots: GanSnapshot[] = [];
  const snapshot = (step: number): GanSnapshot => {
    const samples = ganMlpOutput(generator, fixedNoise);
    const s: GanSnapshot = {
      step,
      samples,
      discriminator: ganDiscriminatorProbabilities(discriminator, o.grid, batchStandardDeviation(samples)),
      lossD: step === 0 ? NaN : lossD[step - 1],
      lossG: step === 0 ? NaN : lossG[step - 1],
      lossesD: lossD.subarray(0, step),
      lossesG: lossG.subarray(0, step),
      generator: copyGanMlp(generator),
      discriminatorNet: copyGanMlp(discriminator),
    };
    snapshots.push(s);
    return s;
  };
  yield snapshot(0);
  for (let t = 0; t < o.steps; t++) {
    for (let k = 0; k < o.dStepsPerG; k++) {
      const real = sampleMixture1d(o.data, o.batchSize, random);
      const fake = ganMlpOutput(generator, normalNoise(random, o.batchSize));
      lossD[t] = ganDiscriminatorStep(discriminator, real, fake, optD, gradsD);
    }
    lossG[t] = ganGeneratorStep(generator, discriminator, normalNoise(random, o.batchSize), o.generatorLoss, optG, gradsG);
    if ((t + 1) % o.snapshotEvery === 0 || t + 1 === o.steps) yield snapshot(t + 1);
  }
  return { snapshots, lossD, lossG };
}

/** gan1dSteps run to the end. */
export function trainGan1d(options: Partial<Gan1dOptions> & Pick<Gan1dOptions, 'data' | 'grid'>): Gan1dResult {
  const steps = gan1dSteps(options);
  let result = steps.next();
  while (!result.done) result = steps.next();
  return result.value;
}
