import { describe, expect, it } from 'vitest';
import { TfidfVectorizer, corpora, cosineSimilarity } from '../../src/ml/index.ts';

describe('corpora', () => {
  it('corpora.spamHam has ~60 unique labelled messages, balanced between spam and ham', () => {
    const { texts, labels, labelNames } = corpora.spamHam;
    expect(texts.length).toBe(60);
    expect(labels).toHaveLength(texts.length);
    expect(new Set(texts).size).toBe(texts.length);
    expect(labels.filter((l) => l === 1)).toHaveLength(30);
    expect(labelNames).toEqual(['ham', 'spam']);
  });

  it('corpora.spamHam is separable by TF-IDF nearest centroid, left-one-out accuracy ≥ 85 %', () => {
    const { texts, labels } = corpora.spamHam;
    let correct = 0;
    texts.forEach((_, held) => {
      const train = texts.filter((__, i) => i !== held);
      const trainLabels = labels.filter((__, i) => i !== held);
      const vec = new TfidfVectorizer({ stopWords: 'english' });
      const X = vec.fitTransform(train);
      const centroid = (c: number) => {
        const rows = X.filter((__, i) => trainLabels[i] === c);
        return rows[0].map((__, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
      };
      const [sims] = cosineSimilarity(vec.transform([texts[held]]), [centroid(0), centroid(1)]);
      if ((sims[1] > sims[0] ? 1 : 0) === labels[held]) correct++;
    });
    expect(correct / texts.length).toBeGreaterThanOrEqual(0.85);
  });

  it('corpora.queries retrieve their relevant passage first by TF-IDF cosine similarity', () => {
    const { passages, queries } = corpora;
    expect(passages.length).toBe(20);
    const vec = new TfidfVectorizer({ stopWords: 'english' });
    const P = vec.fitTransform(passages.map((p) => `${p.title}. ${p.text}`));
    const S = cosineSimilarity(vec.transform(queries.map((q) => q.text)), P);
    queries.forEach((q, i) => {
      const best = S[i].indexOf(Math.max(...S[i]));
      expect(passages[best].title, q.text).toBe(passages[q.relevant].title);
    });
  });

  it('corpora.embeddingSentences and corpora.charText have the advertised size and alphabet', () => {
    expect(corpora.embeddingSentences.length).toBe(40);
    expect(corpora.charText.length).toBeGreaterThan(3000);
    expect(new Set(corpora.charText).size).toBeLessThan(40); // a small alphabet for a tiny model
  });
});
