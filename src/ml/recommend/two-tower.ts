import { rng } from '../core/random.ts';
import { runToEnd } from '../core/run-to-end.ts';
import { checkFitted, checkPositiveInt, checkRange, fail, toRows } from '../core/validate.ts';

export interface TwoTowerParams {
  /** d: the length of the user and item embeddings. */
  embeddingSize: number;
  /** λ: L2 penalty on both towers' weights. */
  lambda: number;
  /** η: the step size of full-batch gradient descent. */
  learningRate: number;
  nEpochs: number;
  /** Standard deviation of the starting weights. */
  initScale: number;
  seed: number;
}

export interface TwoTowerStep {
  epoch: number;
  /** Mean squared error on the training ratings (without the penalty). */
  mse: number;
}

const defaults: TwoTowerParams = { embeddingSize: 3, lambda: 0.01, learningRate: 0.05, nEpochs: 300, initScale: 0.1, seed: 0 };

/**
 * A two-tower model, as small as it gets: each tower is a linear map from features to an
 * embedding, e_u = x_u W_user and e_i = z_i W_item, and the score is their dot product,
 * r̂_ui = μ + e_u · e_i. Both maps are trained together by full-batch gradient descent on
 *
 *   L = (1/N) Σ_{(u,i) observed} (r_ui − r̂_ui)² + λ (‖W_user‖² + ‖W_item‖²).
 *
 * Because the towers read features, not ids, a new user or item gets an embedding at once; and
 * because the score is a dot product, item embeddings can be computed ahead and searched
 * (top-k by dot product) when a user arrives. Starting weights N(0, initScale²) from rng(seed):
 * W_user row by row, then W_item.
 */
export class TwoTowerModel {
  readonly params: TwoTowerParams;
  globalMean?: number;
  userWeights?: number[][];
  itemWeights?: number[][];
  history?: TwoTowerStep[];

  constructor(params: Partial<TwoTowerParams> = {}) {
    this.params = { ...defaults, ...params };
  }

  /** userFeatures: nUsers × f_u; itemFeatures: nItems × f_i; ratings: nUsers × nItems with NaN for missing. */
  fit(userFeatures: readonly (readonly number[])[], itemFeatures: readonly (readonly number[])[], ratings: readonly (readonly number[])[]): this {
    this.history = [...runToEnd(this.train(userFeatures, itemFeatures, ratings))];
    return this;
  }

  /** The epochs one at a time (training this model as it goes). */
  *steps(userFeatures: readonly (readonly number[])[], itemFeatures: readonly (readonly number[])[], ratings: readonly (readonly number[])[]): Generator<TwoTowerStep, void> {
    yield* this.train(userFeatures, itemFeatures, ratings);
  }

  private *train(userFeatures: readonly (readonly number[])[], itemFeatures: readonly (readonly number[])[], ratings: readonly (readonly number[])[]): Generator<TwoTowerStep, TwoTowerStep[]> {
    const where = 'TwoTowerModel.fit';
    const { embeddingSize: d, lambda, learningRate: eta, nEpochs, initScale, seed } = this.params;
    checkPositiveInt(d, where, 'embeddingSize');
    checkPositiveInt(nEpochs, where, 'nEpochs');
    checkRange(lambda, where, 'lambda', 0, Infinity);
    const X = toRows(userFeatures, where, { name: 'userFeatures' });
    const Z = toRows(itemFeatures, where, { name: 'itemFeatures' });
    const R = toRows(ratings, where, { name: 'ratings', allowNaN: true });
    if (R.length !== X.length || R[0].length !== Z.length) {
      fail(where, `ratings is ${R.length} × ${R[0].length} but there are ${X.length} users and ${Z.length} items; it must be users × items`);
    }
    const pairs: [number, number, number][] = [];
    R.forEach((row, u) => row.forEach((r, i) => { if (!Number.isNaN(r)) pairs.push([u, i, r]); }));
    if (pairs.length === 0) fail(where, 'ratings has no observed entry');
    const mean = pairs.reduce((s, p) => s + p[2], 0) / pairs.length;
    this.globalMean = mean;

    const random = rng(seed);
    const draw = (rows: number) => Array.from({ length: rows }, () => Array.from({ length: d }, () => random.normal(0, initScale)));
    const Wu = draw(X[0].length);
    const Wi = draw(Z[0].length);
    this.userWeights = Wu;
    this.itemWeights = Wi;
    const history: TwoTowerStep[] = [];
    for (let epoch = 1; epoch <= nEpochs; epoch++) {
      const Eu = embed(X, Wu);
      const Ei = embed(Z, Wi);
      // ∂L/∂W_user = (2/N) Σ err · x_uᵀ e_i + 2λ W_user, and symmetrically for the item tower.
      const gu = Wu.map((row) => row.map((w) => 2 * lambda * w));
      const gi = Wi.map((row) => row.map((w) => 2 * lambda * w));
      let sse = 0;
      for (const [u, i, r] of pairs) {
        const err = mean + dotProduct(Eu[u], Ei[i]) - r;
        sse += err * err;
        const scale = (2 * err) / pairs.length;
        const [x, z, eu, ei] = [X[u], Z[i], Eu[u], Ei[i]];
        // Features are mostly 0 (genres are one-hot-like): skip them, they add nothing.
        for (let f = 0; f < x.length; f++) if (x[f] !== 0) for (let j = 0; j < d; j++) gu[f][j] += scale * x[f] * ei[j];
        for (let f = 0; f < z.length; f++) if (z[f] !== 0) for (let j = 0; j < d; j++) gi[f][j] += scale * z[f] * eu[j];
      }
      // Both towers step from the same point (simultaneous update).
      for (let f = 0; f < Wu.length; f++) for (let j = 0; j < d; j++) Wu[f][j] -= eta * gu[f][j];
      for (let f = 0; f < Wi.length; f++) for (let j = 0; j < d; j++) Wi[f][j] -= eta * gi[f][j];
      const step = { epoch, mse: sse / pairs.length };
      history.push(step);
      yield step;
    }
    return history;
  }

  /** Embeddings of users from their features (the user tower). */
  embedUsers(userFeatures: readonly (readonly number[])[]): number[][] {
    return embed(toRows(userFeatures, 'TwoTowerModel.embedUsers', { name: 'userFeatures' }), checkFitted(this.userWeights, 'TwoTowerModel.embedUsers'));
  }

  /** Embeddings of items from their features (the item tower): computed once, searched per user. */
  embedItems(itemFeatures: readonly (readonly number[])[]): number[][] {
    return embed(toRows(itemFeatures, 'TwoTowerModel.embedItems', { name: 'itemFeatures' }), checkFitted(this.itemWeights, 'TwoTowerModel.embedItems'));
  }
}

/** rows · W: each row of features mapped to its embedding. */
function embed(rows: readonly (readonly number[])[], W: readonly (readonly number[])[]): number[][] {
  if (rows[0].length !== W.length) fail('TwoTowerModel', `features have ${rows[0].length} columns but the tower was trained on ${W.length}`);
  const d = W[0].length;
  return rows.map((x) => {
    const e = new Array<number>(d).fill(0);
    for (let f = 0; f < x.length; f++) for (let j = 0; j < d; j++) e[j] += x[f] * W[f][j];
    return e;
  });
}

function dotProduct(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
}
