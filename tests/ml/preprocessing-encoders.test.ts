import { describe, expect, it } from 'vitest';
import {
  FrequencyEncoder, KNNImputer, LabelEncoder, OneHotEncoder, OrdinalEncoder, SimpleImputer, TargetEncoder, nanEuclidean,
} from '../../src/ml/index.ts';
import fixture from './fixtures/preprocessing.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

const oh = fixture.oneHot;
const C = oh.X as (string | number)[][];

describe('OneHotEncoder', () => {
  it('OneHotEncoder learns scikit-learn categories and encodes in its column order', () => {
    const enc = new OneHotEncoder().fit(C);
    expect(enc.categories).toEqual(oh.categories);
    expect(enc.transform(C)).toEqual(oh.transform);
    expect(enc.getFeatureNamesOut(['color', 'size'])).toEqual(oh.names);
    expect(enc.inverseTransform(enc.transform(C))).toEqual(oh.inverse);
  });

  it("OneHotEncoder with drop 'first' and handleUnknown 'ignore' matches scikit-learn", () => {
    const dropped = new OneHotEncoder({ drop: 'first' }).fit(C);
    expect(dropped.transform(C)).toEqual(oh.dropFirst);
    expect(dropped.getFeatureNamesOut()).toEqual(oh.dropFirstNames);
    expect(dropped.inverseTransform(dropped.transform(C))).toEqual(C);
    expect(new OneHotEncoder({ handleUnknown: 'ignore' }).fit(C).transform(oh.new)).toEqual(oh.ignore);
  });

  it('OneHotEncoder explains an unseen category and a wrong column count', () => {
    const enc = new OneHotEncoder().fit(C);
    expect(() => enc.transform(oh.new)).toThrow(`OneHotEncoder.transform: X[1][0] = "purple" was not seen in fit`);
    expect(() => enc.transform([['red']])).toThrow('OneHotEncoder.transform: X has 1 features but the model was fitted on 2');
    expect(() => enc.fit([['red', null as unknown as string]])).toThrow('OneHotEncoder.fit: X[0][1] is null; categories must be strings or finite numbers');
  });
});

describe('LabelEncoder and OrdinalEncoder', () => {
  it('LabelEncoder matches scikit-learn and round-trips', () => {
    const colors = C.map((r) => r[0]);
    const le = new LabelEncoder();
    expect(le.fitTransform(colors)).toEqual(fixture.label.transform);
    expect(le.classes).toEqual(fixture.label.classes);
    expect(le.inverseTransform(le.transform(colors))).toEqual(colors);
    expect(() => le.transform(['pink'])).toThrow('LabelEncoder.transform: y[0] = "pink" is not a known label');
  });

  it('OrdinalEncoder matches scikit-learn with learnt and given category orders', () => {
    const oe = new OrdinalEncoder().fit(C);
    expect(oe.categories).toEqual(fixture.ordinal.categories);
    expect(oe.transform(C)).toEqual(fixture.ordinal.transform);
    expect(new OrdinalEncoder({ categories: [['red', 'green', 'blue'], [1, 2, 3]] }).fit(C).transform(C)).toEqual(fixture.ordinal.givenOrder);
    expect(oe.inverseTransform(oe.transform(C))).toEqual(C);
    const lenient = new OrdinalEncoder({ handleUnknown: 'use_encoded_value', unknownValue: -1 }).fit(C);
    expect(lenient.transform([['purple', 3]])).toEqual([[-1, 2]]);
  });
});

describe('imputers', () => {
  const imp = fixture.impute;
  const M = imp.X.map((r) => r.map((v) => (v === null ? NaN : v)));
  const Mnew = imp.Xnew.map((r) => r.map((v) => (v === null ? NaN : v)));

  for (const strategy of ['mean', 'median', 'most_frequent', 'constant'] as const) {
    it(`SimpleImputer with strategy '${strategy}' and addIndicator matches scikit-learn`, () => {
      const si = new SimpleImputer({ strategy, fillValue: -1, addIndicator: true }).fit(M);
      expectClose(si.statistics, imp.simple[strategy].statistics, 1e-12);
      expectClose(si.transform(M), imp.simple[strategy].transform, 1e-12);
    });
  }

  it('SimpleImputer explains a column with no observed value', () => {
    expect(() => new SimpleImputer().fit([[NaN, 1], [NaN, 2]])).toThrow('SimpleImputer.fit: column 0 has no observed value');
  });

  it('nanEuclidean scales the distance over shared coordinates by √(d / present)', () => {
    expect(nanEuclidean([0, NaN, 3], [4, 1, NaN])).toBeCloseTo(Math.sqrt(3 * 16), 14);
    expect(nanEuclidean([0, 2, 3], [4, 2, NaN])).toBeCloseTo(Math.sqrt(1.5 * 16), 14);
    expect(nanEuclidean([NaN, 1], [1, NaN])).toBeNaN();
  });

  for (const [name, c] of Object.entries(imp.knn)) {
    it(`KNNImputer(${name}) matches scikit-learn on training and new rows`, () => {
      const ki = new KNNImputer({ nNeighbors: c.nNeighbors, weights: c.weights as 'uniform' | 'distance' }).fit(M);
      expectClose(ki.transform(M), c.train, 1e-9);
      expectClose(ki.transform(Mnew), c.new, 1e-9);
    });
  }
});

describe('target and frequency encoding', () => {
  const t = fixture.target;

  it('TargetEncoder.fit encodes with the smoothed mean (n·ȳ_c + m·ȳ)/(n + m)', () => {
    const te = new TargetEncoder({ smoothing: t.smoothing }).fit(t.X, t.y);
    expectClose(te.transform(t.X), t.fit, 1e-12);
    expectClose(te.targetMean, t.mean, 1e-12);
    expectClose(te.transform([['zzz', 'x']])[0][0], t.mean, 1e-12);
  });

  it('TargetEncoder.fitTransform encodes each fold with the other folds only (reference: unshuffled 3-fold)', () => {
    const te = new TargetEncoder({ smoothing: t.smoothing, cv: 3, shuffle: false });
    expectClose(te.fitTransform(t.X, t.y), t.oof, 1e-12);
  });

  it('TargetEncoder with smoothing 0 and no folds gives the plain category means', () => {
    const te = new TargetEncoder({ smoothing: 0, cv: 0 });
    const enc = te.fitTransform([['a'], ['a'], ['b']], [1, 3, 10]);
    expect(enc).toEqual([[2], [2], [10]]);
    expect(() => new TargetEncoder({ smoothing: -1 }).fit([['a']], [1])).toThrow('TargetEncoder.fit: smoothing must be a number ≥ 0, got -1');
  });

  it('FrequencyEncoder encodes categories by their share (or count) in fit and unseen ones as 0', () => {
    const fe = new FrequencyEncoder().fit(C);
    expect(fe.transform([['red', 3], ['purple', 1]])).toEqual([[3 / 8, 2 / 8], [0, 3 / 8]]);
    expect(new FrequencyEncoder({ normalize: false }).fitTransform([['a'], ['b'], ['a']])).toEqual([[2], [1], [2]]);
  });
});
