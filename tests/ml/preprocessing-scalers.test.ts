import { describe, expect, it } from 'vitest';
import { MinMaxScaler, PolynomialFeatures, RobustScaler, StandardScaler, inverseLogTransform, logTransform } from '../../src/ml/index.ts';
import fixture from './fixtures/preprocessing.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

const { X, Xnew } = fixture;

describe('StandardScaler', () => {
  it('StandardScaler.fit matches scikit-learn mean, var and scale (constant column scale 1)', () => {
    const s = new StandardScaler().fit(X);
    expectClose(s.mean, fixture.standard.mean, 1e-12, 'mean');
    expectClose(s.var, fixture.standard.var, 1e-12, 'var');
    expectClose(s.scale, fixture.standard.scale, 1e-12, 'scale');
    expect(s.scale![2]).toBe(1);
  });

  it('StandardScaler.transform matches scikit-learn with and without mean and std', () => {
    expectClose(new StandardScaler().fit(X).transform(Xnew), fixture.standard.transform, 1e-9);
    expectClose(new StandardScaler({ withMean: false }).fit(X).transform(Xnew), fixture.standard.noMean, 1e-9);
    expectClose(new StandardScaler({ withStd: false }).fit(X).transform(Xnew), fixture.standard.noStd, 1e-9);
  });

  it('StandardScaler.fitTransform gives columns of mean 0 and variance 1, and inverseTransform undoes it', () => {
    const s = new StandardScaler();
    const Z = s.fitTransform(X);
    for (const j of [0, 1, 3]) {
      const col = Z.map((r) => r[j]);
      expect(col.reduce((a, b) => a + b, 0) / col.length).toBeCloseTo(0, 12);
      expect(col.reduce((a, b) => a + b * b, 0) / col.length).toBeCloseTo(1, 12);
    }
    expectClose(s.inverseTransform(Z), X, 1e-12);
  });

  it('StandardScaler explains transform before fit and a feature count mismatch', () => {
    expect(() => new StandardScaler().transform(X)).toThrow('StandardScaler.transform: this estimator is not fitted yet');
    expect(() => new StandardScaler().fit(X).transform([[1, 2]])).toThrow('StandardScaler.transform: X has 2 features but the model was fitted on 4');
  });
});

describe('MinMaxScaler and RobustScaler', () => {
  it('MinMaxScaler matches scikit-learn attributes and transform, with clip', () => {
    const m = new MinMaxScaler({ featureRange: [-1, 2] }).fit(X);
    expectClose([m.dataMin, m.dataMax, m.scale, m.min], [fixture.minMax.dataMin, fixture.minMax.dataMax, fixture.minMax.scale, fixture.minMax.min], 1e-12);
    expectClose(m.transform(Xnew), fixture.minMax.transform, 1e-9);
    expectClose(m.inverseTransform(m.transform(Xnew)), Xnew, 1e-9);
    expectClose(new MinMaxScaler({ clip: true }).fit(X).transform(Xnew), fixture.minMax.clip, 1e-9);
    expect(() => new MinMaxScaler({ featureRange: [1, 0] }).fit(X)).toThrow('MinMaxScaler.fit: featureRange must be [low, high] with low < high, got [1, 0]');
  });

  it('RobustScaler matches scikit-learn center, scale and transform for two quantile ranges', () => {
    const r = new RobustScaler().fit(X);
    expectClose(r.center, fixture.robust.center, 1e-12);
    expectClose(r.scale, fixture.robust.scale, 1e-12);
    expectClose(r.transform(Xnew), fixture.robust.transform, 1e-9);
    const r2 = new RobustScaler({ quantileRange: [10, 90] }).fit(X);
    expectClose(r2.scale, fixture.robust.scale1090, 1e-12);
    expectClose(r2.transform(Xnew), fixture.robust.transform1090, 1e-9);
    expectClose(r.inverseTransform(r.transform(Xnew)), Xnew, 1e-9);
  });

  it('RobustScaler barely moves when an outlier grows, unlike StandardScaler', () => {
    const bigger = X.map((row, i) => (i === 4 ? [row[0], 6000, row[2], row[3]] : row));
    expect(new RobustScaler().fit(bigger).scale![1]).toBeCloseTo(new RobustScaler().fit(X).scale![1], 12);
    expect(new StandardScaler().fit(bigger).scale![1]).toBeGreaterThan(100 * new StandardScaler().fit(X).scale![1]);
  });
});

describe('PolynomialFeatures', () => {
  for (const c of fixture.poly.cases) {
    it(`PolynomialFeatures(degree ${c.degree}, interactionOnly ${c.interactionOnly}, includeBias ${c.includeBias}) matches scikit-learn columns and names`, () => {
      const pf = new PolynomialFeatures({ degree: c.degree, interactionOnly: c.interactionOnly, includeBias: c.includeBias });
      expectClose(pf.fitTransform(fixture.poly.X), c.transform, 1e-9);
      expect(pf.powers).toEqual(c.powers);
      expect(pf.getFeatureNamesOut()).toEqual(c.names);
      expect(pf.getFeatureNamesOut(['a', 'b', 'c'])).toEqual(c.namesABC);
    });
  }

  it('PolynomialFeatures explains a degree that is not a non-negative integer', () => {
    expect(() => new PolynomialFeatures({ degree: 1.5 }).fit(X)).toThrow('PolynomialFeatures.fit: degree must be an integer ≥ 0, got 1.5');
  });
});

describe('logTransform', () => {
  it('logTransform is log1p elementwise and inverseLogTransform undoes it', () => {
    expect(logTransform([[0, Math.E - 1]])).toEqual([[0, 1]]);
    expect(logTransform([3])[0]).toBeCloseTo(Math.log(4), 15);
    expectClose(inverseLogTransform(logTransform(X)), X, 1e-12);
    expect(() => logTransform([[0, -2]])).toThrow('logTransform: X[0][1] is -2; log1p needs values > −1');
  });
});
