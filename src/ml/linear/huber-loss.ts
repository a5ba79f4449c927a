import type { Dense } from '../core/dense.ts';
import type { ValueAndGradient } from '../optim/lbfgs.ts';

/**
 * scikit-learn's HuberRegressor objective over θ = [w (d values), b, σ]:
 *   Σ_i (σ + H_ε(r_i/σ)·σ) + α‖w‖²,  r_i = y_i − x_i·w − b,
 * with H_ε(z) = z² for |z| ≤ ε and 2ε|z| − ε² beyond. Jointly convex in (w, b, σ): the scale σ
 * is fitted with the weights, so ε is in units of the residuals' own spread. σ ≤ 0 has no value
 * (NaN), which makes the line search step back inside.
 */
export function huberObjective(X: Dense, y: readonly number[], epsilon: number, alpha: number, fitIntercept: boolean): ValueAndGradient {
  const n = X.rows, d = X.cols, x = X.data;
  return (theta, grad) => {
    const sigma = theta[d + 1];
    if (!(sigma > 0)) return NaN;
    grad.fill(0);
    let squared = 0, outlierLoss = 0, nOutliers = 0;
    for (let i = 0; i < n; i++) {
      const row = i * d;
      let p = fitIntercept ? theta[d] : 0;
      for (let j = 0; j < d; j++) p += theta[j] * x[row + j];
      const r = y[i] - p;
      // ∂/∂p of the sample's term: −2r/σ inside the ε·σ band, −2ε·sign(r) outside
      let dp: number;
      if (Math.abs(r) > epsilon * sigma) {
        nOutliers += 1;
        outlierLoss += 2 * epsilon * Math.abs(r);
        dp = -2 * epsilon * Math.sign(r);
      } else {
        squared += (r * r) / sigma;
        dp = (-2 * r) / sigma;
      }
      for (let j = 0; j < d; j++) grad[j] += dp * x[row + j];
      if (fitIntercept) grad[d] += dp;
    }
    let penalty = 0;
    for (let j = 0; j < d; j++) {
      penalty += theta[j] * theta[j];
      grad[j] += 2 * alpha * theta[j];
    }
    // ∂/∂σ: n from the σ terms, −ε² per outlier, −r²/σ² per inlier
    grad[d + 1] = n - nOutliers * epsilon * epsilon - squared / sigma;
    return n * sigma + squared + outlierLoss - nOutliers * epsilon * epsilon * sigma + alpha * penalty;
  };
}
