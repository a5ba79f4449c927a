import { describe, expect, it } from 'vitest';
import { SkipGram, corpora } from '../../src/ml/index.ts';

describe('SkipGram', () => {
  const model = new SkipGram({ epochs: 100, seed: 0 }).fit(corpora.embeddingSentences);

  it('SkipGram.fit puts related words nearer than unrelated ones', () => {
    const pairs: [string, string, string][] = [
      // [word, related, unrelated]
      ['king', 'queen', 'banana'],
      ['cat', 'dog', 'bread'],
      ['cow', 'sheep', 'crown'],
      ['apple', 'banana', 'castle'],
      ['man', 'woman', 'soup'],
      ['bread', 'cheese', 'horse'],
    ];
    for (const [w, near, far] of pairs) {
      expect(model.similarity(w, near), `${w}~${near} vs ${w}~${far}`).toBeGreaterThan(model.similarity(w, far));
    }
  });

  it("SkipGram.mostSimilar('king') ranks queen first", () => {
    const top = model.mostSimilar('king', 3);
    expect(top[0].word).toBe('queen');
    expect(top.map((s) => s.word)).not.toContain('king');
    expect(top[0].similarity).toBeGreaterThanOrEqual(top[1].similarity);
  });

  it('SkipGram.analogy finds queen for man : king :: woman : ?', () => {
    const answers = model.analogy('man', 'king', 'woman', 3).map((s) => s.word);
    expect(answers).toContain('queen');
    expect(answers).not.toContain('king');
  });

  it('SkipGram.steps lowers the loss and the same seed gives the same vectors', () => {
    const losses = [...new SkipGram({ epochs: 30, seed: 0 }).steps(corpora.embeddingSentences)].map((s) => s.loss);
    expect(losses).toHaveLength(30);
    expect(losses[29]).toBeLessThan(0.7 * losses[0]);
    const again = new SkipGram({ epochs: 100, seed: 0 }).fit(corpora.embeddingSentences);
    expect(again.embeddings).toEqual(model.embeddings);
    expect(model.embeddings).toHaveLength(model.vocabulary!.length);
    expect(model.embeddings![0]).toHaveLength(16);
  });

  it('SkipGram reports unknown words and use before fit', () => {
    expect(() => model.mostSimilar('spaceship')).toThrow(/"spaceship" is not in the vocabulary/);
    expect(() => new SkipGram().vector('king')).toThrow(/not fitted yet/);
    expect(() => new SkipGram({ window: 0 }).fit(['a b c'])).toThrow(/SkipGram.fit: window must be an integer ≥ 1, got 0/);
  });
});
