import { describe, expect, it } from 'vitest';
import { allMarkdown, boldNumbers, figureTitled, figureWithPanel, markdown, notebookRunner, numberAfter, titleOf, traceNamed } from './report-queries.ts';
import reference from './fixtures/word-embeddings.json';

// Two runs in all: the defaults, and every control moved at once.
const run = notebookRunner('word-embeddings');
const moved = { countWindow: 4, epoch: 10, word: 'cow', pcaView: 'PC2 × PC3', analogyA: 'boy', analogyB: 'prince', analogyC: 'girl', excludeInputs: false };

const people = ['king', 'queen', 'prince', 'princess', 'man', 'woman', 'boy', 'girl'];
const columns = reference.contextWords;
const index = new Map(reference.vocabulary.map((w, i) => [w, i]));
type Pair = [string, number];
/** The 8 nearest words of each selectable word at epochs 50 and 10, as [word, cosine]. */
const neighbours = reference.neighbours as unknown as Record<'50' | '10', Record<string, Pair[]>>;

/** The columns where two people rows of the count matrix differ. */
function differingColumns(window: '2', a: string, b: string): string[] {
  const rows = reference.counts[window];
  const [ra, rb] = [rows[people.indexOf(a)], rows[people.indexOf(b)]];
  return columns.filter((_, j) => ra[j] !== rb[j]);
}

/** scikit-learn's PCA coordinates of `words` on component `pc`, flipped to the notebook's sign. */
function expectCoordinates(drawn: number[], words: string[], projections: number[][], pc: number) {
  const expected = words.map((w) => projections[index.get(w)!][pc]);
  const sign = Math.sign(drawn[0]) === Math.sign(expected[0]) ? 1 : -1;
  drawn.forEach((x, i) => expect(x, words[i]).toBeCloseTo(sign * expected[i], 9));
}

describe('notebooks/word-embeddings.md', () => {
  it('the heatmap counts the context pairs as counted from the corpus in Python, and the prose reads them right', async () => {
    for (const [report, window] of [[await run(), '2'], [await run(moved), '4']] as const) {
      const chart = figureTitled(report, `Context counts, window c = ${window}`);
      expect(chart.data[0].z).toEqual(reference.counts[window]);
      const cosines = reference.rowCosines[window];
      expect(boldNumbers(markdown(report, 'the count rows of king and queen'))).toEqual(
        [cosines['king~queen'], cosines['king~man'], cosines['king~cow']].map((c) => Number(c.toFixed(2))));
    }
    // The prose at c = 2: king and queen differ only in the pronouns, king and prince in old / young
    // (and works / plays), king and man in royal / village.
    expect(differingColumns('2', 'king', 'queen')).toEqual(['he', 'his', 'she', 'her']);
    expect(differingColumns('2', 'king', 'prince')).toEqual(expect.arrayContaining(['old', 'young']));
    expect(differingColumns('2', 'king', 'prince')).not.toContain('royal');
    expect(differingColumns('2', 'king', 'man')).toEqual(expect.arrayContaining(['royal', 'village']));
    expect(differingColumns('2', 'king', 'man')).not.toContain('old');
    // Crown, throne, coat and farm only count with a wider window.
    const far = ['crown', 'throne', 'coat', 'farm'].map((c) => columns.indexOf(c));
    expect(reference.counts['2'].every((row) => far.every((j) => row[j] === 0))).toBe(true);
    expect(reference.counts['4'].some((row) => far.some((j) => row[j] > 0))).toBe(true);
  }, 60_000);

  it('the hand-written skip-gram gives the library\'s vectors exactly, and the prose its losses', async () => {
    const report = await run();
    expect(allMarkdown(report)).toContain('Same vocabulary order: **yes**');
    expect(numberAfter(report, "hand-written vectors and `SkipGram`'s:")).toBe(0);
    expect(numberAfter(report, 'Words whose 5 nearest neighbours differ:')).toBe(0);
    expect(numberAfter(report, 'analogies answered differently:')).toBe(0);
    const summary = markdown(report, 'pairs per epoch');
    expect(boldNumbers(summary)).toEqual([reference.vocabulary.length, 1648, Number((6 * Math.LN2).toFixed(2)),
      Number(reference.losses[0].toFixed(2)), Number(reference.losses[49].toFixed(2))]);
    // Training does not run again when a control moves: the losses drawn are the same in both runs.
    const losses = (r: typeof report) => traceNamed(figureWithPanel(r, 'Training loss'), 'mean loss per pair').y as number[];
    expect(losses(report)).toEqual(reference.losses);
    expect(losses(await run(moved))).toEqual(reference.losses);
  }, 60_000);

  it("the main figure is scikit-learn's PCA of the unit vectors at the chosen epoch, on fixed axes", async () => {
    const last = figureTitled(await run(), 'Epoch 50: 98 word vectors on PC1 × PC2');
    const tenth = figureTitled(await run(moved), 'Epoch 10: 98 word vectors on PC2 × PC3');
    const people = traceNamed(last, 'people');
    expectCoordinates(people.x as number[], people.text as string[], reference.pca.final, 0);
    expectCoordinates(people.y as number[], people.text as string[], reference.pca.final, 1);
    const animals = traceNamed(tenth, 'animals');
    expectCoordinates(animals.x as number[], animals.text as string[], reference.pca.epoch10, 1);
    expectCoordinates(animals.y as number[], animals.text as string[], reference.pca.epoch10, 2);
    expect(last.layout.xaxis).toMatchObject({ range: (tenth.layout.xaxis as { range: number[] }).range });
    const percent = reference.pca.explainedVarianceRatio.map((r) => (100 * r).toFixed(0));
    expect((last.layout.xaxis as { title: { text: string } }).title.text).toBe(`PC1 (${percent[0]} % of variance)`);
    const prose = markdown(await run(), 'The first two components keep');
    const [first, second, third] = reference.pca.explainedVarianceRatio.map((r) => 100 * r);
    expect(prose).toContain(`**${(first + second).toFixed(0)} %**`);
    expect(prose).toContain(`**${(first + second + third).toFixed(0)} %**`);
  }, 60_000);

  it("the nearest-neighbour bars are scikit-learn's cosine similarities at the chosen epoch", async () => {
    for (const [report, word, epoch] of [[await run(), 'king', '50'], [await run(moved), 'cow', '10']] as const) {
      const bars = figureWithPanel(report, `Nearest to ${word} at epoch ${epoch}`).data[0];
      const expected = neighbours[epoch][word];
      expect(bars.y).toEqual(expected.map(([w]) => w));
      (bars.x as number[]).forEach((s, i) => expect(s).toBeCloseTo(expected[i][1], 12));
    }
    // The prose: king's nearest word is queen, a substitute, not crown, a word next to it.
    const king = neighbours['50'].king;
    expect(king[0][0]).toBe('queen');
    expect(king.map(([w]) => w)).not.toContain('crown');
    expect(markdown(await run(), 'After 50 epochs')).toContain(`king → ${king.slice(0, 3).map(([w, s]) => `${w} (${s.toFixed(2)})`).join(', ')}`);
  }, 60_000);

  it('the groups panel and the prose agree: the cloud collapses first, then the groups pull apart and the analogies come out', async () => {
    const report = await run();
    const panel = figureWithPanel(report, 'Groups and analogies');
    const across = traceNamed(panel, 'cosine across groups').y as number[];
    const within = traceNamed(panel, 'cosine within groups').y as number[];
    const solved = traceNamed(panel, 'share of the 8 analogies solved').y as number[];
    const peak = across.indexOf(Math.max(...across));
    const allFrom = solved.findIndex((_, e) => solved.slice(e).every((s) => s === 1));
    expect(boldNumbers(markdown(report, 'The cosine across groups peaks')).slice(0, 5)).toEqual(
      [Number(across[peak].toFixed(2)), peak, Number(across[50].toFixed(2)), Number(within[50].toFixed(2)), allFrom]);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(allFrom);
    expect(across[50]).toBeLessThan(within[50] - 0.1);
  }, 60_000);

  it('the analogy figure, its candidates and the table give numpy\'s answers, with and without leaving a, b, c out', async () => {
    for (const [report, key, leftOut] of [[await run(), 'man:king:woman', true], [await run(moved), 'boy:prince:girl', false]] as const) {
      const [a, b, c] = key.split(':');
      const expected = reference.analogies[key][leftOut ? 'leftOut' : 'kept'].answers as Pair[];
      figureTitled(report, `${b} − ${a} + ${c} ≈ ${expected[0][0]} (cosine ${expected[0][1].toFixed(2)})`);
      const bars = figureTitled(report, `Nearest words to ${b} − ${a} + ${c}`);
      expect(bars.data[0].y).toEqual(expected.map(([w]) => w));
      (bars.data[0].x as number[]).forEach((s, i) => expect(s).toBeCloseTo(expected[i][1], 12));
      expect(titleOf(bars).endsWith(', a, b and c left out')).toBe(leftOut);
    }
    // The analogy's plane, through a, b and c, computed with numpy's QR: the star is the fourth corner.
    for (const [report, key] of [[await run(), 'man:king:woman'], [await run(moved), 'boy:prince:girl']] as const) {
      const [a, b, c] = key.split(':');
      const plane = figureTitled(report, `${b} − ${a} + ${c} ≈`);
      const expected = (reference.planes as Record<string, { people: number[][]; target: number[] }>)[key];
      const dots = traceNamed(plane, 'people');
      (dots.x as number[]).forEach((x, i) => expect(x, people[i]).toBeCloseTo(expected.people[i][0], 9));
      (dots.y as number[]).forEach((y, i) => expect(y, people[i]).toBeCloseTo(expected.people[i][1], 9));
      const star = traceNamed(plane, `${b} − ${a} + ${c}`);
      expect((star.x as number[])[0]).toBeCloseTo(expected.target[0], 9);
      expect((star.y as number[])[0]).toBeCloseTo(expected.target[1], 9);
    }

    const table = markdown(await run(), '| $a$ : $b$ :: $c$ : ? |');
    const rows = Object.entries(reference.analogies);
    for (const [key, { expected, leftOut, kept }] of rows) {
      const [a, b, c] = key.split(':');
      const [got, similarity] = leftOut.answers[0] as Pair;
      expect(table).toContain(`| ${a} : ${b} :: ${c} : ? | ${expected} | ${got} (${similarity.toFixed(2)}) | ${(kept.answers[0] as Pair)[0]} |`);
    }
    const right = rows.filter(([, r]) => (r.leftOut.answers[0] as Pair)[0] === r.expected).length;
    const ownWord = rows.filter(([key, r]) => key.split(':').includes((r.kept.answers[0] as Pair)[0])).length;
    expect(boldNumbers(table)).toEqual([right, ownWord]);
    expect(right).toBe(8);
    // The prose: without leaving them out, king − man + woman is nearest to king itself.
    expect((reference.analogies['man:king:woman'].kept.answers[0] as Pair)[0]).toBe('king');
  }, 60_000);

  it('the offsets table gives numpy\'s cosines, offsets of one kind above offsets of two kinds', async () => {
    const table = markdown(await run(), '| offset | first | second | cosine |');
    const offsets = reference.offsets as Record<string, number>;
    expect(boldNumbers(table)).toEqual(Object.values(offsets).map((c) => Number(c.toFixed(2))));
    const same = ['royal, grown', 'royal, young', 'female, royal', 'female, common'].map((k) => offsets[k]);
    const different = ['royal against female', 'young against royal'].map((k) => offsets[k]);
    expect(Math.min(...same)).toBeGreaterThan(Math.max(...different) + 0.2);
  }, 60_000);
});
