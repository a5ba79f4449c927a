import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeShare, encodeShare, ShareLinkError, shareUrl } from '../../src/store/share-link.ts';

const welcome = readFileSync('notebooks/welcome.md', 'utf8');

describe('share links', () => {
  it('decodeShare(encodeShare(text)) gives back the exact text, including non-ASCII and CRLF', () => {
    for (const text of [welcome, 'ünïcödé ∑ σ² 🙂\r\nline two', 'x']) expect(decodeShare(encodeShare(text))).toBe(text);
  });

  it('encodeShare uses only URL-safe characters and compresses a notebook to well under its size', () => {
    const payload = encodeShare(welcome);
    expect(payload).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(payload.length).toBeLessThan(welcome.length * 0.75);
  });

  it('shareUrl keeps the page path so links work from a sub-path', () => {
    expect(shareUrl('x', { origin: 'https://example.org', pathname: '/courses/stepwise/' })).toBe(`https://example.org/courses/stepwise/#/shared/${encodeShare('x')}`);
  });

  it('decodeShare explains a truncated link', () => {
    const payload = encodeShare(welcome);
    expect(() => decodeShare(payload.slice(0, payload.length / 2))).toThrow(ShareLinkError);
    expect(() => decodeShare(payload.slice(0, payload.length / 2))).toThrow(/incomplete or damaged.*cut off/);
  });

  it('decodeShare explains a link without the version tag and one with foreign characters', () => {
    expect(() => decodeShare('abc')).toThrow(/does not start with "v1\."/);
    expect(() => decodeShare('v1.abc$%')).toThrow(/characters a Stepwise link never has/);
    expect(() => decodeShare('v1.')).toThrow(/incomplete or damaged/);
  });
});
