import { describe, expect, it } from 'vitest';
import { HalvingGridSearchCV, HalvingRandomSearchCV, KNeighborsClassifier, Ridge, rng } from '../../src/ml/index.ts';
import fx from './fixtures/successive-halving.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

const { X, y, alphas, seed, runs } = fx.grid;
const camel = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()), v]));
const gridSearch = (options: object) => new HalvingGridSearchCV({ estimator: new Ridge(), paramGrid: { alpha: alphas, fitIntercept: [true, false] }, cv: 5, seed, ...options });

describe('the Python port of the generator in make_successive_halving.py', () => {
  it('draws what rng() draws', () => {
    const seven = rng(7);
    expect(fx.rng.seed7.map(() => seven.next())).toEqual(fx.rng.seed7);
    expect(rng(3).permutation(10)).toEqual(fx.rng.permutation3);
  });
});

describe("HalvingGridSearchCV against scikit-learn's (on the same row subsamples)", () => {
  it('runs the same rungs, keeps the same candidates, gets the same scores and picks the same best, for each budget', () => {
    for (const ref of runs) {
      const label = JSON.stringify(ref.options);
      const search = gridSearch(camel(ref.options)).fit(X, y);
      expect(search.nResources, label).toEqual(ref.nResources);
      expect(search.nCandidates, label).toEqual(ref.nCandidates);
      expect([search.nIterations, search.nRequiredIterations, search.nPossibleIterations], label)
        .toEqual([ref.nIterations, ref.nRequiredIterations, ref.nPossibleIterations]);
      expect([search.minResources, search.maxResources, search.nRemainingCandidates], label).toEqual([ref.minResources, ref.maxResources, ref.nRemainingCandidates]);
      const results = search.cvResults!;
      expect(results.iter, label).toEqual(ref.iter);
      expect(results.nResources, label).toEqual(ref.resources);
      expect(results.params, label).toEqual(ref.params);
      expectClose(results.meanTestScore, ref.meanTestScore, 1e-10, `${label} meanTestScore`);
      expect(results.rankTestScore, label).toEqual(ref.rankTestScore);
      expect(search.bestIndex, label).toBe(ref.bestIndex);
      expect(search.bestParams, label).toEqual(ref.bestParams);
      expectClose(search.bestScore, ref.bestScore, 1e-10, `${label} bestScore`);
    }
  });

  it('steps() yields one rung at a time: its samples, candidates and scores, and the ⌈n/3⌉ best kept, worst first', () => {
    const ref = runs[0];
    const search = gridSearch({});
    const rungs = search.steps(X, y);
    const first = rungs.next().value!;
    expect(first.iteration).toBe(0);
    expect(first.nResources).toBe(ref.nResources[0]);
    expect(first.params.length).toBe(24);
    expect(first.kept.length).toBe(8);
    const keptScores = first.kept.map((p) => first.meanTestScore[first.params.indexOf(p)]);
    expect(keptScores).toEqual([...keptScores].sort((a, b) => a - b));
    expect(Math.min(...keptScores)).toBeGreaterThanOrEqual(Math.max(...first.meanTestScore.filter((_, i) => !first.kept.includes(first.params[i]))));
    expect(search.bestEstimator).toBeUndefined(); // not refitted before the last rung
    const rest = [...rungs];
    expect(rest.map((r) => r.params.length)).toEqual(ref.nCandidates.slice(1));
    expect(rest[0].params).toEqual(first.kept);
    expect(search.bestEstimator).toBeInstanceOf(Ridge);
    expectClose(search.predict(X.slice(0, 3)), new Ridge(search.bestParams as object).fit(X, y).predict(X.slice(0, 3)), 1e-12, 'refit');
    search.steps(X, y).next();
    expect(search.bestEstimator).toBeUndefined(); // a new search does not report the last one's winner
  });

  it("a classifier's 'smallest' budget is 2 samples per fold per class, as scikit-learn's", () => {
    const c = fx.classifier;
    const search = new HalvingGridSearchCV({ estimator: new KNeighborsClassifier(), paramGrid: { nNeighbors: Array.from({ length: 15 }, (_, i) => i + 1) }, cv: 4, minResources: 'smallest' })
      .fit(c.X, c.y);
    expect(search.minResources).toBe(c.minResources);
    expect(search.nResources).toEqual(c.nResources);
    expect(search.nCandidates).toEqual(c.nCandidates);
  });

  it('rejects a bad factor, budget or grid with the option name', () => {
    expect(() => gridSearch({ factor: 1 }).fit(X, y)).toThrow('HalvingGridSearchCV.fit: factor must be a number > 1, got 1');
    expect(() => gridSearch({ minResources: 0 }).fit(X, y)).toThrow('HalvingGridSearchCV.fit: minResources must be an integer ≥ 1, got 0');
    expect(() => gridSearch({ minResources: 'all' }).fit(X, y)).toThrow("minResources must be a number, 'smallest' or 'exhaust', got all");
    expect(() => gridSearch({ maxResources: 500 }).fit(X, y)).toThrow('HalvingGridSearchCV.fit: maxResources (500) is more than the 150 rows of X');
    expect(() => gridSearch({ minResources: 100, maxResources: 50 }).fit(X, y)).toThrow('minResources (100) is greater than maxResources (50)');
  });
});

describe('HalvingRandomSearchCV', () => {
  const randomSearch = (options: object) => new HalvingRandomSearchCV({ estimator: new Ridge(), paramDistributions: { alpha: alphas }, cv: 5, ...options });

  it("draws ⌊maxResources / minResources⌋ candidates for 'exhaust' (at most the grid) and runs scikit-learn's schedule", () => {
    for (const [ref, options] of [[fx.random, {}], [fx.randomFixed, { nCandidates: 7, factor: 2 }]] as const) {
      const search = randomSearch(options).fit(X, y);
      expect(search.minResources).toBe(ref.minResources);
      expect(search.nResources).toEqual(ref.nResources);
      expect(search.nCandidates).toEqual(ref.nCandidates);
      expect(new Set(search.cvResults!.params.slice(0, ref.nCandidates[0]).map((p) => p.alpha)).size).toBe(ref.nCandidates[0]);
    }
  });

  it('with continuous distributions draws log-uniform values in range, the same for a seed', () => {
    const a = randomSearch({ paramDistributions: { alpha: { logUniform: [1e-3, 1e3] } }, nCandidates: 9, seed: 4 }).fit(X, y);
    const b = randomSearch({ paramDistributions: { alpha: { logUniform: [1e-3, 1e3] } }, nCandidates: 9, seed: 4 }).fit(X, y);
    const drawn = a.cvResults!.params.slice(0, 9).map((p) => p.alpha as number);
    expect(drawn.every((v) => v >= 1e-3 && v < 1e3)).toBe(true);
    expect(b.cvResults!.params.slice(0, 9).map((p) => p.alpha)).toEqual(drawn);
    expect(a.nCandidates).toEqual([9, 3, 1]);
  });

  it("refuses 'exhaust' for both nCandidates and minResources", () => {
    expect(() => randomSearch({ minResources: 'exhaust' }).fit(X, y)).toThrow("HalvingRandomSearchCV.fit: nCandidates and minResources cannot both be 'exhaust'");
  });
});
