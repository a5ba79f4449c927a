import { describe, expect, it } from 'vitest';
import { allMarkdown, figure, markdown, notebookRunner, numberAfter, traceNamed } from './report-queries.ts';
import type { Figure } from '../../src/plot/figure.ts';
import reference from '../ml/fixtures/retrieval.json';

// Three runs in all: the defaults (windows of 30 words, overlap 10, LSA d = 10: the fixture's first
// setting), the scoring controls moved, and the chunking moved to the fixture's second setting.
const run = notebookRunner('retrieval');
const [defaults, windows50] = reference.settings;
const questions = ['how tight should the stem bolts be', 'which way does the left pedal turn', 'what tyre pressure should I use',
  'how long does the battery take to charge', 'can I charge it in a freezing garage', 'how should I store the battery over winter',
  'what is the top speed with motor help', 'how do I push the bike up a ramp', 'how do I reset the trip counter',
  'can I use a pressure washer to clean it', 'the display says E21', 'the motor stops working when climbing a hill', 'my brakes squeal',
  'is the battery covered by the warranty', 'where do I find the frame number', 'when is the first service due'];
const scoring = { retriever: 'TF-IDF', question: 'the display says E21', k: 5, k1: 1.2, b: 0, sweepOverlap: false };
const chunking = { chunkSize: 50, overlap: 0, lsaDims: 5, retriever: 'LSA' };

/** The ranking figure's score of every chunk (chunk numbers are 1-based on its x axis). */
function chunkScores(chart: Figure): number[] {
  const scores: number[] = [];
  for (const trace of chart.data) (trace.x as number[]).forEach((x, i) => { scores[x - 1] = (trace.y as number[])[i]; });
  return scores;
}

/** The reference's rank of question q's answer (Infinity when no chunk holds it). */
const rankOf = (ranks: (number | null)[], q: number) => ranks[q] ?? Infinity;

describe('notebooks/retrieval.md', () => {
  it("cuts the windows the reference cuts and marks the answers a boundary cuts", async () => {
    expect(figure(await run(), 'Rank of the answer').data).toHaveLength(3);
    const cutByDefault = defaults.relevant.filter((r) => r.length === 0).length;
    expect(figure(await run(), `${defaults.chunks.length} chunks; ${cutByDefault} of 16 answers cut`)).toBeDefined();
    const cut = windows50.relevant.flatMap((r, q) => (r.length === 0 ? [q] : []));
    expect(cut.length).toBeGreaterThan(0);
    const report = await run(chunking);
    const chart = figure(report, `${windows50.chunks.length} chunks; ${cut.length} of 16 answers cut by a boundary`);
    // Each cut answer is one segment of the red trace: [from, to, null] per answer.
    expect((traceNamed(chart, 'answer cut by a boundary').x as unknown[]).length).toBe(3 * cut.length);
    expect(markdown(report, 'Windows of 50 words')).toContain(`give **${windows50.chunks.length}** chunks`);
  }, 120_000);

  it("scores the chunks as scikit-learn's TF-IDF, the numpy BM25 and the numpy LSA do", async () => {
    const freezing = questions.indexOf('can I charge it in a freezing garage');
    const bm25 = figure(await run(), `BM25: the answer's first chunk ranks ${rankOf(defaults.quality.BM25.firstRank, freezing)} of ${defaults.chunks.length}`);
    chunkScores(bm25).forEach((s, i) => expect(s, `chunk ${i + 1}`).toBeCloseTo(defaults.bm25[freezing][i], 10));

    const e21 = questions.indexOf('the display says E21');
    const report = await run(scoring);
    const tfidf = figure(report, `TF-IDF: the answer's first chunk ranks ${rankOf(defaults.quality['TF-IDF'].firstRank, e21)} of`);
    chunkScores(tfidf).forEach((s, i) => expect(s, `chunk ${i + 1}`).toBeCloseTo(defaults.tfidfCosine[e21][i], 10));
    // k1 = 1.2, b = 0: the per-term bars add up to the reference's BM25 of the top chunks.
    const parts = figure(report, 'BM25 score of the top 5 chunks');
    const stacked = (parts.data[0].y as number[]).map((_, c) => parts.data.reduce((s, t) => s + (t.y as number[])[c], 0));
    const top = [...defaults.bm25K1_1_2B0[e21]].sort((a, b) => b - a).slice(0, 5);
    stacked.forEach((s, c) => expect(s).toBeCloseTo(top[c], 10));

    const lsa = figure(await run(chunking), `LSA: the answer's first chunk ranks ${rankOf(windows50.quality.LSA.firstRank, freezing)} of ${windows50.chunks.length}`);
    chunkScores(lsa).forEach((s, i) => expect(s, `chunk ${i + 1}`).toBeCloseTo(windows50.lsaCosine[freezing][i], 8));
    expect(allMarkdown(await run())).toContain(`ranks **${rankOf(defaults.quality['TF-IDF'].firstRank, freezing)}** under TF-IDF, **${rankOf(defaults.quality.BM25.firstRank, freezing)}** under BM25, **${rankOf(defaults.quality.LSA.firstRank, freezing)}** under LSA`);
  }, 120_000);

  it('the table of hit@k and MRR is the reference\'s, per retriever, and the bars give each question\'s rank', async () => {
    // The scoring run moves BM25's k1 and b away from the reference's, so its BM25 row is not compared.
    const all = ['TF-IDF', 'BM25', 'LSA'] as const;
    for (const [controls, setting, k, names] of [[{}, defaults, 3, all], [scoring, defaults, 5, ['TF-IDF', 'LSA']], [chunking, windows50, 3, all]] as const) {
      const report = await run(controls);
      const table = markdown(report, '| retriever | hit@1 |');
      for (const name of names) {
        const q = setting.quality[name];
        expect(table).toContain(`| ${name} | ${q.hitAt[1].toFixed(2)} | ${q.hitAt[k].toFixed(2)} | ${q.mrr.toFixed(2)} |`);
        const bars = traceNamed(figure(report, 'Rank of the answer per question'), name).x as number[];
        expect(bars).toEqual(q.firstRank.map((r) => (r === null ? 15 : Math.min(r, 15))));
      }
    }
  }, 120_000);

  it('the sweep without overlap scores 50-word windows as the reference does; hand-written BM25 agrees with the library', async () => {
    const report = await run(scoring);
    const sweep = figure(report, 'hit@5 against chunk size, no overlap');
    const at50 = (sweep.data[0].x as number[]).indexOf(50);
    expect(traceNamed(sweep, 'TF-IDF').y as number[]).toHaveProperty(String(at50), windows50.quality['TF-IDF'].hitAt[5]);
    expect((traceNamed(sweep, 'BM25').y as number[])[at50]).toBeCloseTo(windows50.quality.BM25.hitAt[5], 12);
    for (const controls of [{}, scoring]) expect(numberAfter(await run(controls), 'largest difference')).toBeLessThan(1e-9);
    // The prompt holds the k retrieved chunks and says whether the answer is among them.
    expect(markdown(report, 'Question: the display says E21')).toMatch(/\[5\] \(/);
  }, 120_000);

  it('MMR with λ = 1 keeps the plain ranking; the default λ spreads the picks over more documents', async () => {
    const plain = markdown(await run({ lambda: 1 }), '| pick | plain top 3');
    const rows = plain.split('\n').filter((l) => /^\| \d/.test(l));
    expect(rows).toHaveLength(3);
    rows.forEach((row) => { const [, , a, b] = row.split('|').map((cell) => cell.trim()); expect(a).toBe(b); });
    const spread = markdown(await run(), '| pick | plain top 3');
    expect(spread).toContain('The plain top 3 come from **1** document(s)');
    expect(spread).toContain("MMR's from **3**");
  }, 120_000);
});
