import { describe, expect, it } from 'vitest';
import { makeClassification } from '../../src/ml/data/index.ts';
import { RandomForestClassifier, RandomForestRegressor } from '../../src/ml/ensemble/index.ts';
import { DecisionTreeClassifier } from '../../src/ml/tree/index.ts';

const data = makeClassification({ nSamples: 150, nFeatures: 6, nInformative: 3, seed: 4 });

describe('random forest internals', () => {
  it('RandomForestClassifier.steps gives each tree\'s bootstrap rows and out-of-bag rows, as estimatorsSamples keeps them', () => {
    const forest = new RandomForestClassifier({ nEstimators: 20, seed: 3 });
    const steps = [...forest.steps(data.X, data.y)];
    const n = data.X.length;
    steps.forEach((step, t) => {
      expect(step.bootstrapIndices).toHaveLength(n);
      expect(forest.estimatorsSamples![t]).toEqual(step.bootstrapIndices);
      const inBag = new Set(step.bootstrapIndices);
      // Out of bag: exactly the rows never drawn.
      expect(step.outOfBagIndices).toEqual(Array.from({ length: n }, (_, i) => i).filter((i) => !inBag.has(i)));
      // The root holds each distinct drawn row once, weighted by how often it was drawn.
      expect(step.tree[0].nSamples).toBe(inBag.size);
      expect(step.tree[0].weightedNSamples).toBe(n);
    });
    // A row is out of a bag with probability (1 − 1/n)ⁿ ≈ e⁻¹ ≈ 0.368.
    const oobShare = steps.reduce((s, step) => s + step.outOfBagIndices.length, 0) / (steps.length * n);
    expect(Math.abs(oobShare - (1 - 1 / n) ** n)).toBeLessThan(0.03);
  });

  it('each split reports the random feature subset tried there: √d features with maxFeatures sqrt, all of them without', () => {
    const forest = new RandomForestClassifier({ nEstimators: 5, maxFeatures: 'sqrt', seed: 1 });
    const steps = [...forest.steps(data.X, data.y)];
    const subsets = steps.flatMap((s) => s.splits.map((split) => split.featuresTried));
    expect(subsets.length).toBeGreaterThan(20);
    for (const split of steps.flatMap((s) => s.splits)) {
      expect(split.featuresTried).toHaveLength(2); // floor(√6)
      expect(new Set(split.featuresTried).size).toBe(2);
      expect(split.featuresTried).toContain(split.feature);
      for (const c of split.candidates) expect(split.featuresTried).toContain(c.feature);
    }
    // Different nodes draw different subsets.
    expect(new Set(subsets.map((s) => [...s].sort().join())).size).toBeGreaterThan(5);
    const all = [...new RandomForestRegressor({ nEstimators: 2, seed: 1 }).steps(data.X, data.y)];
    for (const split of all.flatMap((s) => s.splits)) expect(split.featuresTried).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a forest\'s tree is the DecisionTreeClassifier fitted on its bootstrap rows with its seed', () => {
    const forest = new RandomForestClassifier({ nEstimators: 3, maxDepth: 4, seed: 9 });
    const steps = [...forest.steps(data.X, data.y)];
    steps.forEach((step, t) => {
      const counts = new Array<number>(data.X.length).fill(0);
      for (const i of step.bootstrapIndices) counts[i]++;
      const seed = forest.estimators![t].params.seed;
      const alone = new DecisionTreeClassifier({ maxDepth: 4, maxFeatures: 'sqrt', seed }).fit(data.X, data.y, counts);
      expect(alone.tree).toEqual(step.tree);
    });
  });

  it('without bootstrap every tree sees every row once and nothing is out of bag', () => {
    const [step] = [...new RandomForestClassifier({ nEstimators: 1, bootstrap: false }).steps(data.X, data.y)];
    expect(step.bootstrapIndices).toEqual(data.X.map((_, i) => i));
    expect(step.outOfBagIndices).toEqual([]);
  });
});
