/** Losses SGD can minimise, by scikit-learn's names. */
export type SGDLoss = 'squared_error' | 'log_loss' | 'hinge' | 'huber' | 'epsilon_insensitive' | 'squared_epsilon_insensitive';

/**
 * Loss L(p, y) of a prediction p against a target y, and its derivative ∂L/∂p, as scikit-learn's
 * `_sgd_fast` loss classes define them. Classification losses take y ∈ {−1, +1}.
 */
export interface LossFunction {
  loss(p: number, y: number): number;
  dloss(p: number, y: number): number;
}

/**
 * The loss and derivative for a name. `epsilon` is the width of the robust losses: where Huber
 * turns from quadratic to linear, and the band inside which the ε-insensitive losses are 0.
 */
export function lossFunction(name: SGDLoss, epsilon = 0.1): LossFunction {
  switch (name) {
    // ½(p − y)²
    case 'squared_error': return { loss: (p, y) => 0.5 * (p - y) ** 2, dloss: (p, y) => p - y };
    // log(1 + e^(−yp)), written so neither branch overflows
    case 'log_loss': return {
      loss: (p, y) => {
        const m = -y * p;
        return m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
      },
      dloss: (p, y) => {
        const m = y * p;
        return m > 0 ? (-y * Math.exp(-m)) / (1 + Math.exp(-m)) : -y / (1 + Math.exp(m));
      },
    };
    // max(0, 1 − yp): only points inside the margin (or on it, as scikit-learn counts them) push
    case 'hinge': return { loss: (p, y) => Math.max(0, 1 - y * p), dloss: (p, y) => (y * p <= 1 ? -y : 0) };
    // ½r² for |r| ≤ ε, ε|r| − ½ε² beyond (r = p − y): outliers pull with a bounded force ε
    case 'huber': return {
      loss: (p, y) => {
        const r = Math.abs(p - y);
        return r <= epsilon ? 0.5 * r * r : epsilon * r - 0.5 * epsilon * epsilon;
      },
      dloss: (p, y) => {
        const r = p - y;
        return Math.abs(r) <= epsilon ? r : r > 0 ? epsilon : -epsilon;
      },
    };
    // max(0, |y − p| − ε): errors within ε cost nothing (the SVR loss; ε = 0 gives the absolute error)
    case 'epsilon_insensitive': return {
      loss: (p, y) => Math.max(0, Math.abs(y - p) - epsilon),
      dloss: (p, y) => (y - p > epsilon ? -1 : y - p < -epsilon ? 1 : 0),
    };
    // max(0, |y − p| − ε)²
    case 'squared_epsilon_insensitive': return {
      loss: (p, y) => Math.max(0, Math.abs(y - p) - epsilon) ** 2,
      dloss: (p, y) => {
        const z = y - p;
        return z > epsilon ? -2 * (z - epsilon) : z < -epsilon ? 2 * (-z - epsilon) : 0;
      },
    };
  }
}
