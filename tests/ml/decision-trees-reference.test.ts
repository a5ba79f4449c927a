import { describe, expect, it } from 'vitest';
import { makeMoons } from '../../src/ml/data/index.ts';
import { DecisionTreeClassifier } from '../../src/ml/tree/index.ts';
import reference from './fixtures/decision-trees.json' with { type: 'json' };

/** The data of notebooks/decision-trees.md, drawn in make_decision_trees.py with the same generator. */
const train = makeMoons({ nSamples: 200, noise: 0.4, seed: 0 });
const test = makeMoons({ nSamples: 1000, noise: 0.4, seed: 100 });

describe('DecisionTreeClassifier on the decision-trees notebook data, against scikit-learn', () => {
  it('the fixture script draws the same moons as makeMoons', () => {
    expect(train.X.slice(0, 3)).toEqual(reference.firstTrainRows);
    expect(test.X.slice(0, 3)).toEqual(reference.firstTestRows);
  });

  it('DecisionTreeClassifier makes scikit-learn\'s root split for gini and entropy, with its impurity decrease and children', () => {
    for (const criterion of ['gini', 'entropy'] as const) {
      const expected = reference.rootSplit[criterion];
      const model = new DecisionTreeClassifier({ criterion, maxDepth: 1 });
      const step = model.steps(train.X, train.y).next().value as { feature: number; threshold: number; impurityDecrease: number };
      expect(step.feature).toBe(expected.feature);
      // scikit-learn splits float32 copies of X: thresholds agree to float32 precision.
      expect(step.threshold).toBeCloseTo(expected.threshold, 6);
      expect(step.impurityDecrease).toBeCloseTo(expected.decrease, 12);
      const tree = model.fit(train.X, train.y).tree!;
      expect([tree[1].value, tree[2].value]).toEqual([expected.left, expected.right]);
    }
  });

  it('DecisionTreeClassifier has scikit-learn\'s accuracies and leaf counts at every max_depth', () => {
    const cases = [
      { expected: reference.byDepth.gini, minSamplesLeaf: 1 },
      { expected: reference.byDepth.giniMinLeaf10, minSamplesLeaf: 10 },
    ];
    for (const { expected, minSamplesLeaf } of cases) {
      for (let depth = 1; depth <= 12; depth++) {
        const model = new DecisionTreeClassifier({ maxDepth: depth, minSamplesLeaf }).fit(train.X, train.y);
        expect(model.score(train.X, train.y)).toBe(expected.train[depth - 1]);
        expect(model.getNLeaves()).toBe(expected.leaves[depth - 1]);
        // From depth 9 nodes of a few points have tied best splits, which scikit-learn breaks by a
        // random feature order: the trees fit the training set alike but cut the plane differently.
        if (minSamplesLeaf > 1 || depth <= 8) expect(model.score(test.X, test.y)).toBe(expected.test[depth - 1]);
      }
    }
  });
});
