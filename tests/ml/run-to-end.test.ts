import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../src/ml/core/run-to-end.ts';

describe('runToEnd', () => {
  it('takes every step, in order, and returns what the generator returns', () => {
    const taken: number[] = [];
    function* steps(): Generator<number, string> {
      for (let i = 0; i < 3; i++) {
        taken.push(i);
        yield i;
      }
      return 'fitted';
    }
    expect(runToEnd(steps())).toBe('fitted');
    expect(taken).toEqual([0, 1, 2]);
  });

  it('gives the same model as stepping it by hand', async () => {
    const { KMeans } = await import('../../src/ml/cluster/kmeans.ts');
    const X = [[0, 0], [0, 1], [5, 5], [5, 6], [9, 0], [9, 1]];
    const stepped = new KMeans({ nClusters: 3, nInit: 1, seed: 3 });
    for (const _ of stepped.steps(X));
    const fitted = new KMeans({ nClusters: 3, nInit: 1, seed: 3 }).fit(X);
    expect(fitted.clusterCenters).toEqual(stepped.clusterCenters);
    expect(fitted.labels).toEqual(stepped.labels);
    expect(fitted.nIter).toBe(stepped.nIter);
  });
});
