import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allMarkdown, figureTitled, markdown, notebookRunner, numberAfter, titleOf, traceNamed } from './report-queries.ts';

// numpy / scipy references: tests/notebooks/fixtures/make_llm_sampling.py.
interface Perplexities { base2: number; baseE: number }
interface Distribution { n: number; prompt: string; T: number; model: number[]; tempered: number[]; entropyBits: number; topK6: number[]; topP09: number[] }
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/llm-sampling.json'), 'utf8')) as {
  alphabet: string[];
  perplexityByOrder: { n: number; train: Perplexities; heldOut: Perplexities }[];
  heldOutProbsN5: number[];
  distributions: Distribution[];
  heldOutByTemperature: Record<string, { T: number[]; perplexity: number[] }>;
  bestTemperatureByOrder: number[];
  heldOutContextCountsN8: number[];
};
const distribution = (n: number, prompt: string, T: number) => reference.distributions.find((d) => d.n === n && d.prompt === prompt && d.T === T)!;

// One notebook session; the defaults, three single moves the prose talks about, and every main control moved at once.
const run = notebookRunner('llm-sampling');
const moved = { prompt: 'the bread is ', order: 3, temperature: 0.7, topK: 6, topP: 0.9, seed: 3 };

/** Indices from the most to the least probable, ties to the lower index (as numpy's stable argsort of −p). */
const ranked = (p: number[]) => p.map((_, i) => i).sort((a, b) => p[b] - p[a] || a - b);

describe('notebooks/llm-sampling.md', () => {
  it('the main figure shows the tempered distribution of scipy\'s softmax(ln p / T), sorted by the model, with the kept set', async () => {
    const atDefaults = figureTitled(await run(), 'After "and␣": 28 of 28');
    const d = distribution(5, 'we eat bread and ', 1);
    const order = ranked(d.model);
    const bars = atDefaults.data[0].y as number[];
    order.forEach((i, r) => expect(bars[r]).toBeCloseTo(d.tempered[i], 12));
    expect(atDefaults.data[0].x).toEqual(order.map((i) => ({ ' ': '␣', '\n': '↵' })[reference.alphabet[i]] ?? reference.alphabet[i]));

    // Moved: T = 0.7, top-k 6, then top-p 0.9 of what top-k kept, renormalised.
    const m = distribution(3, 'the bread is ', 0.7);
    const top6 = m.topK6.map((i) => m.tempered[i]);
    const mass6 = top6.reduce((a, b) => a + b, 0);
    let covered = 0;
    const keptByBoth = ranked(m.tempered).slice(0, 6).filter((i) => {
      const keep = covered < 0.9 - 1e-12;
      covered += m.tempered[i] / mass6;
      return keep;
    });
    const chart = figureTitled(await run(moved), `After "s␣": ${keptByBoth.length} of 28`);
    const mOrder = ranked(m.model);
    (chart.data[0].y as number[]).forEach((q, r) => expect(q).toBeCloseTo(m.tempered[mOrder[r]], 12));
    const keptMass = keptByBoth.reduce((s, i) => s + m.tempered[i], 0);
    const dots = traceNamed(chart, 'drawn with (kept, renormalised)').y as (number | null)[];
    mOrder.forEach((i, r) => (keptByBoth.includes(i) ? expect(dots[r]).toBeCloseTo(m.tempered[i] / keptMass, 12) : expect(dots[r]).toBeNull()));
    expect(traceNamed(chart, 'model, T = 1').y).toEqual(mOrder.map((i) => expect.closeTo(m.model[i], 12)));
    expect(chart.layout.yaxis).toMatchObject({ range: [0, 1.02] });
    expect(numberAfter(await run(moved), 'Entropy of the tempered distribution:')).toBeCloseTo(m.entropyBits, 2);
    expect(numberAfter(await run(), 'Entropy of the tempered distribution:')).toBeCloseTo(d.entropyBits, 2);
  }, 60_000);

  it('the table counts what top-k and top-p keep after every prompt as numpy does, top-p more when the distribution is flatter', async () => {
    const table = markdown(await run(moved), '| prompt | entropy');
    const rows = reference.distributions.filter((d) => d.n === 3 && d.T === 0.7);
    for (const d of rows) {
      expect(table).toContain(`| \`${d.prompt.replace(/ /g, '␣')}\` | ${d.entropyBits.toFixed(2)} | 6 | ${d.topP09.length} |`);
    }
    // The prose, at the default n = 5 and T = 1 with top-p 0.9: the two prompts ending in a space keep more
    // than the two ending inside a word, and the highest-entropy prompt keeps the most.
    const atDefaults = reference.distributions.filter((d) => d.n === 5 && d.T === 1);
    const afterSpace = atDefaults.filter((d) => d.prompt.endsWith(' ')).map((d) => d.topP09.length);
    const insideWord = atDefaults.filter((d) => !d.prompt.endsWith(' ')).map((d) => d.topP09.length);
    expect(afterSpace).toHaveLength(2);
    expect(Math.min(...afterSpace)).toBeGreaterThan(Math.max(...insideWord));
    for (const k of insideWord) {
      expect(k).toBeGreaterThanOrEqual(1);
      expect(k).toBeLessThanOrEqual(3);
    }
    const flattest = atDefaults.reduce((a, b) => (b.entropyBits > a.entropyBits ? b : a));
    expect(flattest.topP09.length).toBe(Math.max(...atDefaults.map((d) => d.topP09.length)));
  }, 60_000);

  it('held-out perplexity is 2^H in bits and e^H in nats, both equal to numpy\'s, and the surprise bars are −log₂ p', async () => {
    for (const [controls, n] of [[{}, 5], [moved, 3]] as const) {
      const report = await run(controls);
      const { heldOut } = reference.perplexityByOrder[n - 1];
      expect(numberAfter(report, 'Perplexity $2^H$ =')).toBeCloseTo(heldOut.base2, 4);
      expect(numberAfter(report, '$e^{H_{\\text{nats}}}$ =')).toBeCloseTo(heldOut.baseE, 4);
      expect(numberAfter(report, 'bits =')).toBeCloseTo(Math.log(heldOut.baseE), 4);
    }
    const surprise = figureTitled(await run(), 'Surprise per character, n = 5');
    const firstLine = 'the fox sleeps by the fire in the winter.\n';
    expect(surprise.data[0].y).toEqual(reference.heldOutProbsN5.slice(0, firstLine.length).map((p) => expect.closeTo(-Math.log2(p), 9)));
    expect(titleOf(figureTitled(await run(moved), 'Surprise per character'))).toContain('n = 3');
    // The prose: the first character of a word costs the most bits, the rest of a word little.
    const heldOut = readFileSync(join(import.meta.dirname, '../../src/ml/text/corpora/char-text.ts'), 'utf8').split('charHeldOut = `')[1].split('`')[0];
    const bits = reference.heldOutProbsN5.map((p) => -Math.log2(p));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const isLetter = (c: string) => /[a-z]/.test(c);
    const wordStarts = bits.filter((_, i) => isLetter(heldOut[i]) && (i === 0 || !isLetter(heldOut[i - 1])));
    const insideWords = bits.filter((_, i) => isLetter(heldOut[i]) && i > 0 && isLetter(heldOut[i - 1]));
    expect(mean(wordStarts)).toBeGreaterThan(3 * mean(insideWords));
  }, 60_000);

  it('the perplexity curves against n and T follow numpy\'s, and the prose names their minima', async () => {
    const report = await run();
    const byOrder = figureTitled(report, 'Perplexity against context length');
    expect(traceNamed(byOrder, 'training text').y).toEqual(reference.perplexityByOrder.map((p) => expect.closeTo(p.train.base2, 9)));
    const heldOut = reference.perplexityByOrder.map((p) => p.heldOut.base2);
    expect(traceNamed(byOrder, 'held-out text').y).toEqual(heldOut.map((p) => expect.closeTo(p, 9)));
    const best = heldOut.indexOf(Math.min(...heldOut)) + 1;
    expect(numberAfter(report, 'Held-out perplexity is lowest at $n$ =')).toBe(best);
    expect(traceNamed(figureTitled(await run(moved), 'Perplexity against context length'), 'n = 3').y).toEqual([
      expect.closeTo(reference.perplexityByOrder[2].train.base2, 9), expect.closeTo(heldOut[2], 9)]);
    // The prose: training perplexity falls with every n; held-out rises after its minimum.
    reference.perplexityByOrder.slice(1).forEach((p, i) => expect(p.train.base2).toBeLessThan(reference.perplexityByOrder[i].train.base2));
    heldOut.slice(best).forEach((p, i) => expect(p).toBeGreaterThan(heldOut[best - 1 + i]));
    // The prose: most long contexts of new text were seen a few times (here ≤ 3) or never.
    const contextCounts = reference.heldOutContextCountsN8;
    expect(contextCounts.filter((c) => c <= 3).length).toBeGreaterThan(contextCounts.length / 2);
    expect(contextCounts.filter((c) => c === 0).length).toBeGreaterThan(0);

    for (const [controls, n] of [[{}, 5], [moved, 3]] as const) {
      const r = await run(controls);
      const curve = figureTitled(r, `Held-out perplexity against temperature, n = ${n}`);
      expect(curve.data[0].y).toEqual(reference.heldOutByTemperature[n].perplexity.map((p) => expect.closeTo(p, 9)));
      expect(numberAfter(r, 'the held-out perplexity is lowest at $T$ =')).toBeCloseTo(reference.bestTemperatureByOrder[n - 1], 9);
    }
    // The prose: from n = 3 on, each extra character of context raises the best T.
    reference.bestTemperatureByOrder.slice(3).forEach((T, i) => expect(T).toBeGreaterThan(reference.bestTemperatureByOrder[2 + i]));
  }, 60_000);

  it('seeded samples: T = 0.1 invents no word but repeats, T = 3 invents most, top-p 0.9 invents fewer than no filter', async () => {
    const counts = async (controls: Record<string, number>) => {
      const r = await run(controls);
      return { words: numberAfter(r, 'Words in the samples:'), distinct: numberAfter(r, 'of which'), invented: numberAfter(r, 'not in the training text:') };
    };
    const base = await counts({});
    const cold = await counts({ temperature: 0.1 });
    const hot = await counts({ temperature: 3 });
    const nucleus = await counts({ topP: 0.9 });
    expect(cold.invented).toBe(0);
    expect(cold.distinct / cold.words).toBeLessThan(base.distinct / base.words);
    expect(hot.invented).toBeGreaterThan(hot.words / 2);
    expect(nucleus.invented).toBeLessThan(base.invented);
    expect(base.invented).toBeLessThan(base.words / 4);
    const samples = markdown(await run(), 'Seed 0:');
    expect(samples).toContain('Seed 0:\n\n> **we eat bread and** ');
    expect(markdown(await run(moved), 'Seed 3:')).toContain('Seed 5:');
  }, 60_000);

  it('the hand-written temperature, top-k, top-p, perplexity and sampling agree with the library', async () => {
    for (const controls of [{}, moved]) {
      const report = await run(controls);
      const text = allMarkdown(report);
      expect(numberAfter(report, '`softmaxWithTemperature`:')).toBeLessThan(1e-15);
      expect(numberAfter(report, 'from `topKFilter`:')).toBeLessThan(1e-15);
      expect(numberAfter(report, 'from `topPFilter`:')).toBeLessThan(1e-15);
      expect(numberAfter(report, 'The library\'s `perplexity` of the held-out text:')).toBe(numberAfter(report, '(by hand'));
      expect(text).toContain('drawn with `sampleFrom` is **the same** text');
    }
  }, 60_000);
});
