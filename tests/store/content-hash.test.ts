import { describe, expect, it } from 'vitest';
import { contentHash, sha256Hex } from '../../src/store/content-hash.ts';

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

describe('sha256Hex', () => {
  it('matches the SHA-256 reference values (FIPS 180-2 "abc", the empty text) and hashes UTF-8', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex('é')).toBe(await sha256Hex('\u00e9'));
    expect(await sha256Hex('é')).not.toBe(await sha256Hex('e\u0301'));
  });
});
