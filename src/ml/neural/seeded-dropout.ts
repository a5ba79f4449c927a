import * as tf from '@tensorflow/tfjs';
import { rng, type Random } from '../core/random.ts';
import { fail } from '../core/validate.ts';

export interface SeededDropoutConfig {
  rate: number;
  seed?: number;
  name?: string;
}

export interface SeededDropoutLayer extends tf.layers.Layer {
  readonly rate: number;
  readonly seed: number;
}

/**
 * The layer class, defined (and registered with TensorFlow.js) on first use rather than when the
 * library loads: the sandbox runtime evaluates TensorFlow.js only once a notebook needs it
 * (kernel/runtime/tfjs-on-demand.ts), and a class extending one of its classes needs it.
 */
function defineSeededDropout(): new (config: SeededDropoutConfig) => SeededDropoutLayer {
  class SeededDropout extends tf.layers.Layer implements SeededDropoutLayer {
    static className = 'SeededDropout';
    readonly rate: number;
    readonly seed: number;
    private random: Random;

    constructor(config: SeededDropoutConfig) {
      super({ name: config.name });
      if (!(config.rate >= 0 && config.rate < 1)) fail('SeededDropout', `rate must be in [0, 1), got ${config.rate}`);
      this.rate = config.rate;
      this.seed = config.seed ?? 0;
      this.random = rng(this.seed);
    }

    override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      if (!kwargs.training || this.rate === 0) return x;
      const maskSeed = this.random.int(2 ** 31);
      return tf.tidy(() => {
        // keep each unit with probability 1 − rate, and scale it up so the expected value is unchanged
        const keep = tf.randomUniform(x.shape, 0, 1, 'float32', maskSeed).greaterEqual(this.rate);
        return x.mul(keep.cast('float32')).div(1 - this.rate);
      });
    }

    override getConfig(): tf.serialization.ConfigDict {
      return { ...super.getConfig(), rate: this.rate, seed: this.seed };
    }
  }
  tf.serialization.registerClass(SeededDropout);
  return SeededDropout;
}

let defined: (new (config: SeededDropoutConfig) => SeededDropoutLayer) | undefined;

/**
 * Dropout whose masks come from a seeded generator: a fresh mask on every training call, the
 * same sequence of masks for the same seed. (tf.layers.dropout with a `seed` reuses one mask
 * forever; without a seed it is not reproducible.) Inverted dropout: kept units are scaled by
 * 1/(1 − rate) during training so nothing changes at inference.
 * @example model.add(new SeededDropout({ rate: 0.2, seed: 1 }))
 */
export const SeededDropout = function SeededDropout(config: SeededDropoutConfig) {
  defined ??= defineSeededDropout();
  return new defined(config);
} as unknown as new (config: SeededDropoutConfig) => SeededDropoutLayer;
