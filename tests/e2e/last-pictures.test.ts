/**
 * End-to-end: on a second visit, each figure's picture from the last visit stands in its place
 * until the figure is drawn again (last-pictures.ts), and only when it shows what will be drawn.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newProfile, openPage, waitForCellsSettled } from './browser.ts';
import { waitForFigure } from './pages.ts';

const base = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumLaunch'));
  context = await newProfile(browser);
});
afterAll(async () => {
  await browser?.close();
});

interface Seen {
  /** Each picture when it appeared: when, and its box relative to its cell's. */
  pictures: { at: number; top: number; left: number; width: number; height: number }[];
  /** When the first figure was drawn. */
  drawnAt?: number;
}

/** Records, from the page's start, the pictures that appear and when the first figure is drawn. */
function recordPictures(): void {
  const seen: Seen = { pictures: [] };
  (window as unknown as { seen: Seen }).seen = seen;
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) {
        const pictures = node instanceof Element ? [...(node.matches('.last-picture') ? [node] : []), ...node.querySelectorAll('.last-picture')] : [];
        for (const picture of pictures) {
          const box = picture.getBoundingClientRect();
          const cell = picture.closest('[data-cell]')!.getBoundingClientRect();
          seen.pictures.push({ at: performance.now(), top: box.top - cell.top, left: box.left - cell.left, width: box.width, height: box.height });
        }
      }
    if (seen.drawnAt === undefined && document.querySelector('.figure[data-drawn]')) seen.drawnAt = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-drawn'] });
}

/** How many pictures the browser keeps for the notebooks (read from their store). */
function storedPictures(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const request = indexedDB.open('stepwise-pictures');
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('pictures')) return resolve(0);
          const all = db.transaction('pictures').objectStore('pictures').getAll();
          all.onsuccess = () => resolve((all.result as { cells: Record<string, { pictures: unknown[] }> }[]).reduce((n, record) => n + Object.values(record.cells).reduce((m, cell) => m + cell.pictures.length, 0), 0));
        };
        request.onerror = () => resolve(0);
      }),
  );
}

async function settledWithFigure(page: Page): Promise<void> {
  await waitForCellsSettled(page);
  await waitForFigure(page, 2);
  await page.waitForFunction(() => document.querySelectorAll('.last-picture').length === 0);
}

describe('pictures from the last visit', () => {
  it('stand where the figures were until they are drawn, then go; not in another theme', async () => {
    const { page, errors } = await openPage(context, `${base}#/welcome`);
    await settledWithFigure(page);
    // Taken once the figure has been still a moment, then stored.
    await expect.poll(() => storedPictures(page), { timeout: 15_000 }).toBe(1);
    await page.addInitScript(recordPictures);

    await page.reload();
    await settledWithFigure(page);
    const seen = await page.evaluate(() => (window as unknown as { seen: Seen }).seen);
    expect(seen.pictures).toHaveLength(1);
    const [picture] = seen.pictures;
    expect(picture.at).toBeLessThan(seen.drawnAt ?? Infinity);
    // Exactly where in its cell the figure is drawn now (Plotly's first layer is the drawing).
    const drawn = await page.$eval('[data-cell="2"] .figure svg.main-svg', (svg) => {
      const box = svg.getBoundingClientRect();
      const cell = svg.closest('[data-cell]')!.getBoundingClientRect();
      return { top: box.top - cell.top, left: box.left - cell.left, width: box.width, height: box.height };
    });
    for (const side of ['top', 'left', 'width', 'height'] as const) expect(Math.abs(picture[side] - drawn[side]), side).toBeLessThanOrEqual(1);

    // Drawn in the light theme: in the dark one, the page waits for the figure.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await settledWithFigure(page);
    expect((await page.evaluate(() => (window as unknown as { seen: Seen }).seen)).pictures).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
