import { fail, toVector, type VectorLike } from '../core/validate.ts';

/** Area under a curve through the points (x, y) by the trapezoidal rule; x must be monotonic. */
export function auc(x: VectorLike, y: VectorLike): number {
  const where = 'auc';
  const xs = toVector(x, where, { name: 'x' });
  const ys = toVector(y, where, { name: 'y', length: xs.length });
  if (xs.length < 2) fail(where, `x has ${xs.length} point(s); at least 2 are needed to compute an area`);
  let increasing = true;
  let decreasing = true;
  for (let i = 1; i < xs.length; i++) {
    if (xs[i] < xs[i - 1]) increasing = false;
    if (xs[i] > xs[i - 1]) decreasing = false;
  }
  if (!increasing && !decreasing) fail(where, 'x is neither increasing nor decreasing; sort the points by x first');
  let area = 0;
  // ∫ y dx ≈ Σ (x_{i+1} − x_i)·(y_i + y_{i+1})/2; a decreasing x gives a negative sum, so flip it.
  for (let i = 1; i < xs.length; i++) area += (xs[i] - xs[i - 1]) * (ys[i] + ys[i - 1]) / 2;
  return decreasing && !increasing ? -area : area;
}
