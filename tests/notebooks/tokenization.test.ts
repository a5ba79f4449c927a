import { describe, expect, it } from 'vitest';
import { BytePairEncoding, WordPiece, corpora } from '../../src/ml/index.ts';
import { allMarkdown, figureTitled, markdown, notebookRunner, numberAfter, titleOf, traceNamed } from './report-queries.ts';

// Two runs in all: the defaults, and every control moved at once.
const run = notebookRunner('tokenization');
const moved = { mergeStep: 9, newWord: 'zebra', mergesUsed: 20, compareMerges: 100 };

const docs = corpora.subwordText;
const librarySteps = [...new BytePairEncoding({ nMerges: 1000 }).steps(docs)];
const heldOut = [
  'The helpful teacher replayed the hardest game slowly.',
  'Unkind runners are careless players.',
  'Their kindest helper was playing happily.',
  'The players talked about training carefully.',
];
const tokenCount = (tokenizer: { encode(text: string): string[] }) => heldOut.reduce((n, s) => n + tokenizer.encode(s).length, 0);

describe('notebooks/tokenization.md', () => {
  it('the hand-written BPE learns the library\'s merges and splits new words as the library does', async () => {
    const report = await run();
    expect(numberAfter(report, 'learns')).toBe(librarySteps.length);
    expect(numberAfter(report, 'hand-written ones:')).toBe(0);
    expect(numberAfter(report, 'splits differing:')).toBe(0);
    expect(numberAfter(report, 'Training stops after')).toBe(librarySteps.length);
  }, 60_000);

  it('the stepper shows each merge with the pair counts that chose it, on a fixed axis', async () => {
    const first = figureTitled(await run(), 'Merge 1:');
    const tenth = figureTitled(await run(moved), 'Merge 10:');
    for (const [chart, step] of [[first, librarySteps[0]], [tenth, librarySteps[9]]] as const) {
      expect(titleOf(chart)).toBe(`Merge ${step.merge}: ${step.pair.join(' + ')} → ${step.token} (${step.count} times)`);
      expect(chart.data[0].x).toEqual(step.pairCounts.slice(0, 12).map((p) => p.count));
    }
    expect((first.layout.xaxis as { range: number[] }).range).toEqual((tenth.layout.xaxis as { range: number[] }).range);
    expect(markdown(await run(moved), 'After merge 10:')).toContain(`vocabulary **${librarySteps[9].vocabularySize}** tokens, corpus **${librarySteps[9].corpusLength}**`);
  }, 60_000);

  it('a new word is split as the library splits it, with as many merges as the slider says', async () => {
    expect(markdown(await run(), '**unhelpful** with')).toContain('`un` `helpful</w>` (**2** tokens)');
    const zebra = markdown(await run(moved), '**zebra** with 20 merges');
    const expected = new BytePairEncoding({ nMerges: 20 }).fit(docs).encode('zebra');
    expect(expected[0]).toBe('<unk>');
    expect(zebra).toContain(`${expected.map((t) => `\`${t}\``).join(' ')} (**${expected.length}** tokens)`);
  }, 60_000);

  it('the vocabulary figure follows the library\'s corpus lengths, and the dot and prose follow the slider', async () => {
    const report = await run(moved);
    const chart = figureTitled(report, 'Vocabulary size against sequence length');
    const words = 216;
    const train = traceNamed(chart, 'training corpus');
    expect((train.y as number[]).slice(1)).toEqual(librarySteps.map((s) => s.corpusLength / words));
    expect((train.x as number[]).slice(1)).toEqual(librarySteps.map((s) => s.vocabularySize));
    const heldOutCurve = traceNamed(chart, 'held-out sentences').y as number[];
    const heldOutWords = 29;
    expect(heldOutCurve[20]).toBeCloseTo(tokenCount(new BytePairEncoding({ nMerges: 20 }).fit(docs)) / heldOutWords, 12);
    expect(traceNamed(chart, '20 merges').y).toEqual([(train.y as number[])[20], heldOutCurve[20]]);
    expect(numberAfter(report, 'At 20 merges:')).toBeCloseTo((train.y as number[])[20], 2);
    // The held-out curve ends above the training one.
    expect(heldOutCurve.at(-1)!).toBeGreaterThan((train.y as number[]).at(-1)!);
    expect(allMarkdown(report)).toContain(`The corpus has **${words}** words`);
  }, 60_000);

  it('the WordPiece comparison shows the library\'s merges and token counts', async () => {
    const report = await run(moved);
    const wordPiece = [...new WordPiece({ nMerges: 100 }).steps(docs)];
    const table = markdown(report, '| merge | BPE | WordPiece |');
    expect(table).toContain(`| 1 | \`t + h\` | \`${wordPiece[0].pair.join(' + ')}\` (${wordPiece[0].count} times, score ${wordPiece[0].score.toFixed(3)}) |`);
    expect(numberAfter(report, 'held-out sentences: BPE')).toBe(tokenCount(new BytePairEncoding({ nMerges: 100 }).fit(docs)));
    expect(numberAfter(report, 'WordPiece **')).toBe(tokenCount(new WordPiece({ nMerges: 100 }).fit(docs)));
    // The prose: "t + h" is WordPiece's merge 13, and WordPiece needs more tokens at every slider setting.
    expect(wordPiece.findIndex((s) => s.pair.join(' ') === 't ##h') + 1).toBe(13);
    for (let k = 5; k <= 100; k += 5) {
      expect(tokenCount(new WordPiece({ nMerges: k }).fit(docs)), `${k} merges`).toBeGreaterThan(tokenCount(new BytePairEncoding({ nMerges: k }).fit(docs)));
    }
  }, 60_000);
});
