import { describe, expect, it } from 'vitest';
import { IsolationForest, averagePathLength, isolationPathLength, isolationScores, type IsolationTree } from '../../src/ml/index.ts';
import { quantileSorted, sortedCopy } from '../../src/ml/core/quantile.ts';
import fx from './fixtures/anomaly.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

describe("isolation forest scoring against scikit-learn's, on scikit-learn's own trees (make_anomaly.py)", () => {
  it('averagePathLength is c(n) = 2H(n − 1) − 2(n − 1)/n, with c(0) = c(1) = 0 and c(2) = 1', () => {
    expectClose(fx.averagePathLength.n.map(averagePathLength), fx.averagePathLength.c, 1e-12, 'c(n)');
  });

  it('per-tree path lengths, scoreSamples, the contamination offset, decisionFunction and predict agree', () => {
    for (const c of fx.cases) {
      const trees = c.trees as IsolationTree[];
      const where = `contamination ${c.contamination}`;
      expectClose(fx.T.map((x) => trees.map((tree) => isolationPathLength(tree, x))), c.pathLengths, 1e-12, `${where} path lengths`);
      const scores = isolationScores(trees, fx.T, c.maxSamples);
      expectClose(scores, c.scoreSamples, 1e-12, `${where} scoreSamples`);
      const offset = c.contamination === 'auto' ? -0.5 : quantileSorted(sortedCopy(isolationScores(trees, fx.X, c.maxSamples)), c.contamination as number);
      expectClose(offset, c.offset, 1e-12, `${where} offset`);
      expectClose(scores.map((s) => s - offset), c.decisionFunction, 1e-12, `${where} decisionFunction`);
      expect(scores.map((s) => (s - offset < 0 ? -1 : 1))).toEqual(c.predict);
    }
  });
});

describe('IsolationForest', () => {
  const X = fx.X;

  it('grows trees as scikit-learn does: maxSamples rows each, depth at most ⌈log₂ maxSamples⌉, leaves that hold one row or sit at the depth limit', () => {
    const forest = new IsolationForest({ nEstimators: 10, maxSamples: 64, seed: 1 }).fit(X);
    expect(forest.maxSamplesUsed).toBe(64);
    for (const [t, tree] of forest.estimators!.entries()) {
      expect(new Set(forest.estimatorsSamples![t]).size).toBe(64);
      expect(tree.nSamples[0]).toBe(64);
      const depthOf = (node: number, depth: number): [number, number][] =>
        tree.left[node] === -1 ? [[node, depth]] : [...depthOf(tree.left[node], depth + 1), ...depthOf(tree.right[node], depth + 1)];
      for (const [leaf, depth] of depthOf(0, 0)) {
        expect(depth).toBeLessThanOrEqual(6);
        expect(tree.nSamples[leaf] === 1 || depth === 6).toBe(true);
      }
      // Every split sends rows both ways, and the children's counts add up.
      tree.left.forEach((l, node) => {
        if (l === -1) return;
        expect(tree.nSamples[l]).toBeGreaterThan(0);
        expect(tree.nSamples[tree.right[node]]).toBeGreaterThan(0);
        expect(tree.nSamples[l] + tree.nSamples[tree.right[node]]).toBe(tree.nSamples[node]);
      });
    }
  });

  it('scores the scattered points as more anomalous than the Gaussian core, and pathLengths average to the scores', () => {
    const forest = new IsolationForest({ seed: 0 }).fit(X);
    const scores = forest.scoreSamples(X);
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    expect(mean(scores.slice(180))).toBeLessThan(mean(scores.slice(0, 180)) - 0.1);
    const far = forest.scoreSamples([[0, 0], [8, 8]]);
    expect(far[1]).toBeLessThan(far[0]);
    const c = averagePathLength(forest.maxSamplesUsed!);
    forest.pathLengths([[0, 0], [8, 8]]).forEach((h, i) => expect(-(2 ** (-mean(h) / c))).toBeCloseTo(far[i], 12));
    // decisionPath ends at a leaf; its edges plus c(rows in the leaf) are that tree's path length.
    const nodes = forest.decisionPath([8, 8], 3);
    const tree = forest.estimators![3];
    expect(tree.left[nodes.at(-1)!]).toBe(-1);
    expect(nodes.length - 1 + averagePathLength(tree.nSamples[nodes.at(-1)!])).toBe(forest.pathLengths([[8, 8]])[0][3]);
  });

  it("contamination calls that share of the training rows anomalous; 'auto' uses the offset −0.5", () => {
    for (const contamination of [0.05, 0.1, 0.2]) {
      const forest = new IsolationForest({ contamination, seed: 2 }).fit(X);
      const flagged = forest.predict(X).filter((p) => p === -1).length;
      expect(Math.abs(flagged - contamination * X.length)).toBeLessThanOrEqual(1);
      expectClose(forest.decisionFunction(X), forest.scoreSamples(X).map((s) => s - forest.offset!), 1e-15);
    }
    expect(new IsolationForest().fit(X).offset).toBe(-0.5);
  });

  it('bad input gets a message naming what and where', () => {
    expect(() => new IsolationForest({ contamination: 0.7 }).fit(X)).toThrow(/IsolationForest\.fit: contamination must be 'auto' or a share in \(0, 0\.5\], got 0\.7/);
    expect(() => new IsolationForest({ maxSamples: -3 }).fit(X)).toThrow(/maxSamples must be 'auto', a count ≥ 1 or a fraction in \(0, 1\]/);
    expect(() => new IsolationForest({ nEstimators: 0 }).fit(X)).toThrow(/nEstimators must be an integer ≥ 1/);
    expect(() => new IsolationForest().scoreSamples(X)).toThrow(/IsolationForest\.scoreSamples: this estimator is not fitted yet/);
    expect(() => new IsolationForest().fit(X).scoreSamples([[1, 2, 3]])).toThrow(/X has 3 features but the forest was fitted on 2/);
    expect(() => new IsolationForest().fit(X).decisionPath([0, 0], 100)).toThrow(/tree must be an integer from 0 to 99, got 100/);
  });
});
