import { describe, expect, it } from 'vitest';
import { rng } from '../../src/ml/core/random.ts';
import { makeMoons } from '../../src/ml/data/index.ts';
import { RandomForestClassifier } from '../../src/ml/ensemble/index.ts';
import reference from './fixtures/random-forest.json' with { type: 'json' };

/** The data of notebooks/random-forest.md, as make_random_forest.py draws it. */
const train = makeMoons({ nSamples: 200, noise: 0.4, seed: 0 });
const test = makeMoons({ nSamples: 1000, noise: 0.4, seed: 100 });
const noise = rng(7);
const withNoise = (X: number[][]) => X.map((x) => [...x, noise.normal(), noise.normal(), noise.normal()]);
const train5 = withNoise(train.X);
withNoise(test.X);
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
const seeds = [0, 1, 2, 3, 4];

describe('RandomForestClassifier on the random-forest notebook data, against scikit-learn', () => {
  it('the fixture script adds the same noise features as rng(7)', () => {
    expect(train5.slice(0, 2)).toEqual(reference.firstNoiseRows);
  });

  it('RandomForestClassifier\'s out-of-bag and test accuracy, and a single tree\'s, are within 0.03 of scikit-learn\'s means', () => {
    const forests = seeds.map((seed) => new RandomForestClassifier({ nEstimators: 100, oobScore: true, seed }).fit(train.X, train.y));
    expect(Math.abs(mean(forests.map((f) => f.oobScore!)) - reference.oobScore)).toBeLessThan(0.03);
    expect(Math.abs(mean(forests.map((f) => f.score(test.X, test.y))) - reference.testAccuracy)).toBeLessThan(0.03);
    expect(Math.abs(mean(forests[0].estimators!.map((t) => t.score(test.X, test.y))) - reference.singleTreeTestAccuracy)).toBeLessThan(0.03);
  });

  it('RandomForestClassifier\'s impurity-based importances give noise features scikit-learn\'s share, each within 0.03', () => {
    const importances = seeds.map((seed) => new RandomForestClassifier({ nEstimators: 100, seed }).fit(train5, train.y).featureImportances!);
    const meanImportances = reference.importances.map((_, f) => mean(importances.map((imp) => imp[f])));
    meanImportances.forEach((v, f) => expect(Math.abs(v - reference.importances[f])).toBeLessThan(0.03));
    const noiseShare = (imp: number[]) => imp[2] + imp[3] + imp[4];
    expect(Math.abs(noiseShare(meanImportances) - noiseShare(reference.importances))).toBeLessThan(0.03);
  });
});
