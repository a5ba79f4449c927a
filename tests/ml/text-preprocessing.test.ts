import { describe, expect, it } from 'vitest';
import { ENGLISH_STOP_WORDS, lemmatize, porterStem, removeStopWords, tokenize, wordTokenize } from '../../src/ml/index.ts';
import stopFixture from './fixtures/stop-words.json';
import porterFixture from './fixtures/porter.json';
import vectorFixture from './fixtures/vectorizers.json';

describe('tokenize', () => {
  it("tokenize matches scikit-learn's default token_pattern on every fixture string", () => {
    const tokens = vectorFixture.tokens as Record<string, string[]>;
    expect(Object.keys(tokens).length).toBeGreaterThan(10);
    for (const [text, expected] of Object.entries(tokens)) expect(tokenize(text), text).toEqual(expected);
  });

  it('tokenize drops one-character tokens and splits on punctuation, keeping case', () => {
    expect(tokenize("I can't wait: a B-52 at 9am!")).toEqual(['can', 'wait', '52', 'at', '9am']);
  });

  it('wordTokenize keeps punctuation marks and contractions as tokens', () => {
    expect(wordTokenize("Don't stop, Bob! It's well-known... (really)")).toEqual([
      "Don't", 'stop', ',', 'Bob', '!', "It's", 'well-known', '.', '.', '.', '(', 'really', ')',
    ]);
  });

  it('tokenize rejects a non-string with a message naming the call', () => {
    expect(() => tokenize(42 as unknown as string)).toThrow(/tokenize: expected a string, got number/);
  });
});

describe('stop words', () => {
  it("ENGLISH_STOP_WORDS is exactly scikit-learn's list", () => {
    expect([...ENGLISH_STOP_WORDS].sort()).toEqual(stopFixture.words);
    expect(ENGLISH_STOP_WORDS.size).toBe(318);
  });

  it('removeStopWords drops stop words case-insensitively and keeps the order of the rest', () => {
    expect(removeStopWords(['The', 'cat', 'sat', 'on', 'THE', 'mat'])).toEqual(['cat', 'sat', 'mat']);
    expect(removeStopWords(['Cats', 'and', 'dogs'], ['CATS'])).toEqual(['and', 'dogs']);
  });

  it('removeStopWords rejects a raw string with a hint to tokenize first', () => {
    expect(() => removeStopWords('the cat' as unknown as string[])).toThrow(/tokenize the text first/);
  });
});

describe('porterStem', () => {
  const stems = porterFixture.stems as Record<string, string>;

  it("porterStem matches nltk's original Porter algorithm on the paper's examples and the corpora words", () => {
    const words = Object.keys(stems);
    expect(words.length).toBeGreaterThan(500);
    const wrong = words.filter((w) => porterStem(w) !== stems[w]).map((w) => `${w}: ${porterStem(w)} ≠ ${stems[w]}`);
    expect(wrong).toEqual([]);
  });

  it('porterStem reproduces the examples printed in Porter (1980)', () => {
    const paper: Record<string, string> = {
      caresses: 'caress', ponies: 'poni', agreed: 'agre', plastered: 'plaster', motoring: 'motor',
      hopping: 'hop', filing: 'file', happy: 'happi', relational: 'relat', generalizations: 'gener',
      oscillators: 'oscil', probate: 'probat', cease: 'ceas', controlling: 'control', roll: 'roll',
    };
    for (const [w, s] of Object.entries(paper)) expect(porterStem(w), w).toBe(s);
  });

  it('porterStem lower-cases its input', () => {
    expect(porterStem('Running')).toBe('run');
  });
});

describe('lemmatize', () => {
  it('lemmatize looks up irregular nouns, verbs and adjectives by part of speech', () => {
    expect(lemmatize('mice')).toBe('mouse');
    expect(lemmatize('children')).toBe('child');
    expect(lemmatize('went', 'v')).toBe('go');
    expect(lemmatize('was', 'v')).toBe('be');
    expect(lemmatize('better', 'a')).toBe('good');
    expect(lemmatize('better')).toBe('better'); // a noun ("my betters") is left alone
  });

  it('lemmatize applies regular suffix rules and gives real words where a stemmer does not', () => {
    const cases: [string, 'n' | 'v' | 'a', string][] = [
      ['ponies', 'n', 'pony'], ['watches', 'n', 'watch'], ['cats', 'n', 'cat'], ['bus', 'n', 'bus'],
      ['glasses', 'n', 'glass'], ['running', 'v', 'run'], ['baked', 'v', 'bake'], ['played', 'v', 'play'],
      ['hoping', 'v', 'hope'], ['hopped', 'v', 'hop'], ['dancing', 'v', 'dance'], ['carried', 'v', 'carry'],
      ['opened', 'v', 'open'], ['agreed', 'v', 'agree'], ['needs', 'v', 'need'], ['sing', 'v', 'sing'],
      ['falling', 'v', 'fall'], ['used', 'v', 'use'], ['happier', 'a', 'happy'], ['biggest', 'a', 'big'],
      ['taller', 'a', 'tall'],
    ];
    for (const [w, pos, lemma] of cases) expect(lemmatize(w, pos), `${w}/${pos}`).toBe(lemma);
    expect(porterStem('happier')).not.toBe(lemmatize('happier', 'a'));
  });

  it('lemmatize rejects an unknown part of speech with the allowed values', () => {
    expect(() => lemmatize('went', 'verb' as 'v')).toThrow(/pos must be 'n' \(noun\), 'v' \(verb\) or 'a'/);
  });
});
