import { describe, expect, it } from 'vitest';
import {
  GradientBoostingClassifier, LinearSVC, LogisticRegression, RandomForestClassifier, SGDClassifier, SVC,
  computeClassWeight, computeSampleWeight, type ClassWeight,
} from '../../src/ml/index.ts';
import fx from './fixtures/class-weights.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

/** A fixture case: the class weight as scikit-learn got it, and whether sample weights were passed. */
interface Case {
  name: string;
  classWeight: string | Record<string, number> | null;
  sampleWeight: boolean;
  /** What scikit-learn fitted; each estimator's cases hold some of these. */
  coef?: number[][];
  intercept?: number[];
  decision?: number[] | number[][];
  support?: number[];
  dualCoef?: number[][];
  proba?: number[][];
  nIter?: number;
}

const sets = { binary: fx.binary, multi: fx.multi } as const;
type SetName = keyof typeof sets;

/** The case's classWeight in the library's form (map keys are labels). */
function classWeightOf(c: Case): ClassWeight {
  if (c.classWeight === null || typeof c.classWeight === 'string') return c.classWeight as ClassWeight;
  return Object.fromEntries(Object.entries(c.classWeight).map(([k, v]) => [Number(k), v]));
}

function label(c: Case): string {
  return `classWeight ${JSON.stringify(c.classWeight)}${c.sampleWeight ? ', sampleWeight' : ''}`;
}

/** Runs `check` for every case of both data sets, with the case's data and sample weights. */
function eachCase(fixture: Record<SetName, readonly object[]>, check: (c: Required<Case>, data: typeof fx.binary, sampleWeight: number[] | undefined) => void): void {
  for (const set of ['binary', 'multi'] as const) {
    for (const c of fixture[set] as Required<Case>[]) {
      it(`${set}: ${label(c)}`, () => check(c, sets[set], c.sampleWeight ? sets[set].sampleWeight : undefined));
    }
  }
}

describe('computeClassWeight and computeSampleWeight', () => {
  it("'balanced' gives n / (K · n_c), scikit-learn's values", () => {
    expectClose(computeClassWeight('balanced', [0, 1], fx.binary.y), fx.computeClassWeight.binary, 1e-12);
    expectClose(computeClassWeight('balanced', [0, 1, 2], fx.multi.y), fx.computeClassWeight.multi, 1e-12);
    expect(computeSampleWeight({ 1: 3 }, [0, 1, 1, 2])).toEqual([1, 3, 3, 1]);
  });

  it('bad class weights and sample weights are refused with a message naming them', () => {
    expect(() => new LogisticRegression({ classWeight: { 7: 2 } }).fit(fx.binary.X, fx.binary.y)).toThrow('LogisticRegression.fit: classWeight names class 7, which is not in y (classes: 0, 1)');
    expect(() => new SVC({ classWeight: { 1: -1 } }).fit(fx.binary.X, fx.binary.y)).toThrow('SVC.fit: classWeight[1] is -1; weights must be finite numbers ≥ 0');
    expect(() => new LinearSVC({ classWeight: 'even' as ClassWeight }).fit(fx.binary.X, fx.binary.y)).toThrow("classWeight must be 'balanced', a map {label: weight} or null, got \"even\"");
    expect(() => new SGDClassifier().fit(fx.binary.X, fx.binary.y, [1, 2])).toThrow('SGDClassifier.fit: sampleWeight has 2 values but X has 120 rows; they must match');
    const negative = fx.binary.y.map((_, i) => (i === 4 ? -1 : 1));
    expect(() => new GradientBoostingClassifier().fit(fx.binary.X, fx.binary.y, negative)).toThrow('GradientBoostingClassifier.fit: sampleWeight[4] is -1; weights must be ≥ 0');
    expect(() => new RandomForestClassifier().fit(fx.binary.X, fx.binary.y, fx.binary.y.map(() => 0))).toThrow('every row has weight 0');
  });
});

/** Values less their mean: softmax intercepts are defined only up to a common shift (unpenalised). */
const centred = (v: number[]) => v.map((x) => x - v.reduce((s, t) => s + t, 0) / v.length);

describe('LogisticRegression with class and sample weights matches scikit-learn (lbfgs, coef to 1e-5)', () => {
  eachCase(fx.logistic, (c, data, sampleWeight) => {
    const model = new LogisticRegression({ classWeight: classWeightOf(c), tol: 1e-10, maxIter: 10_000 }).fit(data.X, data.y, sampleWeight);
    expectClose(model.coef, c.coef, c.intercept.length === 1 ? 1e-5 : 1e-4, 'coef');
    const decision = model.decisionFunction(data.Xtest);
    if (c.intercept.length === 1) {
      expectClose(model.intercept, c.intercept, 1e-5, 'intercept');
      expectClose(decision, c.decision, 1e-5, 'decision');
    } else {
      // scikit-learn's L-BFGS-B stops on its function-change test here, its gradient still ~2e-4: 1e-4.
      expectClose(centred(model.intercept!), centred(c.intercept), 1e-4, 'intercept');
      expectClose((decision as number[][]).map(centred), (c.decision as number[][]).map(centred), 1e-4, 'decision');
    }
  });
});

describe('SVC with class and sample weights matches scikit-learn (libsvm without shrinking, decision to 1e-6)', () => {
  eachCase(fx.svc, (c, data, sampleWeight) => {
    const model = new SVC({ classWeight: classWeightOf(c), decisionFunctionShape: 'ovo' }).fit(data.X, data.y, sampleWeight);
    // scikit-learn 1.2 numbers support_ among the rows of positive weight (its PR #27763); ours index X.
    const kept = data.y.flatMap((_, i) => (sampleWeight && sampleWeight[i] === 0 ? [] : [i]));
    expect(model.support).toEqual(c.support.map((s) => kept[s]));
    expectClose(model.dualCoef, c.dualCoef, 1e-6, 'dualCoef');
    expectClose(model.intercept, c.intercept, 1e-6, 'intercept');
    expectClose(model.decisionFunction(data.Xtest), c.decision, 1e-6, 'decision');
  });
});

describe('LinearSVC with class and sample weights matches scikit-learn (liblinear to tol 1e-10, coef to 1e-5)', () => {
  eachCase(fx.linearSvc, (c, data, sampleWeight) => {
    const model = new LinearSVC({ classWeight: classWeightOf(c), tol: 1e-10, maxIter: 1_000_000 }).fit(data.X, data.y, sampleWeight);
    expectClose(model.coef, c.coef, 1e-5, 'coef');
    expectClose(model.intercept, c.intercept, 1e-5, 'intercept');
  });
});

describe('SGDClassifier with class and sample weights takes scikit-learn\'s path (no shuffling: same epochs, coef to 1e-9)', () => {
  eachCase(fx.sgd, (c, data, sampleWeight) => {
    // scikit-learn stops each one-vs-rest problem on its own, ours all together: the three-class cases run 15 epochs.
    const epochs = data === fx.multi ? { tol: null, maxIter: 15 } : {};
    const model = new SGDClassifier({ classWeight: classWeightOf(c), shuffle: false, ...epochs }).fit(data.X, data.y, sampleWeight);
    expect(model.nIter).toBe(c.nIter);
    expectClose(model.coef, c.coef, 1e-9, 'coef');
    expectClose(model.intercept, c.intercept, 1e-9, 'intercept');
  });
});

describe('RandomForestClassifier with class and sample weights matches scikit-learn (no bootstrap, all features: predictProba to 1e-12)', () => {
  eachCase(fx.forest, (c, data, sampleWeight) => {
    const model = new RandomForestClassifier({ classWeight: classWeightOf(c), nEstimators: 3, bootstrap: false, maxFeatures: undefined, maxDepth: 4 }).fit(data.X, data.y, sampleWeight);
    expectClose(model.predictProba(data.Xtest), c.proba, 1e-12, 'proba');
  });

  it("'balanced_subsample' weighs each tree's classes by its own bootstrap sample", () => {
    const { X, y } = fx.binary;
    const forest = new RandomForestClassifier({ classWeight: 'balanced_subsample', nEstimators: 1, maxDepth: 1, seed: 3 }).fit(X, y);
    // The root's weighted class totals are equal: each class weighs n_drawn / 2 in the sample.
    const [w0, w1] = forest.estimators![0].tree![0].value;
    expect(w0).toBeCloseTo(w1, 9);
    expect(w0 + w1).toBeCloseTo(y.length, 9);
  });
});

describe('GradientBoostingClassifier with class and sample weights matches scikit-learn fitted with the same row weights', () => {
  eachCase(fx.boosting, (c, data, sampleWeight) => {
    const model = new GradientBoostingClassifier({ classWeight: classWeightOf(c), nEstimators: 20, maxDepth: 2 }).fit(data.X, data.y, sampleWeight);
    expectClose(model.decisionFunction(data.Xtest), c.decision, 1e-9, 'decision');
    expectClose(model.predictProba(data.Xtest), c.proba, 1e-9, 'proba');
  });
});

describe('class weights are row weights', () => {
  it('a classWeight map fits the same model as the matching sampleWeight, for every estimator', () => {
    const { X, y } = fx.binary;
    const asRows = y.map((v) => (v === 1 ? 3 : 1));
    const pairs: [{ fit(X: number[][], y: number[], w?: number[]): { decisionFunction?(X: number[][]): unknown; predictProba?(X: number[][]): unknown } }, { fit(X: number[][], y: number[], w?: number[]): unknown }][] = [
      [new LogisticRegression({ classWeight: { 1: 3 } }), new LogisticRegression()],
      [new SVC({ classWeight: { 1: 3 } }), new SVC()],
      [new LinearSVC({ classWeight: { 1: 3 } }), new LinearSVC()],
      [new SGDClassifier({ classWeight: { 1: 3 } }), new SGDClassifier()],
      [new RandomForestClassifier({ classWeight: { 1: 3 }, nEstimators: 5 }), new RandomForestClassifier({ nEstimators: 5 })],
      [new GradientBoostingClassifier({ classWeight: { 1: 3 }, nEstimators: 10 }), new GradientBoostingClassifier({ nEstimators: 10 })],
    ];
    for (const [byClass, byRow] of pairs) {
      const a = byClass.fit(X, y) as { decisionFunction?(X: number[][]): unknown; predictProba?(X: number[][]): unknown };
      const b = byRow.fit(X, y, asRows) as typeof a;
      const out = (m: typeof a) => (m.decisionFunction ? m.decisionFunction(fx.binary.Xtest) : m.predictProba!(fx.binary.Xtest));
      expect(out(a)).toEqual(out(b));
    }
  });

  it("'balanced' raises the minority class's recall on imbalanced data", () => {
    const { X, y } = fx.binary;
    const recall = (predicted: number[]) => predicted.filter((p, i) => p === 1 && y[i] === 1).length / y.filter((v) => v === 1).length;
    const plain = recall(new LogisticRegression().fit(X, y).predict(X));
    const balanced = recall(new LogisticRegression({ classWeight: 'balanced' }).fit(X, y).predict(X));
    expect(balanced).toBeGreaterThan(plain);
  });
});
