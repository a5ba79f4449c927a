/** End-to-end: saved data the page cannot use is explained for what it is. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newProfile, waitForCellsSettled } from './browser.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumLaunch'));
});
afterAll(async () => {
  await browser?.close();
});

describe('storage problems', () => {
  it('saved data from a newer version of the app is reported as that, not as a private window', async () => {
    const context = await newProfile(browser);
    const page = await context.newPage();
    // Before the app starts: the database exists at a version above the app's.
    await page.addInitScript(() => {
      const request = indexedDB.open('stepwise', 7);
      request.onsuccess = () => request.result.close();
    });
    await page.goto(`${base}#/e2e-cells`);
    await page.waitForSelector('.banner-warning');
    const text = await page.textContent('.banner-warning');
    expect(text).toContain('newer version of Stepwise');
    expect(text).not.toContain('private window');
    await context.close();
  });

  it('a damaged saved copy opens the original, says what was wrong, and can be downloaded', async () => {
    const context = await newProfile(browser);
    const page = await context.newPage();
    await page.goto(`${base}#/e2e-cells`);
    await waitForCellsSettled(page, 90_000);
    // A record whose text is not text, as a bug or another program could leave it.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('stepwise', 1);
          request.onsuccess = () => {
            const transaction = request.result.transaction('notebooks', 'readwrite');
            transaction.objectStore('notebooks').put({ key: 'repo:e2e-cells', text: 42, origin: 'repo', title: 'E2E cells', savedAt: 1 });
            transaction.oncomplete = () => resolve();
            transaction.onerror = () => reject(transaction.error);
          };
        }),
    );
    await page.reload();
    await page.waitForSelector('[data-testid="damaged-copy-banner"]');
    expect(await page.textContent('[data-testid="damaged-copy-banner"]')).toContain('could not be read (its text is not text but number)');
    await waitForCellsSettled(page, 90_000);
    expect(await page.getAttribute('[data-cell="1"]', 'data-state')).toBe('done');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="damaged-copy-banner"] >> text=Download the damaged copy')]);
    expect(download.suggestedFilename()).toBe('e2e-cells-damaged-copy.md');
    await context.close();
  });
});
