/**
 * The length of a share link for every notebook of the site with one edit (a line added to its
 * first code cell): the whole text (v1., what Share made before) against the edits (d1.).
 * Prints the table; asserts every edits link is short enough for chat tools and QR codes.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { readShare, shareUrl } from '../../src/store/share-link.ts';

const site = { origin: 'https://example.org', pathname: '/stepwise/' };
const slugs = readdirSync('notebooks').filter((file) => file.endsWith('.md')).map((file) => file.slice(0, -3)).sort();

describe('share link lengths of the shipped notebooks with one edit', () => {
  it('an edits link is a few hundred characters at most, and opens as the edited text', async () => {
    const rows: string[] = [];
    for (const slug of slugs) {
      const originalText = readFileSync(`notebooks/${slug}.md`, 'utf8');
      const edited = originalText.replace(/```ts( hidden)?\n/, (fence) => `${fence}const edited = 1 // a learner's edit\n`);
      expect(edited).not.toBe(originalText);
      const before = await shareUrl(edited, site);
      const after = await shareUrl(edited, site, { slug, originalText });
      rows.push(`${slug.padEnd(20)} ${String(originalText.length).padStart(7)} ${String(before.length).padStart(8)} ${String(after.length).padStart(7)}`);
      expect(after.length).toBeLessThan(300);
      expect(await readShare(after.split('#/shared/')[1], async (s) => (s === slug ? originalText : undefined))).toBe(edited);
    }
    console.log([`link lengths (URL ${site.origin}${site.pathname}#/shared/…), one edit`, `${'notebook'.padEnd(20)} ${'text'.padStart(7)} ${'before'.padStart(8)} ${'after'.padStart(7)}`, ...rows].join('\n'));
  });
});
