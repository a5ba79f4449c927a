import { describe, expect, it } from 'vitest';
import { RandomOverSampler, RandomUnderSampler, SMOTE, rng } from '../../src/ml/index.ts';

// An imbalanced 2-D problem: 40 majority points (class 0), 12 minority (class 1), 6 of class 2.
function imbalanced(): { X: number[][]; y: number[] } {
  const r = rng(7);
  const X: number[][] = [];
  const y: number[] = [];
  const add = (n: number, cx: number, cy: number, label: number) => {
    for (let i = 0; i < n; i++) {
      X.push([r.normal(cx, 1), r.normal(cy, 1)]);
      y.push(label);
    }
  };
  add(40, 0, 0, 0);
  add(12, 4, 4, 1);
  add(6, -4, 3, 2);
  return { X, y };
}

const count = (y: number[], label: number) => y.filter((v) => v === label).length;
const sqDist = (a: number[], b: number[]) => a.reduce((s, v, j) => s + (v - b[j]) ** 2, 0);

describe('SMOTE', () => {
  it('SMOTE.fitResample raises every class to the majority count and keeps the originals first', () => {
    const { X, y } = imbalanced();
    const res = new SMOTE({ kNeighbors: 3 }).fitResample(X, y);
    expect([count(res.y, 0), count(res.y, 1), count(res.y, 2)]).toEqual([40, 40, 40]);
    expect(res.X.slice(0, X.length)).toEqual(X);
    expect(res.y.slice(0, y.length)).toEqual(y);
  });

  it('SMOTE synthetic points lie on a segment between a minority point and one of its k nearest minority neighbours', () => {
    const { X, y } = imbalanced();
    const k = 3;
    const res = new SMOTE({ kNeighbors: k, seed: 11 }).fitResample(X, y);
    for (let s = X.length; s < res.X.length; s++) {
      const p = res.X[s];
      const members = X.filter((_, i) => y[i] === res.y[s]);
      const onSegment = members.some((a, ia) => {
        const neighbours = members
          .map((b, ib) => ({ b, d: ib === ia ? Infinity : sqDist(a, b) }))
          .sort((u, v) => u.d - v.d)
          .slice(0, k);
        return neighbours.some(({ b }) => {
          // p = a + u(b − a) with u ∈ [0, 1]: collinear (zero cross product) and between the ends.
          const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
          const u = ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / sqDist(a, b);
          return Math.abs(cross) < 1e-9 && u >= -1e-12 && u <= 1 + 1e-12;
        });
      });
      expect(onSegment, `synthetic point ${s}`).toBe(true);
    }
  });

  it('SMOTE.syntheticPairs names the two same-class rows and the gap behind every synthetic point', () => {
    const { X, y } = imbalanced();
    const k = 3;
    const smote = new SMOTE({ kNeighbors: k, seed: 11 });
    const res = smote.fitResample(X, y);
    const pairs = smote.syntheticPairs!;
    expect(pairs.length).toBe(res.X.length - X.length);
    pairs.forEach(({ from, to, gap }, s) => {
      const row = X.length + s;
      expect(y[from]).toBe(res.y[row]);
      expect(y[to]).toBe(res.y[row]);
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(1);
      // The neighbour is among from's k nearest rows of its class.
      const nearest = X.map((b, j) => ({ j, d: j === from || y[j] !== y[from] ? Infinity : sqDist(X[from], b) }))
        .sort((u, v) => u.d - v.d).slice(0, k).map((o) => o.j);
      expect(nearest).toContain(to);
      res.X[row].forEach((v, f) => expect(v).toBeCloseTo(X[from][f] + gap * (X[to][f] - X[from][f]), 12));
    });
  });

  it('SMOTE is deterministic for a seed and differs between seeds', () => {
    const { X, y } = imbalanced();
    expect(new SMOTE({ seed: 3, kNeighbors: 3 }).fitResample(X, y)).toEqual(new SMOTE({ seed: 3, kNeighbors: 3 }).fitResample(X, y));
    expect(new SMOTE({ seed: 3, kNeighbors: 3 }).fitResample(X, y).X).not.toEqual(new SMOTE({ seed: 4, kNeighbors: 3 }).fitResample(X, y).X);
  });

  it('SMOTE explains a class smaller than kNeighbors + 1 and a single-class y', () => {
    const { X, y } = imbalanced();
    expect(() => new SMOTE({ kNeighbors: 6 }).fitResample(X, y)).toThrow('SMOTE.fitResample: class 2 has 6 samples but kNeighbors is 6');
    expect(() => new SMOTE().fitResample([[0], [1]], [1, 1])).toThrow('SMOTE.fitResample: y has a single class (1)');
  });
});

describe('random over- and under-sampling', () => {
  it('RandomOverSampler repeats existing minority rows up to the majority count', () => {
    const { X, y } = imbalanced();
    const sampler = new RandomOverSampler({ seed: 1 });
    const res = sampler.fitResample(X, y);
    expect([count(res.y, 0), count(res.y, 1), count(res.y, 2)]).toEqual([40, 40, 40]);
    expect(sampler.sampleIndices!.map((i) => X[i])).toEqual(res.X);
    const originals = new Set(X.map((r) => r.join(',')));
    for (const row of res.X) expect(originals.has(row.join(','))).toBe(true);
  });

  it('RandomOverSampler with a ratio 0.5 on two classes gives minority = ⌊0.5·majority⌋', () => {
    const { X, y } = imbalanced();
    const keep = y.map((_, i) => i).filter((i) => y[i] !== 2);
    const res = new RandomOverSampler({ samplingStrategy: 0.5 }).fitResample(keep.map((i) => X[i]), keep.map((i) => y[i]));
    expect([count(res.y, 0), count(res.y, 1)]).toEqual([40, 20]);
  });

  it('RandomUnderSampler keeps distinct rows, the minority count of each class', () => {
    const { X, y } = imbalanced();
    const u = new RandomUnderSampler({ seed: 2 });
    const res = u.fitResample(X, y);
    expect([count(res.y, 0), count(res.y, 1), count(res.y, 2)]).toEqual([6, 6, 6]);
    expect(new Set(u.sampleIndices).size).toBe(18);
    u.sampleIndices!.forEach((i, t) => expect(res.X[t]).toEqual(X[i]));
  });

  it('RandomUnderSampler explains a ratio outside (0, 1]', () => {
    expect(() => new RandomUnderSampler({ samplingStrategy: 2 }).fitResample([[0], [1]], [0, 1])).toThrow(
      "RandomUnderSampler.fitResample: samplingStrategy must be 'auto' or a ratio in (0, 1], got 2",
    );
  });
});
