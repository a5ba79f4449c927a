import { checkOneOf, fail } from '../core/validate.ts';

/** The losses pointwiseLoss knows, by scikit-learn's names. */
export type PointwiseLossName = 'squared_error' | 'absolute_error' | 'huber' | 'log_loss' | 'hinge';

/**
 * One sample's loss as a function of one number, and its derivative, for plotting.
 * Regression losses take the residual r = ŷ − y; classification losses take the margin
 * m = y·f(x) of a score f and a label y ∈ {−1, +1} (m > 0: right side of the boundary).
 */
export interface PointwiseLoss {
  readonly name: PointwiseLossName;
  /** What `loss` and `gradient` take: the residual ŷ − y or the margin y·f. */
  readonly argument: 'residual' | 'margin';
  loss(z: number): number;
  /** dL/dz; at a kink it takes scikit-learn's choice (its SGD losses): 0 for |r| at r = 0, −1 for the hinge at m = 1. */
  gradient(z: number): number;
}

/**
 * The loss curves of the loss-functions notebook, per sample:
 * - 'squared_error': r² (mean over samples: MSE), gradient 2r
 * - 'absolute_error': |r| (MAE), gradient sign(r), 0 at r = 0
 * - 'huber': ½r² for |r| ≤ δ, δ(|r| − ½δ) beyond (huberLoss's per-sample value), gradient r clipped to [−δ, δ]
 * - 'log_loss': log(1 + e^(−m)) (binary cross-entropy of p = σ(f)), gradient −1/(1 + e^m)
 * - 'hinge': max(0, 1 − m), gradient −1 for m ≤ 1, else 0
 * @example const h = pointwiseLoss('huber', { delta: 1.35 }); line(rs, rs.map(h.loss))
 */
export function pointwiseLoss(name: PointwiseLossName, options: { delta?: number } = {}): PointwiseLoss {
  const where = 'pointwiseLoss';
  checkOneOf(name, ['squared_error', 'absolute_error', 'huber', 'log_loss', 'hinge'], where, 'name');
  const delta = options.delta ?? 1;
  if (typeof delta !== 'number' || !(delta > 0) || !Number.isFinite(delta)) fail(where, `delta must be a number > 0, got ${String(delta)}`);
  const residual = (loss: (r: number) => number, gradient: (r: number) => number): PointwiseLoss => ({ name, argument: 'residual', loss, gradient });
  const margin = (loss: (m: number) => number, gradient: (m: number) => number): PointwiseLoss => ({ name, argument: 'margin', loss, gradient });
  switch (name) {
    case 'squared_error': return residual((r) => r * r, (r) => 2 * r);
    case 'absolute_error': return residual((r) => Math.abs(r), (r) => Math.sign(r));
    case 'huber': return residual(
      (r) => (Math.abs(r) <= delta ? 0.5 * r * r : delta * (Math.abs(r) - 0.5 * delta)),
      (r) => Math.max(-delta, Math.min(delta, r)),
    );
    // log(1 + e^(−m)) without overflow on either side
    case 'log_loss': return margin(
      (m) => (m < 0 ? -m + Math.log1p(Math.exp(m)) : Math.log1p(Math.exp(-m))),
      (m) => (m < 0 ? -1 / (1 + Math.exp(m)) : -Math.exp(-m) / (1 + Math.exp(-m))),
    );
    case 'hinge': return margin((m) => Math.max(0, 1 - m), (m) => (m <= 1 ? -1 : 0));
  }
}
