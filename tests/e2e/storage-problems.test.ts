/** End-to-end: saved data the page cannot use is explained for what it is. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newProfile } from './browser.ts';

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
});
