import type { Random } from '../core/random.ts';
import { MLInputError } from '../core/validate.ts';

/** The hidden activation of a GanMlp. Leaky ReLU (slope 0.2 below 0) is the GAN literature's default. */
export type GanActivation = 'tanh' | 'leakyRelu';

/**
 * A small fully connected network in plain TypeScript, for the two players of a 1-D GAN: the
 * generator (noise → x) and the discriminator (x → logit of P(real)). Hidden layers use
 * `activation`, the output layer is linear.
 *
 * All weights live in one Float64Array, layer after layer, each layer as W (rows = outputs,
 * row-major) then b, so an optimiser updates one flat vector and a snapshot is one copy.
 */
export interface GanMlp {
  /** [inputs, hidden…, outputs], e.g. [1, 16, 16, 1]. */
  readonly sizes: readonly number[];
  readonly activation: GanActivation;
  readonly params: Float64Array;
  /** Where layer l's W and b start in `params`. */
  readonly offsets: readonly { w: number; b: number }[];
}

/** What a forward pass over a batch computed, kept for the backward pass. */
export interface GanMlpPass {
  readonly batch: number;
  /** a[0] is the input, a[l] the output of layer l (after its activation; the last is linear). */
  readonly a: Float64Array[];
  /** z[l − 1] is layer l's pre-activation W a[l − 1] + b. */
  readonly z: Float64Array[];
}

const LEAK = 0.2;

/** A network with Glorot-uniform weights (limit √(6/(in + out))) and zero biases, drawn from `random`. */
export function createGanMlp(sizes: readonly number[], random: Random, activation: GanActivation = 'leakyRelu'): GanMlp {
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new MLInputError('createGanMlp', `sizes must be at least two positive integers (inputs, …, outputs), got [${sizes.join(', ')}]`);
  }
  const offsets: { w: number; b: number }[] = [];
  let at = 0;
  for (let l = 1; l < sizes.length; l++) {
    offsets.push({ w: at, b: at + sizes[l] * sizes[l - 1] });
    at += sizes[l] * sizes[l - 1] + sizes[l];
  }
  const params = new Float64Array(at);
  offsets.forEach(({ w, b }, l) => {
    const limit = Math.sqrt(6 / (sizes[l] + sizes[l + 1]));
    for (let k = w; k < b; k++) params[k] = random.uniform(-limit, limit);
  });
  return { sizes: [...sizes], activation, params, offsets };
}

/** The same network with its own copy of the weights. */
export function copyGanMlp(net: GanMlp): GanMlp {
  return { ...net, params: net.params.slice() };
}

/** Forward pass of a batch: `input` holds `batch` rows of sizes[0] numbers, row after row. */
export function ganMlpForward(net: GanMlp, input: Float64Array, batch: number): GanMlpPass {
  const { sizes, params, offsets, activation } = net;
  if (input.length !== batch * sizes[0]) {
    throw new MLInputError('ganMlpForward', `input has ${input.length} numbers, expected batch ${batch} × ${sizes[0]} inputs`);
  }
  const a = [input];
  const z: Float64Array[] = [];
  for (let l = 1; l < sizes.length; l++) {
    const [nIn, nOut] = [sizes[l - 1], sizes[l]];
    const { w, b } = offsets[l - 1];
    const prev = a[l - 1];
    const pre = new Float64Array(batch * nOut);
    // z = W a + b, one row of the batch at a time
    for (let i = 0; i < batch; i++) {
      for (let j = 0; j < nOut; j++) {
        let sum = params[b + j];
        for (let k = 0; k < nIn; k++) sum += params[w + j * nIn + k] * prev[i * nIn + k];
        pre[i * nOut + j] = sum;
      }
    }
    z.push(pre);
    if (l === sizes.length - 1) {
      a.push(pre);
      continue;
    }
    const out = new Float64Array(pre.length);
    if (activation === 'tanh') for (let q = 0; q < pre.length; q++) out[q] = Math.tanh(pre[q]);
    else for (let q = 0; q < pre.length; q++) out[q] = pre[q] > 0 ? pre[q] : LEAK * pre[q];
    a.push(out);
  }
  return { batch, a, z };
}

/** The network's outputs for a batch (the last layer's values). */
export function ganMlpOutput(net: GanMlp, input: Float64Array, batch = input.length / net.sizes[0]): Float64Array {
  const pass = ganMlpForward(net, input, batch);
  return pass.a[pass.a.length - 1];
}

/**
 * Backpropagation through the pass, given ∂L/∂output (batch × outputs). Adds ∂L/∂θ into `grads`
 * (same layout as `params`; pass a zeroed array, or null to skip the weights, as the generator's
 * step does with the discriminator) and returns ∂L/∂input, which is how the generator hears the
 * discriminator.
 */
export function ganMlpBackward(net: GanMlp, pass: GanMlpPass, dOutput: Float64Array, grads: Float64Array | null): Float64Array {
  const { sizes, params, offsets, activation } = net;
  const { batch, a, z } = pass;
  let delta = dOutput; // ∂L/∂z of the current layer (the output layer is linear: ∂L/∂z = ∂L/∂a)
  for (let l = sizes.length - 1; l >= 1; l--) {
    const [nIn, nOut] = [sizes[l - 1], sizes[l]];
    const { w, b } = offsets[l - 1];
    const prev = a[l - 1];
    // One sweep over the batch does both products:
    //   ∂L/∂W += δ aᵀ and ∂L/∂b += δ (summed over the batch), and ∂L/∂a[l − 1] = Wᵀ δ
    const back = new Float64Array(batch * nIn);
    for (let i = 0; i < batch; i++) {
      const row = i * nIn;
      for (let j = 0; j < nOut; j++) {
        const d = delta[i * nOut + j];
        if (d === 0) continue;
        const wRow = w + j * nIn;
        if (grads) {
          grads[b + j] += d;
          for (let k = 0; k < nIn; k++) grads[wRow + k] += d * prev[row + k];
        }
        for (let k = 0; k < nIn; k++) back[row + k] += params[wRow + k] * d;
      }
    }
    // then through the activation of layer l − 1 (none for the input)
    if (l > 1) {
      const pre = z[l - 2];
      // tanh′ = 1 − a², leaky ReLU′ = 1 or 0.2
      if (activation === 'tanh') for (let q = 0; q < back.length; q++) back[q] *= 1 - prev[q] * prev[q];
      else for (let q = 0; q < back.length; q++) if (pre[q] <= 0) back[q] *= LEAK;
    }
    delta = back;
  }
  return delta;
}
