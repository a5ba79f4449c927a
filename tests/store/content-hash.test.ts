import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/store/content-hash.ts';

describe('contentHash', () => {
  it('matches the FNV-1a 32-bit reference values', () => {
    // Reference values of FNV-1a 32 (www.isthe.com/chongo/tech/comp/fnv): "" and "a" and "foobar".
    expect(contentHash('')).toBe('811c9dc5');
    expect(contentHash('a')).toBe('e40c292c');
    expect(contentHash('foobar')).toBe('bf9cf968');
  });

  it('changes when one character changes', () => {
    expect(contentHash('const n = 300')).not.toBe(contentHash('const n = 301'));
  });
});
