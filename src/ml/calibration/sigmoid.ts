import { checkFitted, fail, toVector, type VectorLike } from '../core/validate.ts';
import { log1pExp, sigmoid } from '../linear/softmax.ts';
import { lbfgs } from '../optim/lbfgs.ts';

/**
 * Platt scaling (Platt 1999; scikit-learn's `_SigmoidCalibration`): P(y = 1 | f) = 1 / (1 + exp(a·f + b))
 * for a classifier score f, with a and b fitted by maximum likelihood. Only two parameters, so it
 * needs little data, but it can only straighten a sigmoid-shaped distortion of the scores.
 * Fitted: `a` (the slope, negative when a higher score means more likely positive) and `b`.
 */
export class SigmoidCalibration {
  a?: number;
  b?: number;

  /** Fits a and b to scores f and targets y (y > 0 is the positive class), as scikit-learn's `_sigmoid_calibration`. */
  fit(f: VectorLike, y: VectorLike, sampleWeight?: VectorLike): this {
    const where = 'SigmoidCalibration.fit';
    const scores = toVector(f, where, { name: 'f' });
    const targets = toVector(y, where, { length: scores.length });
    const weights = sampleWeight === undefined ? scores.map(() => 1) : toVector(sampleWeight, where, { name: 'sampleWeight', length: scores.length });
    if (weights.some((w) => w < 0)) fail(where, 'sampleWeight must be ≥ 0');

    // Platt's prior correction: aim for (n₊+1)/(n₊+2) and 1/(n₋+2) rather than 1 and 0, so
    // separable scores do not drive a to infinity (a Bayesian prior on the labels).
    let nPos = 0, nNeg = 0;
    targets.forEach((t, i) => (t > 0 ? (nPos += weights[i]) : (nNeg += weights[i])));
    const hit = (nPos + 1) / (nPos + 2), miss = 1 / (nNeg + 2);
    const T = targets.map((t) => (t > 0 ? hit : miss));

    // Σ w·[T·log(1 + e^z) + (1 − T)·log(1 + e^−z)] with z = a·f + b: the log-loss of P = σ(−z),
    // written with log1pExp so no exp overflows; ∂/∂z = T − P.
    const objective = (ab: Float64Array, grad: Float64Array): number => {
      let loss = 0, ga = 0, gb = 0;
      for (let i = 0; i < scores.length; i++) {
        const z = ab[0] * scores[i] + ab[1];
        loss += weights[i] * (T[i] * log1pExp(z) + (1 - T[i]) * log1pExp(-z));
        const d = weights[i] * (T[i] - sigmoid(-z));
        ga += d * scores[i];
        gb += d;
      }
      grad[0] = ga;
      grad[1] = gb;
      return loss;
    };
    // scikit-learn's start: a = 0 and b = the log-odds of the (smoothed) negatives, i.e. the base rate.
    const start = [0, Math.log((nNeg + 1) / (nPos + 1))];
    // scikit-learn's fmin_bfgs stops at gradient 1e-5, up to ~2e-6 short of the optimum. Solving
    // tightly (until the loss stops resolving any decrease, ~1e-8 from the optimum) lands on the
    // optimum itself, so both agree to scikit-learn's own shortfall.
    let ab: ArrayLike<number> = start;
    for (const step of lbfgs(objective, start, { maxIter: 1000, gtol: 1e-10, ftol: 0 })) ab = step.x;
    this.a = ab[0];
    this.b = ab[1];
    return this;
  }

  /** The calibrated probability 1 / (1 + exp(a·f + b)) of each score. */
  predict(f: VectorLike): number[] {
    const a = checkFitted(this.a, 'SigmoidCalibration.predict');
    return toVector(f, 'SigmoidCalibration.predict', { name: 'f' }).map((v) => sigmoid(-(a * v + this.b!)));
  }
}
