import { rng } from '../core/random.ts';
import { runToEnd } from '../core/run-to-end.ts';
import { checkFitted, checkPositiveInt, checkRange, fail, toRows } from '../core/validate.ts';
import { alsHalfStep, solveFactorFromRatings } from './als-half-step.ts';

export interface MatrixFactorizationParams {
  /** k: the length of every user and item factor vector. */
  nFactors: number;
  /** λ: the L2 penalty on the factors, λ(‖p_u‖² + ‖q_i‖²). */
  lambda: number;
  /** Full sweeps (users, then items). */
  nIterations: number;
  /** Standard deviation of the random starting factors. */
  initScale: number;
  seed: number;
}

/** The state after one half-step of alternating least squares. */
export interface MatrixFactorizationStep {
  /** Full sweeps done (the item half-step completes one). */
  iteration: number;
  /** Which side was just solved ('init': the random start). */
  phase: 'init' | 'users' | 'items';
  userFactors: number[][];
  itemFactors: number[][];
  /** RMSE on the observed (training) ratings. */
  trainRmse: number;
}

const defaults: MatrixFactorizationParams = { nFactors: 3, lambda: 1, nIterations: 10, initScale: 0.1, seed: 0 };

/**
 * Matrix factorisation of a ratings matrix with missing entries, by alternating least squares:
 *
 *   r̂_ui = μ + p_u · q_i,   minimise Σ_{(u,i) observed} (r_ui − r̂_ui)² + λ (Σ_u ‖p_u‖² + Σ_i ‖q_i‖²)
 *
 * μ is the mean training rating. With Q fixed the loss is a ridge regression per user (and the
 * same for items with P fixed), so each half-step solves it exactly and the loss never rises.
 * Starting factors are N(0, initScale²), drawn from rng(seed): P row by row, then Q.
 */
export class MatrixFactorization {
  readonly params: MatrixFactorizationParams;
  globalMean?: number;
  userFactors?: number[][];
  itemFactors?: number[][];
  /** Every half-step's state, the random start first. */
  history?: MatrixFactorizationStep[];

  constructor(params: Partial<MatrixFactorizationParams> = {}) {
    this.params = { ...defaults, ...params };
  }

  /** Fits on a users × items matrix with NaN for the missing ratings. */
  fit(ratings: readonly (readonly number[])[]): this {
    const history = [...runToEnd(this.stepsWithResult(ratings))];
    this.history = history;
    const last = history[history.length - 1];
    this.userFactors = last.userFactors;
    this.itemFactors = last.itemFactors;
    return this;
  }

  /** The half-steps one at a time (a fresh run; the fitted model is not changed). */
  *steps(ratings: readonly (readonly number[])[]): Generator<MatrixFactorizationStep, void> {
    yield* this.stepsWithResult(ratings);
  }

  private *stepsWithResult(ratings: readonly (readonly number[])[]): Generator<MatrixFactorizationStep, MatrixFactorizationStep[]> {
    const { nFactors, lambda, nIterations, initScale, seed } = this.params;
    checkPositiveInt(nFactors, 'MatrixFactorization.fit', 'nFactors');
    checkPositiveInt(nIterations, 'MatrixFactorization.fit', 'nIterations');
    checkRange(lambda, 'MatrixFactorization.fit', 'lambda', 1e-12, Infinity);
    const R = toRows(ratings, 'MatrixFactorization.fit', { name: 'ratings', allowNaN: true });
    const observed = R.flat().filter((r) => !Number.isNaN(r));
    if (observed.length === 0) fail('MatrixFactorization.fit', 'ratings has no observed entry; mark only the missing ones NaN');
    const mean = observed.reduce((s, r) => s + r, 0) / observed.length;
    this.globalMean = mean;
    const Rt = R[0].map((_, i) => R.map((row) => row[i]));

    const random = rng(seed);
    const draw = (n: number) => Array.from({ length: n }, () => Array.from({ length: nFactors }, () => random.normal(0, initScale)));
    let P = draw(R.length);
    let Q = draw(R[0].length);
    const history: MatrixFactorizationStep[] = [];
    const record = (iteration: number, phase: MatrixFactorizationStep['phase']) => {
      const step = { iteration, phase, userFactors: P, itemFactors: Q, trainRmse: factorRmse(R, P, Q, mean) };
      history.push(step);
      return step;
    };
    yield record(0, 'init');
    for (let t = 1; t <= nIterations; t++) {
      P = alsHalfStep(R, Q, lambda, mean); // users: ridge on the items each rated
      yield record(t - 1, 'users');
      Q = alsHalfStep(Rt, P, lambda, mean); // items: ridge on the users who rated each
      yield record(t, 'items');
    }
    return history;
  }

  /** r̂ = μ + p_u · q_i for one user and item. */
  predict(user: number, item: number): number {
    const P = checkFitted(this.userFactors, 'MatrixFactorization.predict');
    const Q = checkFitted(this.itemFactors, 'MatrixFactorization.predict');
    if (!(user >= 0 && user < P.length)) fail('MatrixFactorization.predict', `user ${user} is out of range 0..${P.length - 1}`);
    if (!(item >= 0 && item < Q.length)) fail('MatrixFactorization.predict', `item ${item} is out of range 0..${Q.length - 1}`);
    return this.globalMean! + dot(P[user], Q[item]);
  }

  /** The full reconstructed matrix μ + P Qᵀ (every missing cell filled in). */
  predictAll(): number[][] {
    const P = checkFitted(this.userFactors, 'MatrixFactorization.predictAll');
    return reconstructRatings(P, this.itemFactors!, this.globalMean!);
  }

  /**
   * The factor vector of a user the model was not trained on, from a few ratings: the users'
   * half-step for that one user, with the item factors fixed ("folding in").
   */
  foldInUser(items: readonly number[], ratings: readonly number[]): number[] {
    const Q = checkFitted(this.itemFactors, 'MatrixFactorization.foldInUser');
    if (items.length !== ratings.length) fail('MatrixFactorization.foldInUser', `${items.length} items but ${ratings.length} ratings; give one rating per item`);
    return solveFactorFromRatings(items, ratings, Q, this.params.lambda, this.globalMean!);
  }
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
}

/** μ + P Qᵀ: the predicted rating of every user for every item. */
export function reconstructRatings(userFactors: readonly (readonly number[])[], itemFactors: readonly (readonly number[])[], mean: number): number[][] {
  return userFactors.map((p) => itemFactors.map((q) => mean + dot(p, q)));
}

/** RMSE of μ + P Qᵀ on the cells of `ratings` that are not NaN (training or held-out). */
export function factorRmse(ratings: readonly (readonly number[])[], userFactors: readonly (readonly number[])[], itemFactors: readonly (readonly number[])[], mean: number): number {
  let sum = 0, n = 0;
  ratings.forEach((row, u) => row.forEach((r, i) => {
    if (Number.isNaN(r)) return;
    const e = r - mean - dot(userFactors[u], itemFactors[i]);
    sum += e * e;
    n++;
  }));
  return n === 0 ? NaN : Math.sqrt(sum / n);
}
