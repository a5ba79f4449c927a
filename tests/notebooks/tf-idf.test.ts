import { describe, expect, it } from 'vitest';
import { allMarkdown, figureTitled, markdown, notebookRunner, numberAfter, traceNamed } from './report-queries.ts';
import reference from '../ml/fixtures/text-notebooks.json';

// Two runs in all: the defaults, and every control moved at once.
const run = notebookRunner('tf-idf');
const bees = 'what is in the hive of the bees';
const moved = { ngrams: 'single words and pairs', passageTitle: 'Tides', sublinear: true, query: bees, weighting: 'counts' };

const sk = reference.tfidf;
const weightings = ['counts', 'TF-IDF', 'TF-IDF without stop words'] as const;
const titles = ['Photosynthesis', 'Volcanoes', 'Bread baking', 'Black holes', 'The heart', 'Honey bees', 'Compound interest',
  'Electric cars', 'Tides', 'Vaccines', 'Chess openings', 'Coffee', 'Rainbows', 'Recycling plastic', 'Marathon training',
  'The printing press', 'Earthquakes', 'Sleep', 'Solar panels', 'Sourdough starter'];
const answers = ['Tides', 'Volcanoes', 'Honey bees', 'Photosynthesis', 'Coffee', 'Chess openings', 'Earthquakes', 'Sleep'];

/** scikit-learn's similarities of a query to the passages, as a map from title to cosine. */
function skScores(weighting: (typeof weightings)[number], question: number): Map<string, number> {
  return new Map(sk.similarities[weighting][question].map((s, i) => [titles[i], s]));
}

/** The rank of the answer under scikit-learn's similarities, ties counted against it. */
function skRank(weighting: (typeof weightings)[number], question: number): number {
  const scores = sk.similarities[weighting][question];
  const answer = titles.indexOf(answers[question]);
  return 1 + scores.filter((s, i) => i !== answer && s >= scores[answer] - 1e-12).length;
}

describe('notebooks/tf-idf.md', () => {
  it("the count matrix is scikit-learn's, and bigrams tell the two biting sentences apart", async () => {
    const words = figureTitled(await run(), 'Counts: 4 documents');
    const columns = (chart: typeof words) => (chart.layout.xaxis as { ticktext: string[] }).ticktext;
    expect(columns(words)).toEqual(sk.toyTerms['1']);
    expect(words.data[0].z).toEqual(sk.toyCounts);
    expect(allMarkdown(await run())).toContain('have **the same** vectors');
    const pairs = figureTitled(await run(moved), 'Counts: 4 documents');
    expect(columns(pairs)).toEqual(sk.toyTerms['2']);
    expect(allMarkdown(await run(moved))).toContain('have **different** vectors');
  }, 60_000);

  it("the weights figure gives scikit-learn's TF-IDF weights, plain and sublinear, and the prose its idf", async () => {
    const report = await run(moved);
    const chart = figureTitled(report, 'Tides: counts against TF-IDF weights (sublinear tf)');
    const words = traceNamed(chart, 'TF-IDF weight, sublinear tf').y as string[];
    const weights = traceNamed(chart, 'TF-IDF weight, sublinear tf').x as number[];
    words.forEach((w, i) => expect(weights[i], w).toBeCloseTo((sk.tidesSublinearWeights as Record<string, number>)[w], 12));
    expect(words[0]).toBe('the');
    expect(numberAfter(report, 'idf **')).toBeCloseTo(sk.idf.the, 2);
    // Sublinear tf: "the" is no longer the heaviest word of the Tides passage (it is with plain tf).
    const heaviest = (w: Record<string, number>) => Object.entries(w).reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    expect(heaviest(sk.tidesWeights)).toBe('the');
    expect(heaviest(sk.tidesSublinearWeights)).not.toBe('the');
    expect(markdown(report, 'In "Tides"')).toContain(`heaviest TF-IDF weight goes to "${heaviest(sk.tidesSublinearWeights)}"`);

    const singles = Object.values(sk.idf).filter((v) => Math.abs(v - (Math.log(21 / 2) + 1)) < 1e-12).length;
    expect(figureTitled(report, 'Inverse document frequency: ').layout.title).toMatchObject({ text: `Inverse document frequency: ${singles} of ${Object.keys(sk.idf).length} words are in one passage` });
    const plain = figureTitled(await run(), 'Volcanoes: counts against TF-IDF weights');
    expect(traceNamed(plain, 'TF-IDF weight').x).toHaveLength(15);
    expect(markdown(await run(), 'In "Volcanoes"')).toContain('heaviest TF-IDF weight goes to "volcano"');
  }, 60_000);

  it("the ranking figure shows scikit-learn's cosine similarities for the chosen query and weighting", async () => {
    for (const [report, weighting, question] of [[await run(), 'TF-IDF', 0], [await run(moved), 'counts', 2]] as const) {
      const expected = skScores(weighting, question);
      const chart = figureTitled(report, `${weighting}: the answer ranks ${skRank(weighting, question)} of 20`);
      const names = chart.data[0].y as string[];
      const scores = chart.data[0].x as number[];
      names.forEach((n, i) => expect(scores[i], n).toBeCloseTo(expected.get(n)!, 12));
      // Best first.
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    // The prose: under counts the bee question finds Tides and Chess openings first.
    const counts = figureTitled(await run(moved), 'counts: the answer ranks');
    expect((counts.data[0].y as string[]).slice(0, 2)).toEqual(['Tides', 'Chess openings']);
  }, 60_000);

  it('the table of ranks is what scikit-learn gives, TF-IDF without stop words ranking the most answers first', async () => {
    const table = markdown(await run(), '| query | counts |');
    const firsts = weightings.map((w) => sk.questions.filter((_, q) => skRank(w, q) === 1).length);
    sk.questions.forEach((q, i) => expect(table).toContain(`| ${q} | ${weightings.map((w) => skRank(w, i)).join(' | ')} |`));
    expect(table).toContain(`| **answer ranked first** | ${firsts.map((f) => `**${f}** of 8`).join(' | ')} |`);
    expect(firsts[0]).toBeLessThan(firsts[1]);
    expect(firsts[1]).toBeLessThan(firsts[2]);
    // The dream question shares no word with its answer under every weighting.
    for (const w of weightings) expect(skScores(w, 7).get('Sleep')).toBe(0);
  }, 60_000);

  it('the hand-written TF-IDF and cosine agree with the library', async () => {
    const report = await run();
    expect(numberAfter(report, "(with and without sublinear tf):")).toBeLessThan(1e-12);
    expect(numberAfter(report, 'queries:')).toBeLessThan(1e-12);
  }, 60_000);
});
