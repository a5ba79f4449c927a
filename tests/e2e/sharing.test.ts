/** End-to-end: share links as people copy them, local notebook ids, bad addresses, the index search. */
import { readFile } from 'node:fs/promises';
import { deflateSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeShare, encodeShareEdits } from '../../src/store/share-link.ts';
import { contentHash } from '../../src/store/content-hash.ts';
import { craftedNotebook, genuineNotebook } from '../support/fnv-collision.ts';
import { launchChromium, newProfile, openPage, waitForCellsSettled } from './browser.ts';
import { cellCode, clickButton, typeIntoCell } from './pages.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumLaunch'));
});
afterAll(async () => {
  await browser?.close();
});

/** Opens `url` in a fresh browser profile (nothing stored) and returns the page. */
async function openFresh(url: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await newProfile(browser);
  const { page, errors } = await openPage(context, url);
  return { page, errors, close: () => context.close() };
}

const messageOf = async (page: Page) => {
  await page.waitForSelector('.message-page');
  return (await page.textContent('.message-page')) ?? '';
};

describe('share links', () => {
  it("an edited site notebook's link is short, opens with the edit, and the address bar then opens it anywhere", async () => {
    const sender = await openFresh(`${base}#/e2e-cells`);
    await waitForCellsSettled(sender.page, 60_000);
    await typeIntoCell(sender.page, 0, '// shared with an edit\nconst a = 1');
    await clickButton(sender.page, 'Share');
    const link = await sender.page.inputValue('[data-testid="share-link"]');
    await sender.close();
    expect(link).toMatch(/#\/shared\/d1\.e2e-cells\.[0-9a-f]{16}\.[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(300);

    const receiver = await openFresh(link);
    await receiver.page.waitForSelector('.banner-info');
    expect(await cellCode(receiver.page, 0)).toBe('// shared with an edit\nconst a = 1');
    const addressBar = receiver.page.url();
    expect(addressBar).toBe(link);
    expect(receiver.errors).toEqual([]);
    await receiver.close();

    const third = await openFresh(addressBar);
    await third.page.waitForSelector('.banner-info');
    expect(await cellCode(third.page, 0)).toBe('// shared with an edit\nconst a = 1');
    await third.close();
  }, 180_000);

  it('a whole-notebook link (the old format) still opens, and its address bar opens it in a fresh profile', async () => {
    const text = (await readFile('tests/e2e/fixtures/e2e-cells.md', 'utf8')).replace('const a = 2', 'const a = 9');
    const first = await openFresh(`${base}#/shared/${encodeShare(text)}`);
    await first.page.waitForSelector('.banner-info');
    expect(await cellCode(first.page, 0)).toBe('const a = 9');
    const addressBar = first.page.url();
    await first.close();
    const second = await openFresh(addressBar);
    await second.page.waitForSelector('.banner-info');
    expect(await cellCode(second.page, 0)).toBe('const a = 9');
    await second.close();
  });

  it('a link whose original changed since it was made says so, and names the current notebook', async () => {
    const original = await readFile('tests/e2e/fixtures/e2e-cells.md', 'utf8');
    const link = `${base}#/shared/${await encodeShareEdits(original.replace('const a = 2', 'const a = 8'), { slug: 'e2e-cells', originalText: original })}`;
    const fresh = await openFresh(link);
    await fresh.page.waitForSelector('.banner-info');
    expect(await cellCode(fresh.page, 0)).toBe('const a = 8');
    await fresh.close();
    // The same edits, made to an original whose hash the site's file does not have.
    const stale = link.replace(/(d1\.e2e-cells\.)[0-9a-f]{16}/, '$10123456789abcdef');
    const receiver = await openFresh(stale);
    expect(await messageOf(receiver.page)).toMatch(/“e2e-cells”, which has changed on this site since the link was made.*#\/e2e-cells/);
    await receiver.close();
  });

  it('a link that unpacks past the 5 MB limit of Open is refused with a clear message', async () => {
    const bomb = Buffer.from(deflateSync(new Uint8Array(30_000_000), { level: 9 })).toString('base64url');
    const receiver = await openFresh(`${base}#/shared/v1.${bomb}`);
    expect(await messageOf(receiver.page)).toContain('more than 5 MB, the most Stepwise opens');
    await receiver.close();
  });

  it('a crafted notebook with the same 32-bit hash as another does not take its place', async () => {
    expect(contentHash(craftedNotebook)).toBe(contentHash(genuineNotebook));
    const context = await newProfile(browser);
    const { page } = await openPage(context, `${base}#/shared/${encodeShare(genuineNotebook)}`);
    await page.waitForSelector('.banner-info');
    expect(await cellCode(page, 0)).toBe("const lesson = 'genuine'\nlesson");
    await page.goto(`${base}#/shared/${encodeShare(craftedNotebook)}`);
    await page.waitForFunction(() => document.querySelector('#notebook-title')?.textContent === 'Crafted lesson');
    expect(await cellCode(page, 0)).toBe("const lesson = 'crafted'\nlesson");
    await page.goto(`${base}#/shared/${encodeShare(genuineNotebook)}`);
    await page.waitForFunction(() => document.querySelector('#notebook-title')?.textContent === 'Genuine lesson');
    expect(await cellCode(page, 0)).toBe("const lesson = 'genuine'\nlesson");
    await context.close();
  });
});

describe('bad addresses', () => {
  it('a malformed %-escape shows "Page not found", and the app still follows the next address', async () => {
    for (const hash of ['#/%', '#/local/%zz']) {
      const { page, errors, close } = await openFresh(`${base}${hash}`);
      await page.waitForSelector('.message-page');
      expect(await page.textContent('.message-page h1')).toBe('Page not found');
      await page.evaluate(() => (location.hash = '#/e2e-cells'));
      await page.waitForSelector('#notebook-title:text("E2E cells")');
      expect(errors).toEqual([]);
      await close();
    }
  });
});

describe('index search', () => {
  it('"kmeans" finds K-means, the search is kept in the address across a reload and Back, and Enter opens the match by title', async () => {
    const { page, close } = await openFresh(`${base}#/`);
    const titles = () => page.$$eval('.card h3', (hs) => hs.map((h) => h.textContent));
    const all = (await titles()).length;
    await page.fill('input[type="search"]', 'kmeans');
    await page.waitForFunction((count) => document.querySelectorAll('.card').length < count, all);
    // K-means, and the notebooks whose summaries compare with it.
    const found = await titles();
    expect(found).toContain('K-means clustering');
    expect(page.url()).toBe(`${base}#/?q=kmeans`);
    await page.reload();
    await page.waitForFunction((count) => document.querySelectorAll('.card').length === count, found.length);
    expect(await page.inputValue('input[type="search"]')).toBe('kmeans');
    await page.fill('input[type="search"]', 'k means');
    await page.waitForFunction(() => [...document.querySelectorAll('.card h3')].some((h) => h.textContent === 'K-means clustering'));
    await page.press('input[type="search"]', 'Enter');
    await page.waitForSelector('#notebook-title');
    expect(page.url()).toBe(`${base}#/k-means`);
    await page.goBack();
    await page.waitForSelector('input[type="search"]');
    expect(await page.inputValue('input[type="search"]')).toBe('k means');
    expect(await titles()).toContain('K-means clustering');
    await close();
  });
});
