import * as tf from '@tensorflow/tfjs';
import { rng } from '../core/random.ts';
import { toRows, type MatrixLike, fail } from '../core/validate.ts';
import { buildMLP, type MLPActivation } from './build-mlp.ts';

export interface AutoencoderOptions {
  /** Features per example (pixels of an image). */
  inputDim: number;
  /** Width of the bottleneck: the size of the code z the encoder makes. */
  latentDim: number;
  /** Hidden widths of the encoder; the decoder mirrors them (default [32]; [] for a single layer each way). */
  hidden?: number[];
  /** Hidden activation ('linear' with hidden [] gives the linear autoencoder PCA is compared with). */
  activation?: MLPActivation;
  /** The decoder's last activation: 'sigmoid' for pixels in [0, 1], 'linear' otherwise. */
  outputActivation?: 'sigmoid' | 'linear';
  seed?: number;
}

/**
 * An encoder x → z and a decoder z → x̂, kept as two models so the decoder can be called on any
 * point z of the latent space, and `model` = decoder ∘ encoder, the network that is trained.
 */
export interface Autoencoder {
  encoder: tf.Sequential;
  decoder: tf.Sequential;
  model: tf.LayersModel;
  latentDim: number;
}

/**
 * A dense autoencoder: encoder inputDim → hidden… → latentDim (linear code), decoder
 * latentDim → …hidden reversed → inputDim. Seeded, so the same options give the same weights.
 */
export function buildAutoencoder(options: AutoencoderOptions): Autoencoder {
  const { inputDim, latentDim, hidden = [32], activation = 'relu', outputActivation = 'sigmoid', seed = 0 } = options;
  if (!Number.isInteger(latentDim) || latentDim < 1) fail('buildAutoencoder', `latentDim must be a whole number ≥ 1, got ${latentDim}`);
  // The code is left linear: squashing it would bound the latent space the learner points into.
  const encoder = buildMLP({ inputDim, hidden, activation, outputDim: latentDim, outputActivation: 'linear', seed });
  const decoder = buildMLP({ inputDim: latentDim, hidden: [...hidden].reverse(), activation, outputDim: inputDim, outputActivation, seed: seed + 1 });
  // decoder ∘ encoder as one functional model that shares the two models' layers (and weights).
  const model = tf.model({ inputs: encoder.inputs, outputs: decoder.apply(encoder.outputs[0]) as tf.SymbolicTensor });
  return { encoder, decoder, model, latentDim };
}

export interface AutoencoderTrainOptions {
  epochs?: number;
  batchSize?: number;
  /** Adam's step size η. */
  learningRate?: number;
  /** Standard deviation σ of the Gaussian noise added to the inputs (denoising); the targets stay clean. */
  noise?: number;
  /** Clip noisy inputs to [0, 1] like pixels (default true). */
  clipNoisy?: boolean;
  /** Seeds the mini-batch order and the noise. */
  seed?: number;
}

/** What one epoch of autoencoder training reports. */
export interface AutoencoderStep {
  epoch: number;
  /** Mean over the epoch's mini-batches of the reconstruction loss ‖x − x̂‖²/d. */
  loss: number;
}

/**
 * x̃ = x + ε, ε ~ N(0, σ²) per entry, clipped to [0, 1] when `clip` (pixels stay pixels).
 * Seeded: the same seed gives the same noise.
 */
export function addPixelNoise(X: MatrixLike, sigma: number, seed = 0, clip = true): number[][] {
  if (!(sigma >= 0)) fail('addPixelNoise', `sigma must be ≥ 0, got ${sigma}`);
  const random = rng(seed);
  return toRows(X, 'addPixelNoise').map((row) => row.map((v) => {
    const noisy = v + random.normal(0, sigma);
    return clip ? Math.min(1, Math.max(0, noisy)) : noisy;
  }));
}

/**
 * Trains the autoencoder to give back its input with Adam on mini-batches: minimise
 * ‖x − decoder(encoder(x̃))‖²/d, where x̃ = x (plain) or x with fresh noise every epoch
 * (denoising: noisy in, clean out, so it cannot learn the identity and must learn what images
 * look like). One yield per epoch; it awaits tf.nextFrame() so a page stays responsive, and
 * frees every tensor it made even when the loop over it stops early.
 */
export async function* trainAutoencoder(
  autoencoder: Autoencoder, X: MatrixLike, options: AutoencoderTrainOptions = {},
): AsyncGenerator<AutoencoderStep, void, undefined> {
  const where = 'trainAutoencoder';
  const { epochs = 50, batchSize = 32, learningRate = 0.01, noise = 0, clipNoisy = true, seed = 0 } = options;
  for (const [name, v] of [['epochs', epochs], ['batchSize', batchSize]] as const) {
    if (!Number.isInteger(v) || v < 1) fail(where, `${name} must be a whole number ≥ 1, got ${v}`);
  }
  if (!(learningRate > 0)) fail(where, `learningRate must be > 0, got ${learningRate}`);
  if (!(noise >= 0)) fail(where, `noise must be ≥ 0, got ${noise}`);
  const rows = toRows(X, where);
  const inputDim = autoencoder.model.inputs[0].shape[1];
  if (rows[0].length !== inputDim) fail(where, `X rows have ${rows[0].length} features but the autoencoder expects ${inputDim}`);
  const n = rows.length;
  const random = rng(seed);
  const optimizer = tf.train.adam(learningRate);
  const clean = tf.tensor2d(rows);
  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const inputs = noise > 0 ? tf.tensor2d(addPixelNoise(rows, noise, random.int(2 ** 31), clipNoisy)) : clean;
      const order = random.permutation(n);
      let lossSum = 0, batches = 0;
      for (let start = 0; start < n; start += batchSize) {
        const loss = tf.tidy(() => {
          const indices = tf.tensor1d(order.slice(start, start + batchSize), 'int32');
          const xb = inputs.gather(indices), target = clean.gather(indices);
          // L = mean over the batch and the d pixels of (x − x̂)²
          return optimizer.minimize(() => tf.losses.meanSquaredError(target, autoencoder.model.apply(xb, { training: true }) as tf.Tensor), true)!;
        });
        lossSum += loss.dataSync()[0];
        loss.dispose();
        batches++;
      }
      if (inputs !== clean) inputs.dispose();
      await tf.nextFrame();
      yield { epoch, loss: lossSum / batches };
    }
  } finally {
    clean.dispose();
    optimizer.dispose();
  }
}

/** Runs rows through one of the autoencoder's models (encoder, decoder or the whole) and returns rows. */
function applyRows(model: tf.LayersModel, rows: MatrixLike, where: string): number[][] {
  const input = toRows(rows, where);
  return tf.tidy(() => (model.predict(tf.tensor2d(input)) as tf.Tensor).arraySync() as number[][]);
}

/** The codes z = encoder(x), one row per example. */
export function autoencoderEncode(autoencoder: Autoencoder, X: MatrixLike): number[][] {
  return applyRows(autoencoder.encoder, X, 'autoencoderEncode');
}

/** The decoded x̂ = decoder(z) of latent points z (any points, not only codes of examples). */
export function autoencoderDecode(autoencoder: Autoencoder, Z: MatrixLike): number[][] {
  return applyRows(autoencoder.decoder, Z, 'autoencoderDecode');
}

/** The reconstructions x̂ = decoder(encoder(x)). */
export function autoencoderReconstruct(autoencoder: Autoencoder, X: MatrixLike): number[][] {
  return applyRows(autoencoder.model, X, 'autoencoderReconstruct');
}

/** Mean squared error per entry, ‖x − x̂‖² / (n·d), of reconstructions against the originals. */
export function meanSquaredReconstructionError(X: MatrixLike, reconstructed: MatrixLike): number {
  const a = toRows(X, 'meanSquaredReconstructionError'), b = toRows(reconstructed, 'meanSquaredReconstructionError', { name: 'reconstructed' });
  if (a.length !== b.length || a[0].length !== b[0].length) fail('meanSquaredReconstructionError', `X is ${a.length} × ${a[0].length} but reconstructed is ${b.length} × ${b[0].length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < a[i].length; j++) sum += (a[i][j] - b[i][j]) ** 2;
  return sum / (a.length * a[0].length);
}

/**
 * Frees the weights of all three models. Disposing `model` frees the encoder's and the decoder's
 * layers too (measured: disposing the encoder first leaves the decoder's weights alive).
 */
export function disposeAutoencoder(autoencoder: Autoencoder): void {
  autoencoder.model.dispose();
}
