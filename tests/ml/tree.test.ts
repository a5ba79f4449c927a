import { describe, expect, it } from 'vitest';
import { DecisionTreeClassifier, DecisionTreeRegressor, entropy, giniImpurity, type TreeNode } from '../../src/ml/tree/index.ts';
import fx from './fixtures/tree.json';

interface SkTree { left: number[]; right: number[]; feature: number[]; threshold: number[]; impurity: number[]; nSamples: number[]; value: number[][] }

/** Same nodes in the same order: children, split feature and threshold, impurity, sizes, values. */
function expectSameTree(ours: TreeNode[], sk: SkTree): void {
  expect(ours.length).toBe(sk.left.length);
  ours.forEach((node, i) => {
    expect(node.left).toBe(sk.left[i]);
    expect(node.right).toBe(sk.right[i]);
    expect(node.feature).toBe(sk.feature[i]);
    expect(node.threshold).toBeCloseTo(sk.threshold[i], 9);
    expect(node.impurity).toBeCloseTo(sk.impurity[i], 9);
    expect(node.nSamples).toBe(sk.nSamples[i]);
    node.value.forEach((v, c) => expect(v).toBeCloseTo(sk.value[i][c], 9));
  });
}

describe('impurity helpers', () => {
  it('giniImpurity and entropy of label vectors', () => {
    expect(giniImpurity([0, 0, 1, 1])).toBeCloseTo(0.5, 15);
    expect(giniImpurity([3, 3, 3])).toBe(0);
    expect(entropy([0, 1, 2, 3])).toBeCloseTo(2, 15);
    expect(entropy([1, 1, 1, 0])).toBeCloseTo(-(0.75 * Math.log2(0.75) + 0.25 * Math.log2(0.25)), 15);
  });
});

describe('DecisionTreeClassifier', () => {
  const cases = [
    ['giniDepth4', { maxDepth: 4 }],
    ['entropyDepth3', { criterion: 'entropy' as const, maxDepth: 3 }],
    ['minLeaf10', { maxDepth: 5, minSamplesLeaf: 10 }],
  ] as const;
  for (const [name, params] of cases) {
    it(`DecisionTreeClassifier.fit (${name}) grows the same tree as scikit-learn and predicts the same`, () => {
      const sk = fx.classifiers[name];
      const tree = new DecisionTreeClassifier(params).fit(fx.Xtrain, fx.ytrain);
      expectSameTree(tree.tree!, sk);
      expect(tree.predict(fx.Xtest)).toEqual(sk.predict);
      tree.predictProba(fx.Xtest).flat().forEach((p, i) => expect(p).toBeCloseTo(sk.proba.flat()[i], 12));
      tree.featureImportances!.forEach((v, f) => expect(v).toBeCloseTo(sk.importances[f], 9));
      expect(tree.getDepth()).toBe(sk.depth);
      expect(tree.getNLeaves()).toBe(sk.leaves);
    });
  }

  it('DecisionTreeClassifier with maxLeafNodes grows best-first like scikit-learn', () => {
    const sk = fx.classifiers.bestFirst8;
    const tree = new DecisionTreeClassifier({ maxLeafNodes: 8 }).fit(fx.Xtrain, fx.ytrain);
    expect(tree.getNLeaves()).toBe(sk.leaves);
    expect(tree.predict(fx.Xtest)).toEqual(sk.predict);
    const splits = (t: { feature: number; threshold: number }[]) => t.filter((n) => n.feature >= 0).map((n) => `${n.feature}:${n.threshold.toFixed(9)}`).sort();
    const skNodes = sk.feature.map((feature, i) => ({ feature, threshold: sk.threshold[i] }));
    expect(splits(tree.tree!)).toEqual(splits(skNodes));
  });

  it('DecisionTreeClassifier.apply returns leaf indices consistent with predictProba', () => {
    const tree = new DecisionTreeClassifier({ maxDepth: 4 }).fit(fx.Xtrain, fx.ytrain);
    const leaves = tree.apply(fx.Xtest);
    leaves.forEach((leaf) => expect(tree.tree![leaf].left).toBe(-1));
    expect(leaves).toEqual(new DecisionTreeClassifier({ maxDepth: 4 }).fit(fx.Xtrain, fx.ytrain).apply(fx.Xtest));
  });

  it('DecisionTreeClassifier.steps yields each split with its best candidate per feature', () => {
    const tree = new DecisionTreeClassifier({ maxDepth: 4 });
    const steps = [...tree.steps(fx.Xtrain, fx.ytrain)];
    expect(steps.length).toBe(tree.tree!.filter((n) => n.left !== -1).length);
    expect(steps[0].node).toBe(0);
    for (const step of steps) {
      const node = tree.tree![step.node];
      expect(step.feature).toBe(node.feature);
      expect(step.threshold).toBe(node.threshold);
      // The split made is the best of the candidates, and its decrease is scikit-learn's formula.
      const best = Math.max(...step.candidates.map((c) => c.impurityDecrease));
      expect(step.impurityDecrease).toBeCloseTo(best, 12);
      const l = tree.tree![node.left], r = tree.tree![node.right], total = tree.tree![0].weightedNSamples;
      const expected = (node.weightedNSamples * node.impurity - l.weightedNSamples * l.impurity - r.weightedNSamples * r.impurity) / total;
      expect(step.impurityDecrease).toBeCloseTo(expected, 12);
    }
  });

  it('DecisionTreeClassifier with sampleWeight equal to counts grows the tree of the repeated rows', () => {
    const X = [[0], [1], [2], [3], [4], [5]];
    const y = [0, 0, 1, 0, 1, 1];
    const w = [1, 2, 1, 1, 3, 1];
    const repeated = w.flatMap((c, i) => Array.from({ length: c }, () => i));
    const a = new DecisionTreeClassifier({ maxDepth: 2 }).fit(X, y, w);
    const b = new DecisionTreeClassifier({ maxDepth: 2 }).fit(repeated.map((i) => X[i]), repeated.map((i) => y[i]));
    expect(a.tree!.map((n) => [n.feature, n.threshold])).toEqual(b.tree!.map((n) => [n.feature, n.threshold]));
    expect(a.predictProba(X)).toEqual(b.predictProba(X));
  });

  it('DecisionTreeClassifier with maxFeatures is deterministic for a seed', () => {
    const a = new DecisionTreeClassifier({ maxFeatures: 'sqrt', seed: 4 }).fit(fx.Xtrain, fx.ytrain);
    const b = new DecisionTreeClassifier({ maxFeatures: 'sqrt', seed: 4 }).fit(fx.Xtrain, fx.ytrain);
    expect(a.tree).toEqual(b.tree);
    expect(a.score(fx.Xtrain, fx.ytrain)).toBe(1);
  });

  it('DecisionTreeClassifier reports bad input clearly', () => {
    expect(() => new DecisionTreeClassifier().predict([[1]])).toThrow(/not fitted yet/);
    expect(() => new DecisionTreeClassifier({ maxDepth: 0 }).fit([[1], [2]], [0, 1])).toThrow(/maxDepth must be an integer ≥ 1/);
    expect(() => new DecisionTreeClassifier({ criterion: 'mse' as 'gini' }).fit([[1], [2]], [0, 1])).toThrow(/criterion must be one of 'gini', 'entropy'/);
    expect(() => new DecisionTreeClassifier().fit([[1], [2]], [0])).toThrow(/y has 1 values but X has 2 rows/);
    expect(() => new DecisionTreeClassifier({ maxFeatures: 5 }).fit([[1], [2]], [0, 1])).toThrow(/maxFeatures = 5 is more than the 1 features/);
    expect(() => new DecisionTreeClassifier().fit([[1], [2]], [0, 1]).predict([[1, 2]])).toThrow(/X has 2 features but the tree was fitted on 1/);
  });
});

describe('DecisionTreeRegressor', () => {
  it('DecisionTreeRegressor.fit grows the same tree as scikit-learn and predicts the same', () => {
    const tree = new DecisionTreeRegressor({ maxDepth: 4 }).fit(fx.XregTrain, fx.yregTrain);
    expectSameTree(tree.tree!, fx.regressor);
    tree.predict(fx.XregTest).forEach((p, i) => expect(p).toBeCloseTo(fx.regressor.predict[i], 9));
    tree.featureImportances!.forEach((v, f) => expect(v).toBeCloseTo(fx.regressor.importances[f], 9));
  });

  it('DecisionTreeRegressor grown fully reproduces its training targets (R² = 1)', () => {
    const tree = new DecisionTreeRegressor().fit(fx.XregTrain, fx.yregTrain);
    expect(tree.score(fx.XregTrain, fx.yregTrain)).toBeCloseTo(1, 12);
  });
});
