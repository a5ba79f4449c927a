import { describe, expect, it } from 'vitest';
import { BernoulliNB, GaussianNB, MultinomialNB } from '../../src/ml/index.ts';
import fixture from './fixtures/naive-bayes.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

const g = fixture.gaussian;
const counts = fixture.counts;

describe('GaussianNB', () => {
  it('GaussianNB.fit matches scikit-learn theta, var, classPrior and epsilon', () => {
    const nb = new GaussianNB().fit(g.X, g.y);
    expectClose(nb.theta, g.theta, 1e-9, 'theta');
    expectClose(nb.var, g.var, 1e-9, 'var');
    expectClose(nb.classPrior, g.classPrior, 1e-12, 'classPrior');
    expectClose(nb.epsilon, g.epsilon, 1e-9, 'epsilon');
  });

  it('GaussianNB.predictProba and predictLogProba match scikit-learn at 1e-9', () => {
    const nb = new GaussianNB().fit(g.X, g.y);
    expectClose(nb.predictProba(g.Xtest), g.proba, 1e-9, 'proba');
    expectClose(nb.predictLogProba(g.Xtest), g.logProba, 1e-9, 'logProba');
    expect(nb.predict(g.Xtest)).toEqual(g.predict);
  });

  it('GaussianNB.predictProba rows sum to 1', () => {
    const nb = new GaussianNB().fit(g.X, g.y);
    for (const row of nb.predictProba(g.Xtest)) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('GaussianNB.fit uses given priors', () => {
    const nb = new GaussianNB({ priors: [0.2, 0.3, 0.5] }).fit(g.X, g.y);
    expect(nb.classPrior).toEqual([0.2, 0.3, 0.5]);
  });

  it('GaussianNB rejects priors that do not sum to 1, predict before fit and a feature count mismatch', () => {
    expect(() => new GaussianNB({ priors: [0.5, 0.6, 0.1] }).fit(g.X, g.y)).toThrow('GaussianNB.fit: priors must sum to 1');
    expect(() => new GaussianNB().predict(g.Xtest)).toThrow('GaussianNB.predict: this estimator is not fitted yet');
    const nb = new GaussianNB().fit(g.X, g.y);
    expect(() => nb.predict([[1, 2]])).toThrow('GaussianNB.predict: X has 2 features but the model was fitted on 3');
    expect(() => new GaussianNB().fit(g.X, g.y.slice(1))).toThrow('y has 59 values but X has 60 rows');
  });
});

describe('MultinomialNB', () => {
  it('MultinomialNB.fit matches scikit-learn featureLogProb and classLogPrior at 1e-9', () => {
    const nb = new MultinomialNB({ alpha: fixture.multinomial.alpha }).fit(counts.X, counts.y);
    expectClose(nb.featureLogProb, fixture.multinomial.featureLogProb, 1e-9, 'featureLogProb');
    expectClose(nb.classLogPrior, fixture.multinomial.classLogPrior, 1e-9, 'classLogPrior');
  });

  it('MultinomialNB.predictProba matches scikit-learn at 1e-9', () => {
    const nb = new MultinomialNB({ alpha: fixture.multinomial.alpha }).fit(counts.X, counts.y);
    expectClose(nb.predictProba(counts.Xtest), fixture.multinomial.proba, 1e-9, 'proba');
    expect(nb.predict(counts.Xtest)).toEqual(fixture.multinomial.predict);
  });

  it('MultinomialNB with fitPrior false uses uniform priors', () => {
    const nb = new MultinomialNB({ fitPrior: false }).fit(counts.X, counts.y);
    expectClose(nb.classLogPrior, [Math.log(1 / 3), Math.log(1 / 3), Math.log(1 / 3)], 1e-12);
  });

  it('MultinomialNB.fit rejects negative counts', () => {
    expect(() => new MultinomialNB().fit([[1, -2], [0, 1]], [0, 1])).toThrow('MultinomialNB.fit: X[0][1] is -2; MultinomialNB needs non-negative counts');
  });
});

describe('BernoulliNB', () => {
  it('BernoulliNB.fit and predictProba match scikit-learn at 1e-9 (binarize at 1)', () => {
    const b = fixture.bernoulli;
    const nb = new BernoulliNB({ alpha: b.alpha, binarize: b.binarize }).fit(counts.X, counts.y);
    expectClose(nb.featureLogProb, b.featureLogProb, 1e-9, 'featureLogProb');
    expectClose(nb.classLogPrior, b.classLogPrior, 1e-9, 'classLogPrior');
    expectClose(nb.predictProba(counts.Xtest), b.proba, 1e-9, 'proba');
    expect(nb.predict(counts.Xtest)).toEqual(b.predict);
  });

  it('BernoulliNB.score is the accuracy of predict', () => {
    const nb = new BernoulliNB().fit(counts.X, counts.y);
    const pred = nb.predict(counts.X);
    const acc = pred.filter((p, i) => p === counts.y[i]).length / pred.length;
    expect(nb.score(counts.X, counts.y)).toBe(acc);
  });

  it('BernoulliNB.fit rejects a negative alpha', () => {
    expect(() => new BernoulliNB({ alpha: -1 }).fit(counts.X, counts.y)).toThrow('BernoulliNB.fit: alpha must be ≥ 0, got -1');
  });
});
