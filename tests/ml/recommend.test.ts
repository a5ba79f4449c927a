import { describe, expect, it } from 'vitest';
import {
  MatrixFactorization, TwoTowerModel, contentBasedScores, evaluateRecommendations, factorRmse, genreProfile, itemPopularityScores,
  makeRatingsData, precisionAtK, reconstructRatings, solveSymmetricPositive, splitHeldOutRatings,
} from '../../src/ml/index.ts';
import reference from './fixtures/recommend.json';

// numpy and scikit-learn on the same world, drawn with the library's generator (fixtures/make_recommend.py).
const nanFromNull = (rows: (number | null)[][]) => rows.map((row) => row.map((v) => (v === null ? NaN : v)));
const data = makeRatingsData();
const { train, heldOut } = splitHeldOutRatings(data.ratings);

function expectRowsClose(actual: readonly (readonly number[])[], expected: readonly (readonly number[])[], digits: number) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    expect(row.length).toBe(expected[i].length);
    row.forEach((v, j) => expect(v, `[${i}][${j}]`).toBeCloseTo(expected[i][j], digits));
  });
}

describe('makeRatingsData and splitHeldOutRatings', () => {
  it('draw the world and the split the Python port draws, NaN where a rating is missing', () => {
    expect(data.ratings).toEqual(nanFromNull(reference.ratings));
    expect(data.itemGenres).toEqual(reference.itemGenres);
    expectRowsClose(data.trueScores, reference.trueScores, 12);
    expect(train).toEqual(nanFromNull(reference.train));
    // Held-out cells are exactly the observed cells missing from train.
    data.ratings.forEach((row, u) => row.forEach((r, i) => {
      if (!Number.isNaN(heldOut[u][i])) expect([r, train[u][i]]).toEqual([heldOut[u][i], NaN]);
    }));
  });

  it('gives every item one or two genres and whole-number ratings from 1 to 5', () => {
    data.itemGenres.forEach((g) => expect([1, 2]).toContain(g.reduce((s, v) => s + v, 0)));
    const observed = data.ratings.flat().filter((r) => !Number.isNaN(r));
    expect(observed.every((r) => Number.isInteger(r) && r >= 1 && r <= 5)).toBe(true);
    expect(observed.length / (60 * 40)).toBeGreaterThan(0.4);
  });
});

describe('MatrixFactorization (alternating least squares)', () => {
  for (const [name, fit] of Object.entries(reference.als)) {
    const [k, lambda] = name.match(/[\d.]+/g)!.map(Number);
    it(`fit(${name}) matches numpy's ALS from the same start to 1e-6`, () => {
      const model = new MatrixFactorization({ nFactors: k, lambda, nIterations: 10 }).fit(train);
      expect(model.globalMean).toBeCloseTo(fit.mean, 12);
      expectRowsClose(model.userFactors!, fit.userFactors, 6);
      expectRowsClose(model.itemFactors!, fit.itemFactors, 6);
      expect(model.history!.map((s) => s.trainRmse)).toHaveLength(fit.trainRmse.length);
      model.history!.forEach((s, t) => expect(s.trainRmse).toBeCloseTo(fit.trainRmse[t], 9));
      expect(factorRmse(heldOut, model.userFactors!, model.itemFactors!, model.globalMean!)).toBeCloseTo(fit.heldOutRmse, 9);
    });
  }

  it('never raises the training loss: each half-step solves its ridge problem exactly', () => {
    const model = new MatrixFactorization({ nFactors: 4, lambda: 0.5, nIterations: 8 }).fit(train);
    const loss = (P: number[][], Q: number[][]) => {
      const penalty = 0.5 * [...P, ...Q].flat().reduce((s, v) => s + v * v, 0);
      const n = train.flat().filter((r) => !Number.isNaN(r)).length;
      return factorRmse(train, P, Q, model.globalMean!) ** 2 * n + penalty;
    };
    const losses = model.history!.map((s) => loss(s.userFactors, s.itemFactors));
    losses.slice(1).forEach((l, t) => expect(l).toBeLessThanOrEqual(losses[t] + 1e-9));
  });

  it('steps() yields the states fit keeps, and predict is μ + p_u · q_i', () => {
    const model = new MatrixFactorization({ nFactors: 2, nIterations: 3 }).fit(train);
    const steps = [...new MatrixFactorization({ nFactors: 2, nIterations: 3 }).steps(train)];
    expect(steps.map((s) => `${s.iteration} ${s.phase}`)).toEqual(['0 init', '0 users', '1 items', '1 users', '2 items', '2 users', '3 items']);
    expect(steps[6].itemFactors).toEqual(model.itemFactors);
    const all = model.predictAll();
    expect(all).toEqual(reconstructRatings(model.userFactors!, model.itemFactors!, model.globalMean!));
    expect(model.predict(7, 11)).toBeCloseTo(all[7][11], 12);
  });

  it('foldInUser solves a new user\'s factors as numpy does', () => {
    const model = new MatrixFactorization({ nFactors: 3, lambda: 1, nIterations: 10 }).fit(train);
    const { items, factor } = reference.foldIn;
    const got = model.foldInUser(items, items.map((i) => train[0][i]));
    got.forEach((v, j) => expect(v).toBeCloseTo(factor[j], 6));
  });

  it('says what is wrong with its input', () => {
    expect(() => new MatrixFactorization({ lambda: 0 }).fit(train)).toThrow(/lambda must be a number in/);
    expect(() => new MatrixFactorization().fit([[NaN, NaN]])).toThrow(/no observed entry/);
    expect(() => new MatrixFactorization().predict(0, 0)).toThrow(/MatrixFactorization.predict/);
    const model = new MatrixFactorization({ nIterations: 1 }).fit(train);
    expect(() => model.predict(60, 0)).toThrow(/user 60 is out of range 0..59/);
    expect(() => model.foldInUser([1, 2], [4])).toThrow(/2 items but 1 ratings/);
  });

  it('solveSymmetricPositive solves A x = b', () => {
    const A = [[4, 2, 0.6], [2, 5, 1], [0.6, 1, 3]];
    const x = solveSymmetricPositive(A, [1, 2, 3]);
    A.forEach((row, i) => expect(row.reduce((s, a, j) => s + a * x[j], 0)).toBeCloseTo([1, 2, 3][i], 12));
    expect(() => solveSymmetricPositive([[0]], [1])).toThrow(/not positive definite/);
  });
});

describe('ranking on held-out ratings', () => {
  for (const [name, fit] of Object.entries(reference.als)) {
    it(`evaluateRecommendations(${name}) gives precision@5, recall@5 and scikit-learn's ndcg_score@5`, () => {
      const scores = reconstructRatings(fit.userFactors, fit.itemFactors, fit.mean);
      const got = evaluateRecommendations(scores, train, heldOut, 5);
      expect(got.nUsers).toBe(fit.rankingAt5.nUsers);
      expect(got.precision).toBeCloseTo(fit.rankingAt5.precision, 12);
      expect(got.recall).toBeCloseTo(fit.rankingAt5.recall, 12);
      expect(got.ndcg).toBeCloseTo(fit.rankingAt5.ndcg, 12);
    });
  }

  it('precisionAtK counts the relevant share of the first k', () => {
    expect(precisionAtK([3, 1, 4, 0], [1, 0], 2)).toBe(0.5);
    expect(precisionAtK([3, 1, 4, 0], new Set([1, 0]), 4)).toBe(0.5);
    expect(() => precisionAtK([1, 1], [1], 1)).toThrow(/lists an item twice/);
  });
});

describe('content-based fallback', () => {
  it('genreProfile, itemPopularityScores and contentBasedScores match numpy', () => {
    const mean = reference.als['k=3 lambda=1'].mean;
    const profile = genreProfile(train[0], data.itemGenres, mean);
    profile.forEach((v, g) => expect(v).toBeCloseTo(reference.content.profile[g], 12));
    const popularity = itemPopularityScores(train);
    popularity.forEach((v, i) => expect(v).toBeCloseTo(reference.content.popularity[i], 12));
    contentBasedScores(profile, data.itemGenres, popularity).forEach((v, i) => expect(v).toBeCloseTo(reference.content.scores[i], 12));
  });

  it('with no ratings the profile is 0 and the scores are the popularity', () => {
    const none = new Array<number>(40).fill(NaN);
    const popularity = itemPopularityScores(train);
    expect(genreProfile(none, data.itemGenres, 3)).toEqual([0, 0, 0, 0]);
    expect(contentBasedScores([0, 0, 0, 0], data.itemGenres, popularity)).toEqual(popularity);
  });
});

describe('TwoTowerModel', () => {
  it('trains both towers as numpy\'s full-batch gradient descent does', () => {
    const mean = reference.als['k=3 lambda=1'].mean;
    const userFeatures = train.map((row) => [...genreProfile(row, data.itemGenres, mean), 1]);
    const itemFeatures = data.itemGenres.map((g) => [...g, 1]);
    const model = new TwoTowerModel().fit(userFeatures, itemFeatures, train);
    expectRowsClose(model.userWeights!, reference.twoTower.userWeights, 6);
    expectRowsClose(model.itemWeights!, reference.twoTower.itemWeights, 6);
    model.history!.forEach((s, t) => expect(s.mse, `epoch ${t + 1}`).toBeCloseTo(reference.twoTower.mse[t], 9));
    expect(model.history!.at(-1)!.mse).toBeLessThan(0.75 * model.history![0].mse);
    expect(model.embedItems(itemFeatures)).toHaveLength(40);
  });

  it('says when ratings do not match the features', () => {
    expect(() => new TwoTowerModel().fit([[1], [1]], [[1]], [[4, 5]])).toThrow(/ratings is 1 × 2 but there are 2 users and 1 items/);
  });
});
