import { describe, expect, it } from 'vitest';
import { applyHunks, diffLines } from '../../src/store/line-diff.ts';

const lines = (text: string) => text.split('\n');

describe('diffLines and applyHunks', () => {
  it('one changed line is one hunk of one line', () => {
    const a = lines('a\nb\nc\nd\ne');
    const b = lines('a\nb\nC\nd\ne');
    expect(diffLines(a, b, 100)).toEqual([{ at: 2, remove: 1, insert: ['C'] }]);
  });

  it('edits far apart give separate hunks, and applying them gives the new text exactly', () => {
    const a = Array.from({ length: 200 }, (_, i) => `line ${i}`);
    const b = [...a];
    b[10] = 'changed ten';
    b.splice(150, 2);
    b.splice(60, 0, 'inserted', 'two');
    b.push('');
    const hunks = diffLines(a, b, 100)!;
    expect(hunks).toHaveLength(4);
    expect(hunks.reduce((n, h) => n + h.remove + h.insert.length, 0)).toBe(2 + 2 + 2 + 1);
    expect(applyHunks(a, hunks)).toEqual(b);
  });

  it('round-trips random edits, CRLF lines and empty texts', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: random(30) }, () => `x${random(5)}\r`);
      const b = [...a];
      for (let edit = random(6); edit > 0; edit--) {
        const at = random(b.length + 1);
        if (random(2) === 0) b.splice(at, 1);
        else b.splice(at, 0, `y${random(5)}`);
      }
      expect(applyHunks(a, diffLines(a, b, 1000)!)).toEqual(b);
    }
    expect(diffLines([], [], 10)).toEqual([]);
    expect(applyHunks(['a'], diffLines(['a'], [], 10)!)).toEqual([]);
  });

  it('gives up past the edit budget', () => {
    const a = Array.from({ length: 50 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 50 }, (_, i) => `b${i}`);
    expect(diffLines(a, b, 20)).toBeUndefined();
  });

  it('applyHunks refuses hunks that do not fit the text', () => {
    expect(() => applyHunks(['a', 'b'], [{ at: 1, remove: 5, insert: [] }])).toThrow(/does not fit a text of 2 lines/);
    expect(() => applyHunks(['a', 'b'], [{ at: 1, remove: 0, insert: [] }, { at: 0, remove: 0, insert: [] }])).toThrow(RangeError);
  });
});
