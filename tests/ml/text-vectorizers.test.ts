import { describe, expect, it } from 'vitest';
import { CountVectorizer, TfidfTransformer, TfidfVectorizer, cosineSimilarity, wordNgrams } from '../../src/ml/index.ts';
import fixture from './fixtures/vectorizers.json';

type Case = {
  name: string;
  kind: 'count' | 'tfidf';
  params: Record<string, unknown>;
  features: string[];
  vocabulary: Record<string, number>;
  X: number[][];
  Xnew: number[][];
  idf?: number[];
};

function expectClose(actual: number[][], expected: number[][], tol: number, label: string): void {
  expect(actual.length, label).toBe(expected.length);
  let worst = 0;
  actual.forEach((row, i) => {
    expect(row.length, label).toBe(expected[i].length);
    row.forEach((v, j) => { worst = Math.max(worst, Math.abs(v - expected[i][j])); });
  });
  expect(worst, label).toBeLessThanOrEqual(tol);
}

const cases = fixture.cases as unknown as Case[];

describe('CountVectorizer and TfidfVectorizer against scikit-learn', () => {
  for (const c of cases) {
    it(`${c.kind === 'count' ? 'CountVectorizer' : 'TfidfVectorizer'}.fitTransform matches scikit-learn (${c.name}) at 1e-12`, () => {
      const vec = c.kind === 'count' ? new CountVectorizer(c.params) : new TfidfVectorizer(c.params);
      const X = vec.fitTransform(fixture.docs);
      expect(vec.getFeatureNamesOut()).toEqual(c.features);
      expect(vec.vocabulary).toEqual(c.vocabulary);
      expectClose(X, c.X, 1e-12, 'fitTransform');
      expectClose(vec.transform(fixture.newDocs), c.Xnew, 1e-12, 'transform of unseen documents');
      if (c.idf) expectClose([(vec as TfidfVectorizer).idf!], [c.idf], 1e-12, 'idf');
      else if (vec instanceof TfidfVectorizer) expect(vec.idf).toBeUndefined();
    });
  }

  it('CountVectorizer.fit then transform equals fitTransform', () => {
    const a = new CountVectorizer({ ngramRange: [1, 2] });
    expect(a.fit(fixture.docs).transform(fixture.docs)).toEqual(new CountVectorizer({ ngramRange: [1, 2] }).fitTransform(fixture.docs));
  });

  it('CountVectorizer.stopWords lists the terms pruned by minDf', () => {
    const vec = new CountVectorizer({ minDf: 2 });
    vec.fit(['red apple', 'red pear', 'green pear']);
    expect(vec.getFeatureNamesOut()).toEqual(['pear', 'red']);
    expect(vec.stopWords).toEqual(['apple', 'green']);
  });

  it('TfidfVectorizer rows have unit l2 norm and equal TfidfTransformer on the counts', () => {
    const X = new TfidfVectorizer().fitTransform(fixture.docs);
    for (const row of X) expect(Math.hypot(...row)).toBeCloseTo(1, 14);
    const counts = new CountVectorizer().fitTransform(fixture.docs);
    expectClose(new TfidfTransformer().fitTransform(counts), X, 1e-15, 'two-step pipeline');
  });

  it('wordNgrams lists all n-grams of the smaller size first', () => {
    expect(wordNgrams(['a', 'b', 'c'], [1, 2])).toEqual(['a', 'b', 'c', 'a b', 'b c']);
    expect(wordNgrams(['a', 'b'], [3, 3])).toEqual([]);
  });
});

describe('vectorizer errors', () => {
  it('CountVectorizer.transform before fit says to call fit first', () => {
    expect(() => new CountVectorizer().transform(['a b'])).toThrow(/CountVectorizer.transform: this estimator is not fitted yet/);
    expect(() => new TfidfVectorizer().getFeatureNamesOut()).toThrow(/TfidfVectorizer.getFeatureNamesOut: .*not fitted/);
  });

  it('CountVectorizer.fit explains an empty vocabulary and over-pruning', () => {
    expect(() => new CountVectorizer({ stopWords: 'english' }).fit(['the and of', 'a b c'])).toThrow(/empty vocabulary/);
    expect(() => new TfidfVectorizer({ minDf: 3 }).fit(['red apple', 'red pear', 'green fig'])).toThrow(/TfidfVectorizer.fit: after pruning, no terms remain/);
  });

  it('CountVectorizer.fit rejects bad options with the allowed values', () => {
    const docs = ['red apple', 'red pear'];
    expect(() => new CountVectorizer({ ngramRange: [2, 1] }).fit(docs)).toThrow(/ngramRange must be \[min, max\] with 1 ≤ min ≤ max, got \[2,1\]/);
    expect(() => new CountVectorizer({ minDf: 1.5 }).fit(docs)).toThrow(/minDf must be a proportion in \[0, 1\) or a whole number/);
    expect(() => new CountVectorizer({ maxDf: 0.1, minDf: 2 }).fit(docs)).toThrow(/maxDf \(0.1\) allows fewer documents than minDf \(2\)/);
    expect(() => new CountVectorizer({ stopWords: 'french' as 'english' }).fit(docs)).toThrow(/stopWords must be one of 'english', got "french"/);
    expect(() => new CountVectorizer({ maxFeatures: 0 }).fit(docs)).toThrow(/maxFeatures must be a whole number ≥ 1 or null/);
    expect(() => new TfidfVectorizer({ norm: 'l3' as 'l2' }).fit(docs)).toThrow(/TfidfVectorizer.fit: norm must be one of 'l2', 'l1'/);
  });

  it('TfidfTransformer checks that it was fitted and that the column count matches', () => {
    expect(() => new TfidfTransformer().transform([[1, 0]])).toThrow(/TfidfTransformer.transform: this estimator is not fitted yet/);
    const t = new TfidfTransformer().fit([[1, 0], [2, 1]]);
    expect(() => t.transform([[1, 0, 3]])).toThrow(/counts has 3 columns but fit saw 2/);
    expect(t.idf![0]).toBeCloseTo(1, 15); // in every document: ln(3/3) + 1
    expect(t.idf![1]).toBeCloseTo(Math.log(3 / 2) + 1, 15);
  });

  it('CountVectorizer.fit rejects a single string and non-string documents', () => {
    expect(() => new CountVectorizer().fit('red apple' as unknown as string[])).toThrow(/got a single string; wrap it: \[text\]/);
    expect(() => new CountVectorizer().fit(['ok doc', 3 as unknown as string])).toThrow(/document 1 is number/);
  });
});

describe('cosineSimilarity', () => {
  it('cosineSimilarity of TF-IDF rows matches scikit-learn at 1e-12', () => {
    const X = new TfidfVectorizer().fitTransform(fixture.docs);
    expectClose(cosineSimilarity(X), fixture.cosine.self, 1e-12, 'X vs X');
  });

  it('cosineSimilarity of X and Y matches scikit-learn, with 0 for a zero row', () => {
    const S = cosineSimilarity(fixture.cosine.X, fixture.cosine.Y);
    expectClose(S, fixture.cosine.XY, 1e-12, 'X vs Y');
    expect(S[1]).toEqual([0, 0]);
  });

  it('cosineSimilarity rejects rows of different widths', () => {
    expect(() => cosineSimilarity([[1, 2]], [[1, 2, 3]])).toThrow(/cosineSimilarity: X rows have 2 values but Y rows have 3/);
  });
});
