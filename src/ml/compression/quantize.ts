// Uniform quantisation of weights to n-bit integers and back, as PyTorch and TFLite do it.
//
// Conventions (both frameworks agree on these for weights):
// - symmetric: zero point 0, integers in [−(2ⁿ⁻¹−1), 2ⁿ⁻¹−1] (±127 at 8 bits, the "narrow" range
//   TFLite requires for int8 weights), scale = max|w| / (2ⁿ⁻¹−1);
// - affine: integers in [−2ⁿ⁻¹, 2ⁿ⁻¹−1] ([−128, 127] at 8 bits); the range [min, max] is first
//   widened to include 0 so that 0 is exactly representable, scale = (max − min) / (2ⁿ − 1) and
//   zero point z = qmin − round(min / scale), clamped to [qmin, qmax] (PyTorch's MinMaxObserver);
// - q = clamp(round(w / scale) + z, qmin, qmax) and ŵ = (q − z)·scale;
// - round halves to even (torch.round, numpy.round), not up like Math.round;
// - a channel of all zeros gets scale 1 (any scale maps it to q = 0 exactly).
// Per-tensor uses one (scale, z) for the whole matrix; per-channel one per row, i.e. per output
// unit of a weight matrix stored out × in (PyTorch's layout, its per-channel axis 0).

export type QuantizationScheme = 'symmetric' | 'affine';
export type QuantizationGranularity = 'per-tensor' | 'per-channel';

export interface QuantizationOptions {
  bits: number;
  scheme: QuantizationScheme;
  granularity: QuantizationGranularity;
}

/** The integer grid of one tensor or channel: ŵ = (q − zeroPoint)·scale for q in [qmin, qmax]. */
export interface QuantizationParameters {
  scale: number;
  zeroPoint: number;
  qmin: number;
  qmax: number;
}

export interface QuantizedWeights {
  /** One entry for per-tensor, one per row for per-channel. */
  parameters: QuantizationParameters[];
  /** The integers, same shape as the weights. */
  integers: number[][];
  /** The integers mapped back to real numbers, same shape as the weights. */
  dequantized: number[][];
}

/** Rounds to the nearest integer, halves to the even one (2.5 → 2, 3.5 → 4), like numpy and PyTorch. */
export function roundHalfToEven(x: number): number {
  const r = Math.round(x);
  // Math.round sends every half up; step back when that landed on an odd number.
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The integer range of an n-bit scheme. */
export function quantizationRange(bits: number, scheme: QuantizationScheme): { qmin: number; qmax: number } {
  if (!Number.isInteger(bits) || bits < 2 || bits > 16) {
    throw new RangeError(`quantizationRange: bits must be an integer from 2 to 16, got ${bits}`);
  }
  const half = 2 ** (bits - 1);
  return scheme === 'symmetric' ? { qmin: -(half - 1), qmax: half - 1 } : { qmin: -half, qmax: half - 1 };
}

/** Scale and zero point that cover `values` with the n-bit grid of `scheme`. */
export function quantizationParameters(values: readonly number[], bits: number, scheme: QuantizationScheme): QuantizationParameters {
  const { qmin, qmax } = quantizationRange(bits, scheme);
  let low = 0, high = 0; // starting at 0 widens [min, max] to include 0
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`quantizationParameters: weights must be finite, got ${v}`);
    if (v < low) low = v;
    if (v > high) high = v;
  }
  if (scheme === 'symmetric') {
    const scale = Math.max(-low, high) / qmax;
    return { scale: scale > 0 ? scale : 1, zeroPoint: 0, qmin, qmax };
  }
  const spread = (high - low) / (qmax - qmin);
  const scale = spread > 0 ? spread : 1;
  const zeroPoint = Math.min(qmax, Math.max(qmin, qmin - roundHalfToEven(low / scale)));
  return { scale, zeroPoint, qmin, qmax };
}

/** q = clamp(round(w / scale) + z, qmin, qmax). */
export function quantizeValue(w: number, p: QuantizationParameters): number {
  return Math.min(p.qmax, Math.max(p.qmin, roundHalfToEven(w / p.scale) + p.zeroPoint));
}

/** ŵ = (q − z)·scale. */
export function dequantizeValue(q: number, p: QuantizationParameters): number {
  return (q - p.zeroPoint) * p.scale;
}

/** Quantises a weight matrix (rows = output channels) and maps it back. */
export function quantizeWeights(weights: readonly (readonly number[])[], options: QuantizationOptions): QuantizedWeights {
  const { bits, scheme, granularity } = options;
  if (weights.length === 0) throw new RangeError('quantizeWeights: the weight matrix has no rows');
  const parameters = granularity === 'per-tensor'
    ? [quantizationParameters(weights.flat(), bits, scheme)]
    : weights.map((row) => quantizationParameters(row, bits, scheme));
  const rowParameters = (i: number) => parameters[granularity === 'per-tensor' ? 0 : i];
  const integers = weights.map((row, i) => row.map((w) => quantizeValue(w, rowParameters(i))));
  const dequantized = integers.map((row, i) => row.map((q) => dequantizeValue(q, rowParameters(i))));
  return { parameters, integers, dequantized };
}

/** Mean squared and largest absolute difference between weights and their round trip. */
export function roundTripError(weights: readonly (readonly number[])[], dequantized: readonly (readonly number[])[]): { meanSquared: number; maxAbsolute: number } {
  let sum = 0, count = 0, maxAbsolute = 0;
  weights.forEach((row, i) => row.forEach((w, j) => {
    const d = Math.abs(w - dequantized[i][j]);
    sum += d * d;
    count++;
    if (d > maxAbsolute) maxAbsolute = d;
  }));
  return { meanSquared: sum / count, maxAbsolute };
}

/**
 * Bytes to store `weightCount` weights at `bits` each plus, per tensor or channel, a 32-bit
 * scale (and a zero point stored as one byte when the scheme is affine).
 */
export function quantizedSizeBytes(weightCount: number, bits: number, groups: number, scheme: QuantizationScheme): number {
  const perGroup = 4 + (scheme === 'affine' ? 1 : 0);
  return Math.ceil((weightCount * bits) / 8) + groups * perGroup;
}
