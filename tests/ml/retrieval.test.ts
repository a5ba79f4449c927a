import { describe, expect, it } from 'vitest';
import {
  BM25, MLInputError, TfidfVectorizer, TruncatedSVD, chunkContains, chunkDocuments, chunkParagraphs, chunkSentences, chunkWords,
  corpora, cosineSimilarity, dotScores, hitAtK, maximalMarginalRelevance, ndcgAtK, recallAtK, reciprocalRank, splitSentences, topKIndices,
} from '../../src/ml/index.ts';
import reference from './fixtures/retrieval.json';

const documents = corpora.bikeHandbook.map((d) => d.text);
const questions = corpora.bikeQuestions;

/** Everything the library computes for one fixture setting, as the notebook does it. */
function computeSetting(setting: (typeof reference.settings)[number]) {
  const chunks = chunkDocuments(documents, { by: 'words', size: setting.size, overlap: setting.overlap });
  const texts = chunks.map((c) => c.text);
  const vectorizer = new TfidfVectorizer({ stopWords: 'english' });
  const X = vectorizer.fitTransform(texts);
  const Q = vectorizer.transform(questions.map((q) => q.text));
  const svd = new TruncatedSVD({ nComponents: setting.nComponents }).fit(X);
  return { chunks, texts, vectorizer, X, Q, svd };
}

function expectRowsClose(actual: number[][], expected: number[][], digits: number) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => row.forEach((v, j) => expect(v, `[${i}][${j}]`).toBeCloseTo(expected[i][j], digits)));
}

describe('chunking', () => {
  it('chunkWords cuts the windows the reference cuts, with overlap words repeated', () => {
    for (const setting of reference.settings) {
      const chunks = chunkDocuments(documents, { by: 'words', size: setting.size, overlap: setting.overlap });
      expect(chunks.map(({ doc, start, end }) => ({ doc, start, end }))).toEqual(setting.chunks);
      chunks.forEach((c) => expect(c.text).toBe(documents[c.doc].slice(c.start, c.end)));
    }
    const chunks = chunkWords('a b c d e f g', { size: 3, overlap: 1 });
    expect(chunks.map((c) => c.text)).toEqual(['a b c', 'c d e', 'e f g']);
    // The last window stops at the last word; no window repeats only the tail of the previous one.
    expect(chunkWords('a b c d', { size: 3, overlap: 1 }).map((c) => c.text)).toEqual(['a b c', 'c d']);
  });

  it('chunkWords says what is wrong with size and overlap', () => {
    expect(() => chunkWords('a b', { size: 0, overlap: 0 })).toThrow(/size must be an integer ≥ 1/);
    expect(() => chunkWords('a b', { size: 3, overlap: 3 })).toThrow(MLInputError);
    expect(() => chunkWords('a b', { size: 3, overlap: 3 })).toThrow(/overlap must be a whole number from 0 to size − 1 = 2, got 3/);
  });

  it('splitSentences ends a sentence at . ! ? before a space, not inside "2.5"', () => {
    const text = 'Pump to 2.5 bar. Is it firm? Yes!';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['Pump to 2.5 bar.', 'Is it firm?', 'Yes!']);
  });

  it('chunkSentences packs whole sentences up to maxWords; chunkParagraphs splits at blank lines', () => {
    const text = 'One two three. Four five. Six seven eight nine ten eleven.\n\nTwelve.';
    expect(chunkSentences(text, { maxWords: 5 }).map((c) => c.text)).toEqual(['One two three. Four five.', 'Six seven eight nine ten eleven.', 'Twelve.']);
    expect(chunkParagraphs(text).map((c) => c.text)).toEqual(['One two three. Four five. Six seven eight nine ten eleven.', 'Twelve.']);
    const paragraphs = chunkDocuments(documents, { by: 'paragraphs' });
    expect(paragraphs).toHaveLength(15);
    paragraphs.forEach((c) => expect(c.text).toBe(documents[c.doc].slice(c.start, c.end)));
  });

  it("chunkContains finds the chunks that hold a question's whole answer, as the reference does", () => {
    const setting = reference.settings[0];
    const chunks = chunkDocuments(documents, { by: 'words', size: setting.size, overlap: setting.overlap });
    questions.forEach((q, i) => {
      const start = documents[q.doc].indexOf(q.answer);
      const found = chunks.flatMap((c, j) => (chunkContains(c, q.doc, start, start + q.answer.length) ? [j] : []));
      expect(found, q.text).toEqual(setting.relevant[i]);
    });
  });
});

describe('scoring against scikit-learn and numpy', () => {
  it("TF-IDF cosine of questions to chunks is scikit-learn's", () => {
    const setting = reference.settings[0];
    const { vectorizer, X, Q } = computeSetting(setting);
    expect(vectorizer.getFeatureNamesOut()).toEqual(setting.vocabulary);
    expectRowsClose(cosineSimilarity(Q, X), setting.tfidfCosine, 12);
  });

  it('BM25.score is the formula written out in numpy, for two (k1, b) settings', () => {
    const setting = reference.settings[0];
    const { texts } = computeSetting(setting);
    const bm25 = new BM25().fit(texts);
    expectRowsClose(questions.map((q) => bm25.score(q.text)), setting.bm25, 10);
    const flat = new BM25({ k1: 1.2, b: 0 }).fit(texts);
    expectRowsClose(questions.map((q) => flat.score(q.text)), setting.bm25K1_1_2B0, 10);
  });

  it("BM25.explain's per-term scores add up to the score; a repeated query term counts once", () => {
    const bm25 = new BM25().fit(documents);
    const parts = bm25.explain('battery charge battery', 1);
    expect(parts.map((p) => p.term)).toEqual(['battery', 'charge']);
    expect(parts.reduce((s, p) => s + p.score, 0)).toBeCloseTo(bm25.score('battery charge')[1], 12);
    // b = 0 ignores length; k1 = 0 counts a present term once: the score is the sum of idfs.
    const presence = new BM25({ k1: 0, b: 0 }).fit(documents);
    expect(presence.score('battery')[1]).toBeCloseTo(presence.idf('battery'), 12);
    expect(() => new BM25({ b: 2 }).fit(documents)).toThrow(/b must be a number in \[0, 1\], got 2/);
  });

  it('TruncatedSVD of a tall X (from XᵀX) and of its transpose (from XXᵀ) share singular values; components are orthonormal', () => {
    const tall = [[3, 1, 0], [1, 2, 1], [0, 1, 4], [2, 0, 1], [1, 1, 1]];
    const wide = tall[0].map((_, j) => tall.map((row) => row[j]));
    const a = new TruncatedSVD({ nComponents: 3 }).fit(tall), b = new TruncatedSVD({ nComponents: 3 }).fit(wide);
    a.singularValues!.forEach((s, i) => expect(s).toBeCloseTo(b.singularValues![i], 10));
    const V = a.components!;
    V.forEach((u, i) => V.forEach((v, j) => expect(u.reduce((s, x, f) => s + x * v[f], 0)).toBeCloseTo(i === j ? 1 : 0, 10)));
    // ‖X v_c‖ = σ_c.
    const Z = a.transform(tall);
    a.singularValues!.forEach((s, c) => expect(Math.hypot(...Z.map((z) => z[c]))).toBeCloseTo(s, 10));
    expect(() => new TruncatedSVD({ nComponents: 2 }).fit([[1, 2], [2, 4]])).toThrow(/fewer than nComponents = 2 non-zero singular values/);
  });

  it('TruncatedSVD gives numpy\'s singular values and vectors (sign rule of scikit-learn), and LSA cosines', () => {
    for (const setting of reference.settings) {
      const { X, Q, svd } = computeSetting(setting);
      svd.singularValues!.forEach((s, i) => expect(s).toBeCloseTo(setting.singularValues[i], 10));
      expectRowsClose(svd.components!, setting.components, 8);
      expectRowsClose(cosineSimilarity(svd.transform(Q), svd.transform(X)), setting.lsaCosine, 8);
    }
    expect(() => new TruncatedSVD({ nComponents: 40 }).fit([[1, 2], [3, 4]])).toThrow(/nComponents = 40 is more than min\(n_samples, n_features\) = 2/);
  });
});

describe('ranking', () => {
  it('topKIndices ranks best first and breaks ties by index; dotScores is the row·query product', () => {
    expect(topKIndices([0.2, 0.9, 0.2, 0.5], 3)).toEqual([1, 3, 0]);
    expect(topKIndices([1, 2], 5)).toEqual([1, 0]);
    expect(dotScores([1, 2], [[3, 4], [0, 1]])).toEqual([11, 2]);
    expect(() => topKIndices([1, NaN], 1)).toThrow(/NaN/);
  });

  it('hit@k and MRR of TF-IDF, BM25 and LSA over the labelled questions are the reference\'s', () => {
    for (const setting of reference.settings) {
      const { texts, X, Q, svd } = computeSetting(setting);
      const bm25 = new BM25().fit(texts);
      const lsaX = svd.transform(X), lsaQ = svd.transform(Q);
      const scorers: Record<keyof typeof setting.quality, (i: number) => number[]> = {
        'TF-IDF': (i) => cosineSimilarity([Q[i]], X)[0],
        BM25: (i) => bm25.score(questions[i].text),
        LSA: (i) => cosineSimilarity([lsaQ[i]], lsaX)[0],
      };
      for (const [name, score] of Object.entries(scorers) as [keyof typeof scorers, (i: number) => number[]][]) {
        const rankings = questions.map((_, i) => topKIndices(score(i), texts.length));
        const expected = setting.quality[name];
        for (const k of [1, 3, 5] as const) {
          const hits = rankings.map((r, i) => hitAtK(r, setting.relevant[i], k));
          expect(hits.reduce((s, h) => s + h, 0) / hits.length, `${name} hit@${k}`).toBeCloseTo(expected.hitAt[k], 12);
        }
        const mrr = rankings.reduce((s, r, i) => s + reciprocalRank(r, setting.relevant[i]), 0) / rankings.length;
        expect(mrr, `${name} MRR`).toBeCloseTo(expected.mrr, 12);
      }
    }
  });

  it("recallAtK counts the share of relevant items found; ndcgAtK is scikit-learn's ndcg_score", () => {
    expect(recallAtK([4, 2, 7, 1], [2, 1, 9], 3)).toBeCloseTo(1 / 3, 12);
    expect(recallAtK([4, 2, 7, 1], [2, 1, 9], 4)).toBeCloseTo(2 / 3, 12);
    expect(hitAtK([4, 2, 7], [7], 2)).toBe(0);
    expect(reciprocalRank([4, 2, 7], [7, 2])).toBe(0.5);
    const { gains, scores, at } = reference.ndcg;
    const ranking = topKIndices(scores, scores.length);
    for (const [k, value] of Object.entries(at)) expect(ndcgAtK(ranking, gains, Number(k)), `nDCG@${k}`).toBeCloseTo(value, 12);
    expect(() => recallAtK([1, 1], [1], 1)).toThrow(/lists an item twice/);
  });

  it('maximalMarginalRelevance picks what the reference picks; λ = 1 is the plain ranking', () => {
    const setting = reference.settings[0];
    const { X, Q, svd } = computeSetting(setting);
    const lsaX = svd.transform(X);
    const querySim = cosineSimilarity([svd.transform(Q)[0]], lsaX)[0];
    const pairSim = cosineSimilarity(lsaX);
    for (const [lambda, picks] of Object.entries(setting.mmrQuestion0)) {
      expect(maximalMarginalRelevance(querySim, pairSim, 5, Number(lambda)).map((s) => s.picked), `λ = ${lambda}`).toEqual(picks);
    }
    expect(maximalMarginalRelevance(querySim, pairSim, 5, 1).map((s) => s.picked)).toEqual(topKIndices(querySim, 5));
  });
});
