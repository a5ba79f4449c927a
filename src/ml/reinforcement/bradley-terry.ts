import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { checkFitted, checkPositiveInt, checkRange, fail, toRows, type MatrixLike } from '../core/validate.ts';

export interface BradleyTerryOptions {
  /** λ, the L2 penalty (λ/2)·‖w‖²: scikit-learn's LogisticRegression with C = 1/λ. Keeps w finite when the preferences separate. */
  l2?: number;
  maxIter?: number;
  /** Stop when the Newton step is smaller than this (max-norm). */
  tolerance?: number;
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * A reward model trained from pairwise preferences, as in RLHF. Each item (a trajectory, an
 * answer) has features x and a reward r(x) = w·x. The Bradley–Terry model says a labeller prefers
 * a over b with probability
 *
 *   P(a ≻ b) = σ(r(a) − r(b)) = σ(w·(x_a − x_b)),
 *
 * so fitting w is logistic regression without an intercept on the differences x_a − x_b, with
 * label 1 when a was preferred. Only differences of rewards are learned: adding a constant to
 * every reward changes no preference. Fitted by Newton's method on the penalised log-loss.
 */
export class BradleyTerryRewardModel {
  readonly l2: number;
  readonly maxIter: number;
  readonly tolerance: number;
  /** w, one weight per feature (set by fit). */
  coef?: number[];
  /** Newton steps fit took. */
  nIter?: number;
  /** The penalised negative log-likelihood's gradient norm at the fit (≈ 0: a true minimum). */
  gradientNorm?: number;

  constructor({ l2 = 1e-4, maxIter = 100, tolerance = 1e-10 }: BradleyTerryOptions = {}) {
    this.l2 = l2;
    this.maxIter = maxIter;
    this.tolerance = tolerance;
  }

  /** Fit w from pairs: `first[i]` and `second[i]` are two items' features, `firstPreferred[i]` is 1 if the labeller chose the first. */
  fit(first: MatrixLike, second: MatrixLike, firstPreferred: readonly number[]): this {
    const where = 'BradleyTerryRewardModel.fit';
    checkRange(this.l2, where, 'l2', 0, Infinity);
    checkPositiveInt(this.maxIter, where, 'maxIter');
    const differences = this.differences(first, second, where);
    if (firstPreferred.length !== differences.length) fail(where, `firstPreferred has ${firstPreferred.length} labels but there are ${differences.length} pairs`);
    firstPreferred.forEach((y, i) => {
      if (y !== 0 && y !== 1) fail(where, `firstPreferred[${i}] must be 0 or 1, got ${y}`);
    });
    const n = differences.length;
    const d = differences[0].length;
    const w = new Array<number>(d).fill(0);
    // Indices of each difference's nonzero features, in increasing order.
    const nonzeros = differences.map((x) => x.flatMap((v, j) => (v !== 0 ? [j] : [])));
    let gradient = new Array<number>(d).fill(0);
    let iter = 0;
    for (; iter < this.maxIter; iter++) {
      // Gradient Dᵀ(p − y) + λw and Hessian Dᵀ·diag(p(1 − p))·D + λI of the penalised log-loss.
      gradient = w.map((wj) => this.l2 * wj);
      const h = new Float64Array(d * d);
      for (let j = 0; j < d; j++) h[j * d + j] = this.l2;
      for (let i = 0; i < n; i++) {
        const x = differences[i];
        const nonzero = nonzeros[i];
        let z = 0;
        for (const j of nonzero) z += w[j] * x[j];
        const p = sigmoid(z);
        const curvature = p * (1 - p);
        // Only the features where the two items differ contribute (one-hot counts have few), and
        // only the upper triangle is accumulated: it is mirrored below, so H is exactly symmetric.
        for (let u = 0; u < nonzero.length; u++) {
          const j = nonzero[u];
          gradient[j] += (p - firstPreferred[i]) * x[j];
          const cj = curvature * x[j];
          for (let v = u; v < nonzero.length; v++) h[j * d + nonzero[v]] += cj * x[nonzero[v]];
        }
      }
      const hessian = new Matrix(d, d);
      for (let j = 0; j < d; j++) for (let k = j; k < d; k++) {
        hessian.set(j, k, h[j * d + k]);
        hessian.set(k, j, h[j * d + k]);
      }
      const cholesky = new CholeskyDecomposition(hessian);
      if (!cholesky.isPositiveDefinite()) {
        fail(where, 'the Hessian is singular: a feature never differs between the two items of a pair; set l2 > 0');
      }
      const step = cholesky.solve(Matrix.columnVector(gradient)).getColumn(0);
      for (let j = 0; j < d; j++) w[j] -= step[j];
      if (Math.max(...step.map(Math.abs)) <= this.tolerance) {
        iter += 1;
        break;
      }
    }
    this.coef = w;
    this.nIter = iter;
    this.gradientNorm = Math.hypot(...this.gradientAt(w, differences, firstPreferred));
    return this;
  }

  /** r(x) = w·x for each row. */
  reward(X: MatrixLike): number[] {
    const w = checkFitted(this.coef, 'BradleyTerryRewardModel.reward');
    return toRows(X, 'BradleyTerryRewardModel.reward').map((x) => {
      if (x.length !== w.length) fail('BradleyTerryRewardModel.reward', `X rows have ${x.length} features, the model was fitted on ${w.length}`);
      return x.reduce((s, v, j) => s + v * w[j], 0);
    });
  }

  /** P(first ≻ second) = σ(r(first) − r(second)) for each pair. */
  predictProba(first: MatrixLike, second: MatrixLike): number[] {
    const rFirst = this.reward(first);
    const rSecond = this.reward(second);
    return rFirst.map((r, i) => sigmoid(r - rSecond[i]));
  }

  /** The share of pairs whose preferred item the model scores higher. */
  score(first: MatrixLike, second: MatrixLike, firstPreferred: readonly number[]): number {
    const p = this.predictProba(first, second);
    return p.reduce((s, pi, i) => s + ((pi > 0.5 ? 1 : 0) === firstPreferred[i] ? 1 : 0), 0) / p.length;
  }

  private differences(first: MatrixLike, second: MatrixLike, where: string): number[][] {
    const a = toRows(first, where, { name: 'first' });
    const b = toRows(second, where, { name: 'second' });
    if (a.length !== b.length || a[0].length !== b[0].length) {
      fail(where, `first is ${a.length}×${a[0].length} but second is ${b.length}×${b[0].length}; they must pair up row by row`);
    }
    return a.map((row, i) => row.map((v, j) => v - b[i][j]));
  }

  private gradientAt(w: number[], differences: number[][], y: readonly number[]): number[] {
    const g = w.map((wj) => this.l2 * wj);
    differences.forEach((x, i) => {
      const p = sigmoid(x.reduce((s, v, j) => s + v * w[j], 0));
      x.forEach((v, j) => (g[j] += (p - y[i]) * v));
    });
    return g;
  }
}
