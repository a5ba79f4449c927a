import { describe, expect, it } from 'vitest';
import { TSNE, tsneJointProbabilities } from '../../src/ml/decomposition/index.ts';
import tsne from './fixtures/tsne.json';
import sklearnP from './fixtures/tsne-affinities.json';

describe('tsneJointProbabilities', () => {
  it('equals scikit-learn\'s _joint_probabilities at perplexity 5 and 15', () => {
    for (const perplexity of [5, 15] as const) {
      const ours = tsneJointProbabilities(tsne.X, perplexity);
      const theirs = sklearnP[String(perplexity) as '5' | '15'];
      ours.forEach((row, i) => row.forEach((p, j) => expect(Math.abs(p - theirs[i][j])).toBeLessThanOrEqual(1e-9)));
    }
  });

  it('names a perplexity too large for the data', () => {
    expect(() => tsneJointProbabilities(tsne.X.slice(0, 10), 10)).toThrow(/tsneJointProbabilities: perplexity \(10\) must be less than the number of rows \(10\)/);
  });
});

describe('TSNE.steps for a stepper', () => {
  const steps = [...new TSNE({ perplexity: 15, init: 'random', seed: 1, nIter: 400, yieldEvery: 25 }).steps(tsne.X)];

  it('reports the early-exaggeration phase for the first 250 iterations and the main phase after', () => {
    expect(steps.map((s) => s.iteration)).toEqual(Array.from({ length: 16 }, (_, i) => 25 * (i + 1)));
    expect(steps.filter((s) => s.phase === 'early-exaggeration').map((s) => s.iteration).at(-1)).toBe(250);
    expect(steps.filter((s) => s.phase === 'main').map((s) => s.iteration)[0]).toBe(275);
  });

  it('gives each step its own copy of the embedding, with a finite KL divergence', () => {
    steps.forEach((s) => {
      expect(s.embedding).toHaveLength(tsne.X.length);
      expect(Number.isFinite(s.klDivergence)).toBe(true);
    });
    // A snapshot is not overwritten by later iterations: the first equals a run stopped there.
    const firstOnly = new TSNE({ perplexity: 15, init: 'random', seed: 1, nIter: 400, yieldEvery: 25 }).steps(tsne.X).next();
    expect(firstOnly.done).toBe(false);
    expect(steps[0].embedding).toEqual(firstOnly.value!.embedding);
    expect(steps[0].embedding).not.toEqual(steps[steps.length - 1].embedding);
  });
});
