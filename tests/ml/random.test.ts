import { describe, expect, it } from 'vitest';
import { rng } from '../../src/ml/index.ts';

describe('rng', () => {
  it('rng(seed) repeats the same sequence for the same seed', () => {
    const a = rng(42), b = rng(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(rng(43).next()).not.toBe(xs[0]);
  });

  it('rng().next() is uniform on [0, 1): mean ≈ 1/2, variance ≈ 1/12', () => {
    const r = rng(1);
    const n = 100_000;
    let s = 0, s2 = 0, min = 1, max = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      s += u; s2 += u * u; min = Math.min(min, u); max = Math.max(max, u);
    }
    const mean = s / n;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(s2 / n - mean * mean).toBeCloseTo(1 / 12, 2);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });

  it('rng().normal() has the requested mean and standard deviation', () => {
    const r = rng(7);
    const xs = Array.from({ length: 50_000 }, () => r.normal(3, 2));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(3, 1);
    expect(sd).toBeCloseTo(2, 1);
  });

  it('rng().sample() without replacement draws distinct indices and rejects size > n', () => {
    const s = rng(3).sample(10, 10);
    expect(new Set(s).size).toBe(10);
    expect(() => rng(3).sample(3, 4)).toThrow(/cannot draw 4 distinct items from 3/);
  });
});
