import { describe, expect, it } from 'vitest';
import { BytePairEncoding, WordPiece, corpora } from '../../src/ml/index.ts';
import { compareCodePoints } from '../../src/ml/text/analyzer.ts';
import reference from './fixtures/subword.json';

const docs = corpora.subwordText;

// Sennrich et al.'s example corpus: low ×5, lower ×2, newest ×6, widest ×3.
const sennrich = ['low '.repeat(5) + 'lower '.repeat(2) + 'newest '.repeat(6) + 'widest '.repeat(3)];

describe('compareCodePoints', () => {
  it("compareCodePoints orders strings by code point, as Python does, where UTF-16's order differs", () => {
    // U+1F600 (a surrogate pair) sorts after U+FF01 by code point, before it by UTF-16 unit.
    const words = ['b', 'a😀', 'a！', 'a', 'ab', '😀', '😁', 'ａ'];
    expect([...words].sort(compareCodePoints)).toEqual(['a', 'ab', 'a！', 'a😀', 'b', 'ａ', '😀', '😁']);
    expect(compareCodePoints('same', 'same')).toBe(0);
  });
});

describe('BytePairEncoding', () => {
  it('BytePairEncoding.steps learns the hand-worked merges of Sennrich et al.\'s example', () => {
    const steps = [...new BytePairEncoding({ nMerges: 6 }).steps(sennrich)];
    // Counts by hand: e s occurs in newest (6) and widest (3); so does s t</w>, and "e" < "s" breaks the tie.
    // At 6, (e, w), (n, e) and (w, est</w>) tie; "e" comes first.
    expect(steps.map((s) => [s.pair.join(' '), s.count])).toEqual([
      ['e s', 9], ['es t</w>', 9], ['l o', 7], ['e w', 6], ['ew est</w>', 6], ['n ewest</w>', 6],
    ]);
    // 11 characters to start (l o w</w> w e r</w> n s t</w> i d), one token per merge.
    expect(steps.map((s) => s.vocabularySize)).toEqual([12, 13, 14, 15, 16, 17]);
    // 5·3 + 2·5 + 6·6 + 3·6 = 79 symbols; the first merge saves 6 + 3.
    expect(steps[0].corpusLength).toBe(70);
    expect(steps[0].pairCounts[0]).toEqual({ pair: ['e', 's'], count: 9 });
    expect(steps[5].words.find((w) => w.word === 'newest')!.symbols).toEqual(['newest</w>']);
  });

  it('BytePairEncoding.steps gives the reference merges, counts and corpus lengths on corpora.subwordText', () => {
    const expected = reference.bpe.at(-1)!;
    const steps = [...new BytePairEncoding({ nMerges: expected.nMerges }).steps(docs)];
    expect(steps.map((s) => ({ pair: s.pair, count: s.count, vocabularySize: s.vocabularySize, corpusLength: s.corpusLength })))
      .toEqual(expected.steps);
  });

  it('BytePairEncoding.encode splits new words as replaying the merges in order does, and decode undoes it', () => {
    for (const expected of reference.bpe) {
      const bpe = new BytePairEncoding({ nMerges: expected.nMerges }).fit(docs);
      expect(Object.keys(bpe.vocabulary!)).toEqual(expected.vocabulary);
      for (const [text, tokens] of Object.entries(expected.encodings)) expect(bpe.encode(text), text).toEqual(tokens);
    }
    const bpe = new BytePairEncoding({ nMerges: 50 }).fit(docs);
    expect(bpe.decode(bpe.encode('The slowest runners laughed.'))).toBe('the slowest runners laughed .');
    expect(bpe.encode('Zebra')[0]).toBe('<unk>');
  });

  it('BytePairEncoding stops early when no pair occurs minFrequency times', () => {
    const bpe = new BytePairEncoding({ nMerges: 1000 }).fit(docs);
    expect(bpe.merges!.length).toBe(reference.bpe.at(-1)!.steps.length);
    expect(bpe.merges!.length).toBeLessThan(1000);
  });

  it('BytePairEncoding rejects bad parameters and input with messages naming them', () => {
    expect(() => new BytePairEncoding({ nMerges: -1 }).fit(docs)).toThrow(/BytePairEncoding.fit: nMerges must be an integer ≥ 0, got -1/);
    expect(() => new BytePairEncoding({ endOfWordSuffix: '' }).fit(docs)).toThrow(/endOfWordSuffix must be a non-empty string/);
    expect(() => new BytePairEncoding().fit('a text' as unknown as string[])).toThrow(/docs must be an array of strings/);
    expect(() => new BytePairEncoding().fit(['', ' '])).toThrow(/no words to learn from/);
    expect(() => new BytePairEncoding().encode('hello')).toThrow(/BytePairEncoding.encode: this estimator is not fitted yet/);
  });
});

describe('WordPiece', () => {
  it('WordPiece.steps scores pairs by count(ab) / (count(a) count(b)) on a hand-worked corpus', () => {
    // hug ×10, pug ×5, hugs ×5, spelled h ##u ##g: h occurs 15 times, p 5, ##u 20, ##g 20, ##s 5.
    const steps = [...new WordPiece({ nMerges: 2 }).steps(['hug '.repeat(10) + 'pug '.repeat(5) + 'hugs '.repeat(5)])];
    // Pairs: h ##u 15/(15·20), p ##u 5/(5·20), ##u ##g 20/(20·20), ##g ##s 5/(20·5): all 1/20; the highest count wins.
    expect(steps[0].pair).toEqual(['##u', '##g']);
    expect(steps[0].score).toBeCloseTo(1 / 20, 15);
    expect(steps[0].token).toBe('##ug');
    // Then h ##ug: 15/(15·20) = 1/20, p ##ug 1/20, ##ug ##s 5/(20·5) = 1/20; h ##ug has the highest count.
    expect(steps[1].pair).toEqual(['h', '##ug']);
    expect(steps[1].token).toBe('hug');
  });

  it('WordPiece.steps gives the reference merges and scores on corpora.subwordText', () => {
    const expected = reference.wordpiece.at(-1)!;
    const steps = [...new WordPiece({ nMerges: expected.nMerges }).steps(docs)];
    expect(steps.map((s) => ({ pair: s.pair, token: s.token, count: s.count, score: s.score, vocabularySize: s.vocabularySize, corpusLength: s.corpusLength })))
      .toEqual(expected.steps);
  });

  it('WordPiece.encode takes the longest piece first, and a word it cannot spell becomes [UNK]', () => {
    for (const expected of reference.wordpiece) {
      const wp = new WordPiece({ nMerges: expected.nMerges }).fit(docs);
      expect(Object.keys(wp.vocabulary!)).toEqual(expected.vocabulary);
      for (const [text, tokens] of Object.entries(expected.encodings)) expect(wp.encode(text), text).toEqual(tokens);
    }
    const wp = new WordPiece({ nMerges: 50 }).fit(docs);
    expect(wp.encode('Zebra')).toEqual(['[UNK]']);
    expect(wp.decode(wp.encode('The slowest runners laughed.'))).toBe('the slowest runners laughed .');
  });

  it('WordPiece rejects bad parameters with messages naming them', () => {
    expect(() => new WordPiece({ minFrequency: 0 }).fit(docs)).toThrow(/WordPiece.fit: minFrequency must be an integer ≥ 1, got 0/);
    expect(() => new WordPiece({ continuingSubwordPrefix: ' ' }).fit(docs)).toThrow(/continuingSubwordPrefix must be a non-empty string without spaces/);
    expect(() => new WordPiece().encode('hello')).toThrow(/WordPiece.encode: this estimator is not fitted yet/);
  });
});
