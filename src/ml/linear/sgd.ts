import type { Dense } from '../core/dense.ts';
import { rng } from '../core/random.ts';
import { assertUnreachable, checkOneOf, checkPositiveInt, checkRange, fail } from '../core/validate.ts';
import type { SGDLoss } from './sgd-loss.ts';
import { lossFunction } from './sgd-loss.ts';

export type SGDPenalty = 'l2' | 'l1' | 'elasticnet' | 'none';
export type SGDLearningRate = 'constant' | 'invscaling' | 'optimal';

/** Options shared by SGDRegressor and SGDClassifier (scikit-learn's names and meanings). */
export interface SGDOptions {
  loss: SGDLoss;
  /** Width of the robust losses: where 'huber' turns linear, the zero band of the ε-insensitive ones. */
  epsilon: number;
  penalty: SGDPenalty;
  /** Penalty strength; also sets the 'optimal' learning rate. */
  alpha: number;
  /** L1 share of the 'elasticnet' penalty. */
  l1Ratio: number;
  fitIntercept: boolean;
  /** Maximum number of epochs (passes over the data). */
  maxIter: number;
  /** Stop after nIterNoChange epochs whose mean loss is not below best − tol; null: run maxIter epochs. */
  tol: number | null;
  nIterNoChange: number;
  learningRate: SGDLearningRate;
  eta0: number;
  powerT: number;
  /** Samples per update: 1 = stochastic, n = full batch, in between = mini-batch. */
  batchSize: number;
  shuffle: boolean;
  seed: number;
}

/** The state after an update or an epoch. */
export interface SGDStep {
  epoch: number;
  /** Updates made so far. */
  update: number;
  coef: number[][];
  intercept: number[];
  /** Mean loss of the samples seen in this step (before their update), penalty excluded. */
  loss: number;
  /** The learning rate used by the last update. */
  eta: number;
  converged: boolean;
}

/** Yield after every update or once per epoch ('update' also yields the converged state at the end of the stopping epoch). */
export type SGDEvery = 'update' | 'epoch';

/** Checks the options once, in fit (as every estimator does). */
export function checkSGDOptions(o: SGDOptions, losses: readonly SGDLoss[], where: string): void {
  checkOneOf(o.loss, losses, where, 'loss');
  checkOneOf(o.penalty, ['l2', 'l1', 'elasticnet', 'none'], where, 'penalty');
  checkOneOf(o.learningRate, ['constant', 'invscaling', 'optimal'], where, 'learningRate');
  if (!(o.alpha >= 0)) fail(where, `alpha must be ≥ 0, got ${o.alpha}`);
  if (!(o.epsilon >= 0) || !Number.isFinite(o.epsilon)) fail(where, `epsilon must be a number ≥ 0, got ${o.epsilon}`);
  if (o.learningRate === 'optimal' && !(o.alpha > 0)) fail(where, "learningRate 'optimal' needs alpha > 0 (η = 1/(α(t₀ + t)))");
  if (o.learningRate !== 'optimal' && !(o.eta0 > 0)) fail(where, `eta0 must be > 0 for learningRate '${o.learningRate}', got ${o.eta0}`);
  checkRange(o.l1Ratio, where, 'l1Ratio', 0, 1);
  checkPositiveInt(o.maxIter, where, 'maxIter');
  checkPositiveInt(o.batchSize, where, 'batchSize');
  checkPositiveInt(o.nIterNoChange, where, 'nIterNoChange');
}

/**
 * Stochastic gradient descent on linear models w_k·x + b_k, one per row of `targets`
 * (one-vs-rest for classifiers). Each update takes a batch, averages ∂L/∂p·x over it, steps
 * w ← w − η·gradient, then applies the penalty's step (weight decay for L2, soft threshold for L1).
 * `weights[k][i]`, when given, scales sample i's gradient in model k (scikit-learn's
 * class_weight · sample_weight); the reported loss stays unweighted, as scikit-learn's.
 */
export function* sgd(X: Dense, targets: Float64Array[], o: SGDOptions, every: SGDEvery, weights?: Float64Array[]): Generator<SGDStep, void, void> {
  const n = X.rows, d = X.cols, x = X.data, nOut = targets.length;
  const { loss: lossName, alpha, fitIntercept, maxIter, tol, nIterNoChange, eta0, powerT, shuffle } = o;
  const L = lossFunction(lossName, o.epsilon);
  const batch = Math.min(o.batchSize, n);
  const l1 = o.penalty === 'l1' ? alpha : o.penalty === 'elasticnet' ? alpha * o.l1Ratio : 0;
  const l2 = o.penalty === 'l2' ? alpha : o.penalty === 'elasticnet' ? alpha * (1 - o.l1Ratio) : 0;
  const W = Array.from({ length: nOut }, () => new Float64Array(d));
  const b = new Float64Array(nOut);
  const gW = Array.from({ length: nOut }, () => new Float64Array(d));
  const gb = new Float64Array(nOut);
  const random = rng(o.seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  // scikit-learn's 'optimal' schedule η_t = 1/(α(t₀ + t)), with t₀ from its heuristic for the typical weight.
  const typicalW = Math.sqrt(1 / Math.sqrt(alpha));
  const t0 = 1 / (typicalW * alpha);
  const etaAt = (t: number): number => {
    switch (o.learningRate) {
      case 'constant': return eta0;
      case 'invscaling': return eta0 / Math.pow(t, powerT);
      case 'optimal': return 1 / (alpha * (t0 + t - 1));
      default: return assertUnreachable(o.learningRate);
    }
  };
  const snapshot = () => ({ coef: W.map((w) => Array.from(w)), intercept: Array.from(b) });
  let t = 1, updates = 0, best = Infinity, noImprovement = 0, eta = etaAt(1);

  for (let epoch = 1; epoch <= maxIter; epoch++) {
    if (shuffle) {
      // Fisher–Yates on the index array, from the seeded generator
      for (let i = n - 1; i > 0; i--) {
        const j = random.int(i + 1);
        const tmp = order[i]; order[i] = order[j]; order[j] = tmp;
      }
    }
    let epochLoss = 0;
    for (let start = 0; start < n; start += batch) {
      const end = Math.min(start + batch, n), size = end - start;
      let batchLoss = 0;
      for (let k = 0; k < nOut; k++) { gW[k].fill(0); gb[k] = 0; }
      for (let s = start; s < end; s++) {
        const i = order[s], row = i * d;
        for (let k = 0; k < nOut; k++) {
          const w = W[k];
          let p = b[k];
          for (let j = 0; j < d; j++) p += w[j] * x[row + j];
          const yi = targets[k][i];
          batchLoss += L.loss(p, yi);
          const g = weights ? L.dloss(p, yi) * weights[k][i] : L.dloss(p, yi);
          if (g === 0) continue;
          const gw = gW[k];
          for (let j = 0; j < d; j++) gw[j] += g * x[row + j];
          gb[k] += g;
        }
      }
      eta = etaAt(t);
      for (let k = 0; k < nOut; k++) {
        const w = W[k], gw = gW[k];
        // L2 as weight decay: w ← (1 − ηλ₂)w, then the averaged gradient step.
        const decay = 1 - eta * l2;
        for (let j = 0; j < d; j++) w[j] = decay * w[j] - (eta * gw[j]) / size;
        // L1 as its proximal step: soft-threshold every weight by ηλ₁.
        if (l1 > 0) {
          const thr = eta * l1;
          for (let j = 0; j < d; j++) w[j] = w[j] > thr ? w[j] - thr : w[j] < -thr ? w[j] + thr : 0;
        }
        if (fitIntercept) b[k] -= (eta * gb[k]) / size;
      }
      t += 1;
      updates += 1;
      epochLoss += batchLoss;
      if (every === 'update') yield { epoch, update: updates, ...snapshot(), loss: batchLoss / (size * nOut), eta, converged: false };
    }
    const meanLoss = epochLoss / (n * nOut);
    // scikit-learn's stopping rule: count epochs that fail to beat the best loss by tol.
    if (tol !== null) {
      noImprovement = meanLoss > best - tol ? noImprovement + 1 : 0;
      best = Math.min(best, meanLoss);
    }
    const converged = tol !== null && noImprovement >= nIterNoChange;
    if (every === 'epoch' || converged) yield { epoch, update: updates, ...snapshot(), loss: meanLoss, eta, converged };
    if (converged) return;
  }
}
