import { describe, expect, it } from 'vitest';
import { SkipGram, TfidfVectorizer, corpora, cosineSimilarity } from '../../src/ml/index.ts';

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

  it('corpora.analogySentences writes every sentence about a person in both genders', () => {
    const sentences = corpora.analogySentences;
    expect(sentences.length).toBe(60);
    expect(new Set(sentences).size).toBe(sentences.length);
    const swaps: Record<string, string> = { king: 'queen', prince: 'princess', man: 'woman', boy: 'girl', he: 'she', his: 'her' };
    for (const [male, female] of Object.entries(swaps)) swaps[female] = male;
    const people = new Set(['king', 'queen', 'prince', 'princess', 'man', 'woman', 'boy', 'girl']);
    const aboutPeople = sentences.filter((s) => s.split(' ').some((w) => people.has(w)));
    expect(aboutPeople.length).toBe(40);
    for (const s of aboutPeople) expect(sentences, s).toContain(s.split(' ').map((w) => swaps[w] ?? w).join(' '));
  });

  it('corpora.analogySentences lets SkipGram solve king − man + woman with a seed other than the notebook\'s', () => {
    const model = new SkipGram({ epochs: 50, seed: 1 }).fit(corpora.analogySentences);
    expect(model.analogy('man', 'king', 'woman')[0].word).toBe('queen');
    expect(model.analogy('boy', 'prince', 'girl')[0].word).toBe('princess');
    expect(model.mostSimilar('girl', 1)[0].word).toBe('boy');
  });

  it('corpora.charHeldOut is new text in the alphabet of corpora.charText', () => {
    const alphabet = new Set(corpora.charText);
    expect([...corpora.charHeldOut].filter((ch) => !alphabet.has(ch))).toEqual([]);
    const lines = corpora.charHeldOut.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(corpora.charText).not.toContain(line);
  });
});
