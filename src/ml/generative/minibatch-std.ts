import type { GanMlp } from './gan-mlp.ts';

/*
 * The minibatch standard deviation input (Karras et al., 2018, "progressive growing of GANs"):
 * the discriminator sees each sample together with the spread s of the batch it came in. A
 * collapsed generator makes batches with a tiny s that no real batch has, so D can reject the
 * batch whatever the single samples look like. A discriminator built with two inputs gets it;
 * one with a single input gets x alone and these functions pass values through.
 */

/** D's input for a batch: x alone, or each x beside the batch's standard deviation s when D has two inputs. */
export function minibatchStdInput(discriminator: GanMlp, batch: Float64Array, std = batchStandardDeviation(batch)): Float64Array {
  if (discriminator.sizes[0] === 1) return batch;
  const input = new Float64Array(2 * batch.length);
  for (let i = 0; i < batch.length; i++) [input[2 * i], input[2 * i + 1]] = [batch[i], std];
  return input;
}

/** s = √(mean (xᵢ − x̄)²) */
export function batchStandardDeviation(batch: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < batch.length; i++) mean += batch[i] / batch.length;
  let variance = 0;
  for (let i = 0; i < batch.length; i++) variance += (batch[i] - mean) ** 2 / batch.length;
  return Math.sqrt(variance);
}

/**
 * ∂L/∂xᵢ from ∂L/∂(D's input). With the batch's s as a second input every sample also moves s:
 * ∂s/∂xᵢ = (xᵢ − x̄)/(m s), so ∂L/∂xᵢ = ∂L/∂inputᵢ,₀ + (Σⱼ ∂L/∂inputⱼ,₁)(xᵢ − x̄)/(m s).
 */
export function minibatchStdBackward(discriminator: GanMlp, batch: Float64Array, dInput: Float64Array): Float64Array {
  if (discriminator.sizes[0] === 1) return dInput;
  const m = batch.length;
  const std = batchStandardDeviation(batch);
  let mean = 0, dStd = 0;
  for (let i = 0; i < m; i++) [mean, dStd] = [mean + batch[i] / m, dStd + dInput[2 * i + 1]];
  return batch.map((x, i) => dInput[2 * i] + (std > 0 ? (dStd * (x - mean)) / (m * std) : 0));
}
