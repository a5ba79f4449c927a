import { describe, expect, it } from 'vitest';
import { perplexity, rng, sampleFrom, softmaxWithTemperature, topKFilter, topPFilter } from '../../src/ml/index.ts';

describe('LLM sampling helpers', () => {
  it('softmaxWithTemperature divides the logits by T', () => {
    const logits = [2, 1, 0];
    const p = softmaxWithTemperature(logits, 0.5);
    const e = logits.map((l) => Math.exp(l / 0.5));
    p.forEach((v, i) => expect(v).toBeCloseTo(e[i] / (e[0] + e[1] + e[2]), 15));
  });

  it('topKFilter keeps the k most likely tokens and renormalises', () => {
    expect(topKFilter([0.1, 0.5, 0.15, 0.25], 2)).toEqual([0, 0.5 / 0.75, 0, 0.25 / 0.75]);
    expect(topKFilter([0.1, 0.9], 5)).toEqual([0.1, 0.9]);
    expect(() => topKFilter([0.5, 0.5], 0)).toThrow(/topKFilter: k must be a whole number ≥ 1, got 0/);
  });

  it('topPFilter keeps the smallest most-likely set reaching p', () => {
    expect(topPFilter([0.1, 0.5, 0.15, 0.25], 0.7)).toEqual([0, 0.5 / 0.75, 0, 0.25 / 0.75]);
    expect(topPFilter([0.1, 0.5, 0.15, 0.25], 0.75)).toEqual([0, 0.5 / 0.75, 0, 0.25 / 0.75]);
    expect(topPFilter([0.1, 0.5, 0.15, 0.25], 0.76).filter((v) => v > 0)).toHaveLength(3);
    expect(topPFilter([0.1, 0.2, 0.7], 1)).toEqual([0.1, 0.2, 0.7].map((v) => expect.closeTo(v, 15)));
    expect(() => topPFilter([1], 1.5)).toThrow(/p must be in \(0, 1\], got 1.5/);
  });

  it('sampleFrom draws indices with the given frequencies, reproducibly by seed', () => {
    const probs = [0.2, 0, 0.5, 0.3];
    const random = rng(3);
    const counts = [0, 0, 0, 0];
    const n = 20000;
    for (let i = 0; i < n; i++) counts[sampleFrom(probs, random)]++;
    counts.forEach((c, i) => expect(Math.abs(c / n - probs[i])).toBeLessThan(0.012));
    expect(counts[1]).toBe(0);
    const a = rng(9), b = rng(9);
    expect(Array.from({ length: 20 }, () => sampleFrom(probs, a))).toEqual(Array.from({ length: 20 }, () => sampleFrom(probs, b)));
    expect(() => sampleFrom([0.5, -0.1], rng(0))).toThrow(/probs\[1\] is -0.1; probabilities must be ≥ 0/);
  });

  it('perplexity is 2^(cross-entropy in bits): V for uniform guessing, 1 for certainty', () => {
    expect(perplexity([0.25, 0.25, 0.25])).toBeCloseTo(4, 14);
    expect(perplexity([1, 1])).toBe(1);
    const probs = [0.5, 0.1, 0.8, 0.3];
    const bits = -probs.reduce((s, p) => s + Math.log2(p), 0) / probs.length;
    expect(perplexity(probs)).toBeCloseTo(2 ** bits, 12);
    // the same as e^(cross-entropy in nats)
    expect(perplexity(probs)).toBeCloseTo(Math.exp(-probs.reduce((s, p) => s + Math.log(p), 0) / probs.length), 12);
    expect(perplexity([0.5, 0])).toBe(Infinity);
    expect(() => perplexity([])).toThrow(/empty array/);
  });
});
