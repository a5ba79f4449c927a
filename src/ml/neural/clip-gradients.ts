import { fail } from '../core/validate.ts';
/**
 * Gradient clipping on plain numbers, one array per weight tensor (as trainSteps' clipNorm, or
 * PyTorch's clip_grad_norm_ and clip_grad_value_, see them): small enough to draw.
 */

/** The global norm ‖g‖ = √(Σ over every tensor and entry of g²). */
export function globalNorm(grads: readonly (readonly number[])[]): number {
  let sumOfSquares = 0;
  for (const g of grads) for (const v of g) sumOfSquares += v * v;
  return Math.sqrt(sumOfSquares);
}

export interface ClippedByNorm {
  clipped: number[][];
  /** ‖g‖ before clipping. */
  norm: number;
  /** The factor every entry was multiplied by: min(1, maxNorm / ‖g‖). */
  scale: number;
}

function checkGrads(grads: readonly (readonly number[])[], where: string): void {
  if (!Array.isArray(grads) || !grads.every((g) => Array.isArray(g))) {
    fail(where, `grads must be a list of arrays of numbers, one per weight tensor, e.g. [[0.5, -2]]`);
  }
  grads.forEach((g, i) => g.forEach((v, j) => {
    if (!Number.isFinite(v)) fail(where, `grads[${i}][${j}] is ${v}; clipping cannot rescale a gradient that is not finite`);
  }));
}

/**
 * Clip by global norm: if ‖g‖ > maxNorm, rescale *every* entry by maxNorm / ‖g‖, so the
 * clipped gradient has norm maxNorm and points the same way. The ratios between layers do not
 * change.
 */
export function clipByGlobalNorm(grads: readonly (readonly number[])[], maxNorm: number): ClippedByNorm {
  const where = 'clipByGlobalNorm';
  if (!(maxNorm > 0)) fail(where, `maxNorm must be > 0, got ${maxNorm}`);
  checkGrads(grads, where);
  const norm = globalNorm(grads);
  const scale = norm > maxNorm ? maxNorm / norm : 1;
  return { clipped: grads.map((g) => g.map((v) => v * scale)), norm, scale };
}

/**
 * Clip by value: each entry on its own into [−limit, limit]. Cheap, but the clipped vector
 * usually points in a different direction from g.
 */
export function clipByValue(grads: readonly (readonly number[])[], limit: number): number[][] {
  const where = 'clipByValue';
  if (!(limit > 0)) fail(where, `limit must be > 0, got ${limit}`);
  checkGrads(grads, where);
  return grads.map((g) => g.map((v) => Math.min(limit, Math.max(-limit, v))));
}
