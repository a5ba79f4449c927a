import { describe, expect, it } from 'vitest';
import { KFold, StratifiedKFold, TimeSeriesSplit, trainTestSplit } from '../../src/ml/index.ts';
import fixture from './fixtures/model-selection.json' with { type: 'json' };

const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => [i]);

describe('KFold', () => {
  it('KFold.split without shuffle equals scikit-learn folds exactly', () => {
    const X = rowsOf(fixture.kfold.n);
    expect([...new KFold({ nSplits: 5 }).split(X)]).toEqual(fixture.kfold.k5);
    expect([...new KFold({ nSplits: 3 }).split(X)]).toEqual(fixture.kfold.k3);
  });

  it('KFold.split with shuffle partitions the rows: every row tested once, train ∪ test = all', () => {
    const X = rowsOf(23);
    const seen: number[] = [];
    for (const { train, test } of new KFold({ nSplits: 4, shuffle: true, seed: 5 }).split(X)) {
      expect([...train, ...test].sort((a, b) => a - b)).toEqual(X.map((_, i) => i));
      seen.push(...test);
    }
    expect(seen.sort((a, b) => a - b)).toEqual(X.map((_, i) => i));
    expect([...new KFold({ nSplits: 4, shuffle: true, seed: 5 }).split(X)]).toEqual([...new KFold({ nSplits: 4, shuffle: true, seed: 5 }).split(X)]);
  });

  it('KFold.split explains more folds than samples', () => {
    expect(() => [...new KFold({ nSplits: 6 }).split(rowsOf(4))]).toThrow('KFold.split: nSplits = 6 is more than the 4 samples');
    expect(() => [...new KFold({ nSplits: 1 }).split(rowsOf(4))]).toThrow('KFold.split: nSplits must be an integer ≥ 2, got 1');
  });
});

describe('StratifiedKFold', () => {
  const y = fixture.stratified.y;

  it('StratifiedKFold.split without shuffle equals scikit-learn folds exactly', () => {
    expect([...new StratifiedKFold({ nSplits: 4 }).split(y, y)]).toEqual(fixture.stratified.k4);
    expect([...new StratifiedKFold({ nSplits: 3 }).split(y, y)]).toEqual(fixture.stratified.k3);
  });

  it('StratifiedKFold.split with shuffle keeps every fold’s class counts within one of the others', () => {
    for (const { test } of new StratifiedKFold({ nSplits: 4, shuffle: true, seed: 1 }).split(y, y)) {
      const counts = [0, 1, 2].map((c) => test.filter((i) => y[i] === c).length);
      expect(counts[0]).toBeGreaterThanOrEqual(3);
      expect(counts[0]).toBeLessThanOrEqual(4);
      expect(counts[2]).toBe(1);
    }
  });

  it('StratifiedKFold.split explains a missing y', () => {
    expect(() => [...new StratifiedKFold().split(rowsOf(10))]).toThrow('StratifiedKFold.split: y is required');
  });
});

describe('TimeSeriesSplit', () => {
  it('TimeSeriesSplit.split equals scikit-learn with default, maxTrainSize and gap/testSize', () => {
    const X = rowsOf(fixture.timeSeries.n);
    expect([...new TimeSeriesSplit({ nSplits: 3 }).split(X)]).toEqual(fixture.timeSeries.default);
    expect([...new TimeSeriesSplit({ nSplits: 4, maxTrainSize: 5 }).split(X)]).toEqual(fixture.timeSeries.maxTrain);
    expect([...new TimeSeriesSplit({ nSplits: 3, testSize: 2, gap: 1 }).split(X)]).toEqual(fixture.timeSeries.gap);
  });

  it('TimeSeriesSplit explains too many splits', () => {
    expect(() => [...new TimeSeriesSplit({ nSplits: 5 }).split(rowsOf(4))]).toThrow('TimeSeriesSplit.split: nSplits + 1 = 6 folds is more than the 4 samples');
  });
});

describe('trainTestSplit', () => {
  it('trainTestSplit without shuffle equals scikit-learn (the last ⌈0.3·n⌉ rows are the test set)', () => {
    const X = rowsOf(10);
    const y = X.map((r) => r[0]);
    const s = trainTestSplit(X, y, { testSize: 0.3, shuffle: false });
    expect(s.yTrain).toEqual(fixture.trainTestSplit.train);
    expect(s.yTest).toEqual(fixture.trainTestSplit.test);
    expect(s.XTest).toEqual(fixture.trainTestSplit.test.map((i) => [i]));
  });

  it('trainTestSplit shuffles deterministically per seed and keeps rows with their labels', () => {
    const X = rowsOf(40);
    const y = X.map((r) => 100 + r[0]);
    const a = trainTestSplit(X, y, { seed: 3 });
    expect(a.XTest.length).toBe(10);
    expect(a.XTrain.length).toBe(30);
    a.XTrain.forEach((row, i) => expect(a.yTrain[i]).toBe(100 + row[0]));
    expect(trainTestSplit(X, y, { seed: 3 })).toEqual(a);
    expect(trainTestSplit(X, y, { seed: 4 }).yTest).not.toEqual(a.yTest);
  });

  it('trainTestSplit with stratify keeps each class share in the test set', () => {
    const y = fixture.stratified.y;
    const X = rowsOf(y.length);
    const s = trainTestSplit(X, y, { testSize: 0.5, stratify: y, seed: 2 });
    const count = (v: number[], c: number) => v.filter((x) => x === c).length;
    for (const c of [0, 1, 2]) expect(Math.abs(count(s.yTest, c) - count(y, c) / 2)).toBeLessThan(1);
    expect(s.yTest.length).toBe(15);
  });

  it('trainTestSplit explains a bad testSize and mismatched lengths', () => {
    expect(() => trainTestSplit(rowsOf(4), [1, 2, 3, 4], { testSize: 4 })).toThrow('trainTestSplit: testSize must be a fraction in (0, 1) or a whole number of rows below 4, got 4');
    expect(() => trainTestSplit(rowsOf(4), [1, 2])).toThrow('trainTestSplit: y has 2 values but X has 4 rows');
  });
});
