import { describe, expect, it } from 'vitest';
import {
  ColumnTransformer, GridSearchCV, KFold, OneHotEncoder, Pipeline, RandomizedSearchCV, SVC, StandardScaler, StratifiedKFold,
  crossValScore, crossValidate, learningCurve, validationCurve,
} from '../../src/ml/index.ts';
import fixture from './fixtures/model-selection.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

/** Ridge regression with intercept by the normal equations (XcᵀXc + αI)w = Xcᵀyc: a stand-in for src/ml/linear. */
class TestRidge {
  readonly params: { alpha: number };
  coef?: number[];
  intercept?: number;
  constructor(params: Partial<{ alpha: number }> = {}) {
    this.params = { alpha: 1, ...params };
  }
  fit(X: number[][], y: number[]): this {
    const d = X[0].length;
    const xMean = Array.from({ length: d }, (_, j) => X.reduce((a, r) => a + r[j], 0) / X.length);
    const yMean = y.reduce((a, b) => a + b, 0) / y.length;
    const A = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) =>
      X.reduce((a, r) => a + (r[i] - xMean[i]) * (r[j] - xMean[j]), 0) + (i === j ? this.params.alpha : 0)));
    const b = Array.from({ length: d }, (_, i) => X.reduce((a, r, k) => a + (r[i] - xMean[i]) * (y[k] - yMean), 0));
    this.coef = solve(A, b);
    this.intercept = yMean - xMean.reduce((a, m, j) => a + m * this.coef![j], 0);
    return this;
  }
  predict(X: number[][]): number[] {
    return X.map((r) => r.reduce((a, v, j) => a + v * this.coef![j], this.intercept!));
  }
  score(X: number[][], y: number[]): number {
    const p = this.predict(X);
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    const ssRes = y.reduce((a, v, i) => a + (v - p[i]) ** 2, 0);
    return 1 - ssRes / y.reduce((a, v) => a + (v - mean) ** 2, 0);
  }
}

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    const p = M.reduce((best, row, r) => (r >= c && Math.abs(row[c]) > Math.abs(M[best][c]) ? r : best), c);
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((row, i) => row[n] / row[i]);
}

/** Brute-force k nearest neighbours with uniform votes: a stand-in classifier. */
class TestKNN {
  readonly params: { nNeighbors: number };
  classes?: number[];
  private X?: number[][];
  private y?: number[];
  constructor(params: Partial<{ nNeighbors: number }> = {}) {
    this.params = { nNeighbors: 5, ...params };
  }
  fit(X: number[][], y: number[]): this {
    this.X = X;
    this.y = y;
    this.classes = [...new Set(y)].sort((a, b) => a - b);
    return this;
  }
  predictProba(X: number[][]): number[][] {
    return X.map((q) => {
      const near = this.X!.map((r, i) => ({ i, d: r.reduce((a, v, j) => a + (v - q[j]) ** 2, 0) }))
        .sort((a, b) => a.d - b.d).slice(0, this.params.nNeighbors);
      return this.classes!.map((c) => near.filter((n) => this.y![n.i] === c).length / near.length);
    });
  }
  predict(X: number[][]): number[] {
    return this.predictProba(X).map((p) => this.classes![p.indexOf(Math.max(...p))]);
  }
  score(X: number[][], y: number[]): number {
    const p = this.predict(X);
    return p.filter((v, i) => v === y[i]).length / y.length;
  }
}

const reg = fixture.regression;
const cls = fixture.classification;

describe('crossValScore and crossValidate', () => {
  it('crossValScore of a regressor matches scikit-learn for r2 (default score), MSE, MAE and RMSE', () => {
    expectClose(crossValScore(new TestRidge(), reg.X, reg.y), reg.r2, 1e-9);
    expectClose(crossValScore(new TestRidge(), reg.X, reg.y, { scoring: 'neg_mean_absolute_error', cv: new KFold({ nSplits: 4 }) }), reg.negMae, 1e-9);
    expectClose(crossValScore(new TestRidge(), reg.X, reg.y, { scoring: 'neg_root_mean_squared_error' }), reg.negRmse, 1e-9);
  });

  it('crossValidate returns scikit-learn test and train scores plus a fit time per fold', () => {
    const res = crossValidate(new TestRidge(), reg.X, reg.y, { scoring: 'neg_mean_squared_error', returnTrainScore: true });
    expectClose(res.testScore, reg.negMse, 1e-9);
    expectClose(res.trainScore, reg.negMseTrain, 1e-9);
    expect(res.fitTime).toHaveLength(5);
    for (const t of res.fitTime) expect(t).toBeGreaterThanOrEqual(0);
  });

  it('crossValScore of a classifier uses stratified folds and matches scikit-learn accuracy, roc_auc and f1', () => {
    expectClose(crossValScore(new TestKNN(), cls.X, cls.y), cls.accuracy, 1e-12);
    expectClose(crossValScore(new TestKNN(), cls.X, cls.y, { scoring: 'roc_auc' }), cls.rocAuc, 1e-12);
    expectClose(crossValScore(new TestKNN(), cls.X, cls.y, { scoring: 'f1', cv: new StratifiedKFold({ nSplits: 3 }) }), cls.f1, 1e-12);
  });

  it("crossValScore ranks a model without predictProba by its decision function (scoring 'roc_auc', SVC)", () => {
    expectClose(crossValScore(new SVC({ kernel: 'linear' }), cls.X, cls.y, { scoring: 'roc_auc' }), cls.rocAucSvc, 1e-9);
    const m = fixture.multiclass;
    expect(() => crossValScore(new SVC(), m.X, m.y, { cv: 3, scoring: 'roc_auc' })).toThrow("scoring 'roc_auc': the problem has 3 classes");
  });

  it('a Pipeline or a search around an SVC is a classifier with its decision function (stratified folds, as scikit-learn)', () => {
    const svcPipeline = () => new Pipeline({ steps: [['scale', new StandardScaler()], ['svc', new SVC({ kernel: 'linear' })]] });
    expectClose(crossValScore(svcPipeline(), cls.X, cls.y, { scoring: 'roc_auc' }), cls.rocAucPipelineSvc, 1e-9);
    const search = new GridSearchCV({ estimator: new SVC({ kernel: 'linear' }), paramGrid: { C: [0.01, 1] }, cv: 3, scoring: 'roc_auc' });
    expect(search.estimatorType).toBe('classifier');
    expectClose(crossValScore(search, cls.X, cls.y, { cv: 4, scoring: 'roc_auc' }), cls.rocAucNestedSvc, 1e-9);
    // Without predictProba on the tuned model, the search says so by name.
    search.fit(cls.X, cls.y);
    expect(search.classes).toEqual([0, 1]);
    expect(search.decisionFunction(cls.X.slice(0, 3))).toHaveLength(3);
    expect(() => search.predictProba(cls.X)).toThrow('GridSearchCV.predictProba: the tuned estimator has no predictProba');
    expect(() => crossValScore(svcPipeline(), cls.X, cls.y, { scoring: 'neg_log_loss' })).toThrow("scoring 'neg_log_loss': the estimator has no predictProba");
  });

  it('crossValScore with multiclass scorers matches scikit-learn roc_auc_ovr, roc_auc_ovo, neg_log_loss and f1_macro', () => {
    const m = fixture.multiclass;
    expectClose(crossValScore(new TestKNN(), m.X, m.y, { cv: 3, scoring: 'roc_auc_ovr' }), m.rocAucOvr, 1e-12);
    expectClose(crossValScore(new TestKNN(), m.X, m.y, { cv: 3, scoring: 'roc_auc_ovo' }), m.rocAucOvo, 1e-12);
    expectClose(crossValScore(new TestKNN(), m.X, m.y, { cv: 3, scoring: 'neg_log_loss' }), m.negLogLoss, 1e-9);
    expectClose(crossValScore(new TestKNN(), m.X, m.y, { cv: 3, scoring: 'f1_macro' }), m.f1Macro, 1e-12);
    expect(() => crossValScore(new TestKNN(), m.X, m.y, { cv: 3, scoring: 'roc_auc' })).toThrow("scoring 'roc_auc': the problem has 3 classes; use scoring 'roc_auc_ovr' or 'roc_auc_ovo'");
  });

  it('crossValScore accepts a scoring function and explains an unknown scoring name', () => {
    const scores = crossValScore(new TestRidge(), reg.X, reg.y, { scoring: (est, X, y) => est.score!(X, y) });
    expectClose(scores, reg.r2, 1e-9);
    expect(() => crossValScore(new TestRidge(), reg.X, reg.y, { scoring: 'r3' as never })).toThrow("crossValidate: unknown scoring 'r3'");
  });
});

describe('curves', () => {
  it('validationCurve matches scikit-learn train and test scores over alpha', () => {
    const v = fixture.validationCurve;
    const res = validationCurve(new TestRidge(), reg.X, reg.y, { paramName: 'alpha', paramRange: v.alphas });
    expectClose(res.trainScores, v.train, 1e-9);
    expectClose(res.testScores, v.test, 1e-9);
  });

  it('learningCurve matches scikit-learn sizes and scores for fractions and absolute sizes', () => {
    const l = fixture.learningCurve;
    const res = learningCurve(new TestRidge(), reg.X, reg.y);
    expect(res.trainSizes).toEqual(l.sizes);
    expectClose(res.trainScores, l.train, 1e-9);
    expectClose(res.testScores, l.test, 1e-9);
    const a = fixture.learningCurveAbs;
    const abs = learningCurve(new TestRidge(), reg.X, reg.y, { cv: 4, trainSizes: [5, 20, 45] });
    expect(abs.trainSizes).toEqual(a.sizes);
    expectClose(abs.testScores, a.test, 1e-9);
    expect(() => learningCurve(new TestRidge(), reg.X, reg.y, { trainSizes: [5, 500] })).toThrow('learningCurve: train size 500 must be a whole number between 1 and the training fold size 48');
  });
});

describe('Pipeline and searches', () => {
  const makePipe = () => new Pipeline({ steps: [['scale', new StandardScaler()], ['ridge', new TestRidge()]] });

  it('GridSearchCV over a Pipeline with step__param names matches scikit-learn cv results', () => {
    const g = fixture.grid;
    const gs = new GridSearchCV({ estimator: makePipe(), paramGrid: { ridge__alpha: [0.1, 3, 100], scale__withStd: [true, false] }, cv: 4, scoring: 'r2' }).fit(reg.X, reg.y);
    expect(gs.cvResults!.params).toEqual(g.params);
    expectClose(gs.cvResults!.meanTestScore, g.mean, 1e-9);
    expectClose(gs.cvResults!.stdTestScore, g.std, 1e-9);
    expect(gs.cvResults!.rankTestScore).toEqual(g.rank);
    expectClose(gs.cvResults!.splitTestScores, g.split, 1e-9);
    expect(gs.bestIndex).toBe(g.bestIndex);
    expectClose(gs.bestScore, g.bestScore, 1e-9);
    expectClose(gs.predict(reg.X.slice(0, 5)), g.predict, 1e-9);
  });

  it('GridSearchCV on a classifier matches scikit-learn mean scores and best nNeighbors', () => {
    const gs = new GridSearchCV({ estimator: new TestKNN(), paramGrid: { nNeighbors: [1, 3, 7, 15] }, cv: 5 }).fit(cls.X, cls.y);
    expectClose(gs.cvResults!.meanTestScore, fixture.gridKnn.mean, 1e-12);
    expect(gs.cvResults!.rankTestScore).toEqual(fixture.gridKnn.rank);
    expect(gs.bestParams).toEqual({ nNeighbors: fixture.gridKnn.bestNeighbors });
  });

  it('Pipeline.fit learns the scaler inside the pipeline and its steps are copies of the given ones', () => {
    const scaler = new StandardScaler();
    const pipe = new Pipeline({ steps: [['scale', scaler], ['ridge', new TestRidge()]] }).fit(reg.X, reg.y);
    expect(scaler.mean).toBeUndefined();
    expect((pipe.namedSteps.scale as StandardScaler).mean).toHaveLength(3);
    const direct = new TestRidge().fit(new StandardScaler().fitTransform(reg.X), reg.y);
    expectClose(pipe.predict(reg.X), direct.predict(new StandardScaler().fit(reg.X).transform(reg.X)), 1e-12);
  });

  it('Pipeline explains a bad step name, a non-transformer step and predict before fit', () => {
    expect(() => new Pipeline({ steps: [['ridge', new TestRidge()], ['scale', new StandardScaler()]] })).toThrow("Pipeline: step 'ridge' has no transform method");
    expect(() => new Pipeline({ steps: [['scale', new StandardScaler()], ['ridge', new TestRidge()]], ridg__alpha: 1 })).toThrow("Pipeline: parameter 'ridg__alpha' names step 'ridg', but the steps are 'scale', 'ridge'");
    expect(() => makePipe().predict(reg.X)).toThrow('Pipeline.predict: this estimator is not fitted yet');
  });

  it('RandomizedSearchCV draws nIter candidates from distributions, deterministically per seed', () => {
    const params = { estimator: makePipe(), paramDistributions: { ridge__alpha: { logUniform: [0.01, 100] as [number, number] }, scale__withStd: [true, false] }, nIter: 6, cv: 3, seed: 4 };
    const rs = new RandomizedSearchCV(params).fit(reg.X, reg.y);
    expect(rs.cvResults!.params).toHaveLength(6);
    for (const p of rs.cvResults!.params) {
      expect(p.ridge__alpha as number).toBeGreaterThanOrEqual(0.01);
      expect(p.ridge__alpha as number).toBeLessThan(100);
    }
    expect(new RandomizedSearchCV(params).fit(reg.X, reg.y).cvResults!.params).toEqual(rs.cvResults!.params);
    expect(rs.bestScore).toBe(Math.max(...rs.cvResults!.meanTestScore));
  });

  it('RandomizedSearchCV with only lists draws distinct grid points and int ranges stay inside [a, b]', () => {
    const rs = new RandomizedSearchCV({ estimator: new TestKNN(), paramDistributions: { nNeighbors: [1, 3, 5, 7] }, nIter: 10, cv: 3 }).fit(cls.X, cls.y);
    expect(rs.cvResults!.params.map((p) => p.nNeighbors).sort()).toEqual([1, 3, 5, 7]);
    const ri = new RandomizedSearchCV({ estimator: new TestKNN(), paramDistributions: { nNeighbors: { int: [2, 4] } }, nIter: 8, cv: 3 }).fit(cls.X, cls.y);
    for (const p of ri.cvResults!.params) expect([2, 3, 4]).toContain(p.nNeighbors);
  });

  it('crossValScore of a GridSearchCV (nested cross-validation) runs the inner search per outer fold', () => {
    const inner = new GridSearchCV({ estimator: new TestKNN(), paramGrid: { nNeighbors: [3, 7] }, cv: 3 });
    const outer = crossValScore(inner, cls.X, cls.y, { cv: new KFold({ nSplits: 3 }) });
    expect(outer).toHaveLength(3);
    for (const s of outer) expect(s).toBeGreaterThan(0.5);
  });
});

describe('ColumnTransformer', () => {
  const c = fixture.columnTransformer;

  it('ColumnTransformer matches scikit-learn with a scaler, a one-hot encoder and the remainder passed through or dropped', () => {
    const ct = new ColumnTransformer({
      transformers: [['num', new StandardScaler(), [0, 2]], ['cat', new OneHotEncoder(), [1]]],
      remainder: 'passthrough',
    });
    expectClose(ct.fitTransform(c.X), c.passthrough, 1e-9);
    expectClose(ct.transform(c.X), c.passthrough, 1e-9);
    const dropped = new ColumnTransformer({ transformers: [['cat', new OneHotEncoder(), [1]], ['num', new StandardScaler(), [2]]] });
    expectClose(dropped.fitTransform(c.X), c.drop, 1e-9);
  });

  it('ColumnTransformer inside a Pipeline works with crossValScore and routes cat__ options', () => {
    const X = c.X.concat(c.X).concat(c.X);
    const y = X.map((r) => 2 * (r[0] as number) + (r[1] === 'red' ? 3 : 0) + 0.1 * (r[2] as number));
    const pipe = new Pipeline({
      steps: [['prep', new ColumnTransformer({ transformers: [['num', new StandardScaler(), [0, 2]], ['cat', new OneHotEncoder(), [1]]] })], ['ridge', new TestRidge({ alpha: 1e-6 })]],
      prep__cat__drop: 'first',
    });
    const scores = crossValScore(pipe, X, y, { cv: new KFold({ nSplits: 3, shuffle: true, seed: 1 }) });
    for (const s of scores) expect(s).toBeGreaterThan(0.999);
    const prep = (pipe.namedSteps.prep as ColumnTransformer).transformers[1][1] as OneHotEncoder;
    expect(prep.params.drop).toBe('first');
  });

  it('ColumnTransformer explains a column out of range and a non-numeric passthrough', () => {
    expect(() => new ColumnTransformer({ transformers: [['num', new StandardScaler(), [7]]] }).fit(c.X)).toThrow("ColumnTransformer.fit: transformer 'num' uses column 7 but X has 4 columns");
    expect(() => new ColumnTransformer({ transformers: [['num', new StandardScaler(), [0]]], remainder: 'passthrough' }).fit(c.X)).toThrow('remainder columns pass through unchanged and must be numbers');
  });
});
