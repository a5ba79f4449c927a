import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { decodeShare, encodeShare, encodeShareEdits, readShare, ShareLinkError, sharePayload, shareUrl } from '../../src/store/share-link.ts';

const welcome = readFileSync('notebooks/welcome.md', 'utf8');
const edited = welcome.replace(/```ts\n/, '```ts\nconst added = 1\n');
const site = (texts: Record<string, string>) => async (slug: string) => texts[slug];
const toBase64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('whole-notebook share links (v1.)', () => {
  it('decodeShare(encodeShare(text)) gives back the exact text, including non-ASCII and CRLF', () => {
    for (const text of [welcome, 'ünïcödé ∑ σ² 🙂\r\nline two', 'x']) expect(decodeShare(encodeShare(text))).toBe(text);
  });

  it('encodeShare uses only URL-safe characters and compresses a notebook to well under its size', () => {
    const payload = encodeShare(welcome);
    expect(payload).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(payload.length).toBeLessThan(welcome.length * 0.75);
  });

  it('shareUrl keeps the page path so links work from a sub-path', async () => {
    expect(await shareUrl('x', { origin: 'https://example.org', pathname: '/courses/stepwise/' })).toBe(`https://example.org/courses/stepwise/#/shared/${encodeShare('x')}`);
  });

  it('decodeShare explains a truncated link', () => {
    const payload = encodeShare(welcome);
    expect(() => decodeShare(payload.slice(0, payload.length / 2))).toThrow(ShareLinkError);
    expect(() => decodeShare(payload.slice(0, payload.length / 2))).toThrow(/incomplete or damaged.*cut off/);
  });

  it('decodeShare explains a link without the version tag and one with foreign characters', () => {
    expect(() => decodeShare('abc')).toThrow(/does not start with "v1\." or "d1\."/);
    expect(() => decodeShare('v1.abc$%')).toThrow(/characters a Stepwise link never has/);
    expect(() => decodeShare('v1.')).toThrow(/incomplete or damaged/);
  });

  it('refuses a link that unpacks past the 5 MB limit of Open, without unpacking it all', async () => {
    // 30 MB of zeros packs into ~30 kB: the kind of link that used to unpack to hundreds of MB.
    const bomb = 'v1.' + toBase64Url(deflateSync(new Uint8Array(30_000_000), { level: 9 }));
    expect(() => decodeShare(bomb)).toThrow(/more than 5 MB, the most Stepwise opens/);
    const justOver = 'v1.' + toBase64Url(deflateSync(new Uint8Array(5_000_001).fill(97)));
    await expect(readShare(justOver, site({}))).rejects.toThrow(/more than 5 MB/);
    const atLimit = 'v1.' + toBase64Url(deflateSync(new Uint8Array(5_000_000).fill(97)));
    expect(decodeShare(atLimit)).toHaveLength(5_000_000);
  });
});

describe("edits links of the site's notebooks (d1.)", () => {
  it('carry only the edit: a few dozen characters, and read back to the exact edited text', async () => {
    const payload = (await encodeShareEdits(edited, { slug: 'welcome', originalText: welcome }))!;
    expect(payload).toMatch(/^d1\.welcome\.[0-9a-f]{16}\.[A-Za-z0-9_-]+$/);
    expect(payload.length).toBeLessThan(100);
    expect(await readShare(payload, site({ welcome }))).toBe(edited);
  });

  it('sharePayload picks the edits for a site notebook and the whole text otherwise', async () => {
    expect(await sharePayload(edited, { slug: 'welcome', originalText: welcome })).toMatch(/^d1\./);
    expect(await sharePayload(edited)).toBe(encodeShare(edited));
    // Rewritten from top to bottom: the whole text is shorter than the edits.
    const other = readFileSync('notebooks/k-means.md', 'utf8');
    expect(await sharePayload(other, { slug: 'welcome', originalText: welcome })).toMatch(/^v1\./);
  });

  it('a slug with dots or non-ASCII letters survives', async () => {
    const payload = (await encodeShareEdits('b\nx', { slug: 'naïve.bayes', originalText: 'a\nx' }))!;
    expect(await readShare(payload, site({ 'naïve.bayes': 'a\nx' }))).toBe('b\nx');
  });

  it('report an original that changed since the link was made, and one the site does not have', async () => {
    const payload = (await encodeShareEdits(edited, { slug: 'welcome', originalText: welcome }))!;
    await expect(readShare(payload, site({ welcome: welcome + '\nA later line.\n' }))).rejects.toThrow(/“welcome”, which has changed on this site since the link was made/);
    await expect(readShare(payload, site({}))).rejects.toThrow(/a notebook called “welcome”, which this site does not have/);
  });

  it('report damage: cut off, hunks that do not fit, not hunks at all', async () => {
    const payload = (await encodeShareEdits(edited, { slug: 'welcome', originalText: welcome }))!;
    await expect(readShare(payload.slice(0, -6), site({ welcome }))).rejects.toThrow(/incomplete or damaged: the edits inside/);
    await expect(readShare('d1.welcome', site({ welcome }))).rejects.toThrow(/incomplete or damaged/);
    const hash = payload.split('.')[2];
    const pack = (value: unknown) => toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(value))));
    await expect(readShare(`d1.welcome.${hash}.${pack([[100_000, 1, 'x']])}`, site({ welcome }))).rejects.toThrow(/incomplete or damaged/);
    await expect(readShare(`d1.welcome.${hash}.${pack({ not: 'hunks' })}`, site({ welcome }))).rejects.toThrow(/incomplete or damaged/);
    await expect(readShare(`d1.welcome.${hash}.${pack([[0, 0, 'x'.repeat(5_000_001)]])}`, site({ welcome }))).rejects.toThrow(/more than 5 MB/);
  });
});
