/** End-to-end: two tabs on one notebook learn of each other's saves and never lose an edit silently. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newProfile, openPage, waitForCellsSettled } from './browser.ts';
import { cellCode, typeIntoCell } from './pages.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumLaunch'));
});
afterAll(async () => {
  await browser?.close();
});

const codeBecomes = (page: Page, index: number, start: string) =>
  page.waitForFunction(
    ([i, text]) => (document.querySelector(`[data-cell="${i}"] .code-static`)?.textContent ?? document.querySelector(`[data-cell="${i}"] .view-lines`)?.textContent?.replace(/\u00a0/g, ' ') ?? '').startsWith(text),
    [index, start] as const,
  );

/**
 * Starts recording the saves `page` hears of from other tabs. Its channel is made after the app's,
 * and a broadcast reaches a page's channels in the order they were made, so once the recording
 * holds a save the app has handled it too.
 */
const recordHeardSaves = (page: Page) =>
  page.evaluate(() => {
    const heard: string[] = [];
    (window as unknown as { heardSaves: string[] }).heardSaves = heard;
    new BroadcastChannel('stepwise-saves').addEventListener('message', (event) => heard.push(String((event.data as { text: string }).text)));
  });
const hasHeardSave = (page: Page, text: string) =>
  page.waitForFunction((wanted) => (window as unknown as { heardSaves: string[] }).heardSaves.some((saved) => saved.includes(wanted)), text);

describe('two tabs on one notebook', () => {
  it('a tab without changes of its own takes the other tab’s saved edit, and a third tab sees both tabs’ edits', async () => {
    const context = await newProfile(browser);
    const { page: a } = await openPage(context, `${base}#/e2e-cells`);
    const { page: b } = await openPage(context, `${base}#/e2e-cells`);
    await waitForCellsSettled(a);
    await waitForCellsSettled(b);
    await typeIntoCell(a, 0, 'const a = 5');
    await codeBecomes(b, 0, 'const a = 5');
    await typeIntoCell(b, 1, 'const b = a * 100\nb');
    await a.waitForFunction(() => document.querySelector('[data-cell="1"] .code-static')?.textContent?.startsWith('const b = a * 100'));
    const { page: c } = await openPage(context, `${base}#/e2e-cells`);
    await codeBecomes(c, 0, 'const a = 5');
    expect(await cellCode(c, 1)).toContain('const b = a * 100');
    await context.close();
  });

  it('a tab with unsaved changes of its own is asked which version stays, and its choice reaches the other tab', async () => {
    const context = await newProfile(browser);
    const { page: a } = await openPage(context, `${base}#/e2e-cells`);
    const b = await context.newPage();
    // Tab B's saves fail until the test lets them through, so its edit stays its own.
    await b.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
        if ((window as unknown as { holdSaves?: boolean }).holdSaves) throw new DOMException('held by the test', 'UnknownError');
        return put.apply(this, args);
      };
    });
    await b.goto(`${base}#/e2e-cells`);
    await waitForCellsSettled(a);
    await waitForCellsSettled(b);
    await recordHeardSaves(b);
    await b.evaluate(() => ((window as unknown as { holdSaves: boolean }).holdSaves = true));
    await typeIntoCell(b, 0, 'const a = 8');
    await typeIntoCell(a, 0, 'const a = 3');
    // A saves as it is typed into; B's choice must come after B has heard of A's last save, or
    // that save (newer than the choice) rightly asks B again.
    await hasHeardSave(b, 'const a = 3');
    await b.waitForSelector('[data-testid="other-tab-banner"]');
    // B's edit is still on its page: nothing was replaced without asking.
    expect(await cellCode(b, 0)).toContain('const a = 8');
    await b.evaluate(() => ((window as unknown as { holdSaves: boolean }).holdSaves = false));
    await b.click('[data-testid="other-tab-banner"] >> text=Keep this tab’s');
    await codeBecomes(a, 0, 'const a = 8');
    expect(await b.locator('[data-testid="other-tab-banner"]').count()).toBe(0);
    await context.close();
  });
});
