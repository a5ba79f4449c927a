/** End-to-end: what a stranger's notebook may reach from the app's page (README, "Trust model"). */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newProfile, openPage, waitForCellsSettled } from './browser.ts';
import { cell, waitForFigure } from './pages.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumLaunch'));
});
afterAll(async () => {
  await browser?.close();
});

describe('figures and Markdown stay on our origin and in our window', () => {
  it('loads nothing from other hosts, names remote images, and a figure link cannot navigate the app', async () => {
    const context = await newProfile(browser);
    const { page } = await openPage(context, 'about:blank');
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(base) && !/^(data|blob|about):/.test(request.url())) elsewhere.push(request.url());
    });
    await page.goto(`${base}#/e2e-hostile-figures`);
    await waitForCellsSettled(page);
    await waitForFigure(page, 0);
    await page.hover(`${cell(0)} .figure .scatterlayer .point >> nth=0`, { force: true });
    await page.waitForTimeout(300);

    expect(await page.locator('.prose .remote-image >> nth=0').textContent()).toContain('Image “tracker” from leak.invalid is not loaded here.');
    expect(await page.locator(`${cell(1)} .remote-image`).count()).toBe(1);
    expect(await page.locator(`${cell(0)} .figure image`).count()).toBe(0);

    const appUrl = page.url();
    // A synthetic click activates the link as a click would (Plotly's layers stop Playwright's hit test).
    await page.locator(`${cell(0)} .figure a >> text=leave`).dispatchEvent('click');
    await page.waitForTimeout(500);
    expect(page.url()).toBe(appUrl);
    expect(elsewhere).toEqual([]);
    await context.close();
  });

  it('the built page carries a Content-Security-Policy that keeps loads on our origin', async () => {
    const context = await newProfile(browser);
    const { page } = await openPage(context, `${base}#/`);
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("img-src 'self' data: blob:");
    expect(policy).toContain("connect-src 'self'");
    // A fetch to another host from the page is refused by the browser, not just by our code.
    const refused = await page.evaluate(() => fetch('http://leak.invalid/x').then(() => false, () => true));
    expect(refused).toBe(true);
    await context.close();
  });
});
