/** Losses SGD can minimise, by scikit-learn's names. */
export type SGDLoss = 'squared_error' | 'log_loss' | 'hinge';

/**
 * Loss L(p, y) of a prediction p against a target y, and its derivative ∂L/∂p.
 * Classification losses take y ∈ {−1, +1}.
 */
export interface LossFunction {
  loss(p: number, y: number): number;
  dloss(p: number, y: number): number;
}

const lossFunctions: Record<SGDLoss, LossFunction> = {
  // ½(p − y)²
  squared_error: { loss: (p, y) => 0.5 * (p - y) ** 2, dloss: (p, y) => p - y },
  // log(1 + e^(−yp)), written so neither branch overflows
  log_loss: {
    loss: (p, y) => {
      const m = -y * p;
      return m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
    },
    dloss: (p, y) => {
      const m = y * p;
      return m > 0 ? (-y * Math.exp(-m)) / (1 + Math.exp(-m)) : -y / (1 + Math.exp(m));
    },
  },
  // max(0, 1 − yp): only points inside the margin push
  hinge: { loss: (p, y) => Math.max(0, 1 - y * p), dloss: (p, y) => (y * p < 1 ? -y : 0) },
};

/** The loss and derivative for a name. */
export function lossFunction(name: SGDLoss): LossFunction {
  return lossFunctions[name];
}
