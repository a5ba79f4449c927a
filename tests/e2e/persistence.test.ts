/** End-to-end: edits kept in IndexedDB, reset, download/open, share links, storage problems. */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { encodeShare } from '../../src/store/share-link.ts';
import { launchChromium, newProfile, openPage, waitForCellsSettled } from './browser.ts';
import { cell, cellCode, cellState, clickButton, typeIntoCell, waitForCellState, waitForFigure } from './pages.ts';

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

describe('saving edits', () => {
  it('an edit survives a reload at once, and closing the tab at once (the save has not committed yet)', async () => {
    const fresh = await newProfile(browser);
    const { page } = await openPage(fresh, `${base}#/e2e-cells`);
    await waitForCellsSettled(page);
    await typeIntoCell(page, 0, 'const a = 6');
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-cell="0"] .code-static')?.textContent?.startsWith('const a = 6'));
    await page.waitForSelector('[data-testid="edited-banner"]');
    await typeIntoCell(page, 0, 'const a = 7');
    await page.close({ runBeforeUnload: true });
    const again = await fresh.newPage();
    await again.goto(`${base}#/e2e-cells`);
    await again.waitForFunction(() => document.querySelector('[data-cell="0"] .code-static')?.textContent?.startsWith('const a = 7'));
    // Text typed in an open Markdown box, not yet applied, is kept too.
    await again.dblclick('.prose >> nth=0');
    await again.fill('.prose-editor textarea', 'Draft typed just before leaving.');
    await again.reload();
    await again.waitForFunction(() => document.querySelector('.prose')?.textContent?.includes('Draft typed just before leaving.'));
    await fresh.close();
  });

  it('an edit survives a reload, is marked as edited, and Reset notebook returns to the original', async () => {
    const { page, errors } = await openPage(context, `${base}#/e2e-cells`);
    await waitForCellsSettled(page);
    await typeIntoCell(page, 0, 'const a = 5');
    // Saved within a second of the edit.
    await page.waitForTimeout(1000);
    await page.reload();
    await waitForCellsSettled(page);
    expect(await cellCode(page, 0)).toBe('const a = 5');
    expect(await page.textContent(`${cell(1)} .outputs`)).toContain('50');
    await page.waitForSelector('[data-testid="edited-banner"]');

    page.once('dialog', (dialog) => void dialog.accept());
    await clickButton(page, 'Reset notebook');
    await page.waitForFunction(() => document.querySelector('[data-cell="0"] .code-static')?.textContent?.startsWith('const a = 2'));
    // The reset's run may not have started yet (cell 2 still done, showing 50): wait for its result.
    await page.waitForFunction(() => document.querySelector('[data-cell="1"] .outputs')?.textContent?.includes('20'));
    await waitForCellState(page, 1, 'done');
    expect(await page.$('[data-testid="edited-banner"]')).toBeNull();
    await page.reload();
    await waitForCellsSettled(page);
    expect(await cellCode(page, 0)).toBe('const a = 2');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('when IndexedDB is unavailable the page says so and editing still works', async () => {
    const page = await context.newPage();
    await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
    await page.goto(`${base}#/e2e-cells`);
    await page.waitForSelector('.banner-warning');
    expect(await page.textContent('.banner-warning')).toContain('does not let Stepwise store data');
    await waitForCellsSettled(page);
    await typeIntoCell(page, 0, 'const a = 3');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.querySelector('[data-cell="1"] .outputs')?.textContent?.includes('30'));
    await page.close();
  });
});

describe('storage quota', () => {
  it('a full quota is reported and the edit stays on the page', async () => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      // Every write fails the way a full disk makes IndexedDB fail.
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.goto(`${base}#/e2e-cells`);
    await waitForCellsSettled(page);
    await typeIntoCell(page, 0, 'const a = 4');
    await page.waitForSelector('.banner-warning');
    expect(await page.textContent('.banner-warning')).toContain('storage is full');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.querySelector('[data-cell="1"] .outputs')?.textContent?.includes('40'));
    await page.close();
  });
});

describe('download and open', () => {
  it('Download saves the edited notebook as .md and Open brings it back as a notebook that waits to be run', async () => {
    const { page } = await openPage(context, `${base}#/e2e-cells`);
    await waitForCellsSettled(page);
    await typeIntoCell(page, 0, 'const a = 7');
    const [download] = await Promise.all([page.waitForEvent('download'), clickButton(page, 'Download')]);
    expect(download.suggestedFilename()).toBe('e2e-cells.md');
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    expect(text).toContain('```ts\nconst a = 7\n```');
    expect(text).toContain('title: E2E cells');

    await page.setInputFiles('[data-testid="open-file"]', { name: 'my-copy.md', mimeType: 'text/markdown', buffer: Buffer.from(text) });
    await page.waitForURL(/#\/local\//);
    await page.waitForSelector('.banner-info');
    expect(await cellCode(page, 0)).toBe('const a = 7');
    // Opened from a file: shown, not run.
    await page.waitForTimeout(500);
    expect(await cellState(page, 1)).toBe('idle');
    await clickButton(page, 'Run all');
    await waitForCellsSettled(page);
    expect(await page.textContent(`${cell(1)} .outputs`)).toContain('70');
    await page.close();
  });

  it('a .md file dropped on the page opens as a new notebook', async () => {
    const { page } = await openPage(context, `${base}#/`);
    await page.waitForSelector('.card');
    const text = await readFile('tests/e2e/fixtures/e2e-cells.md', 'utf8');
    await page.evaluate((markdown) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([markdown], 'dropped.md', { type: 'text/markdown' }));
      const target = document.querySelector('.app-root')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForURL(/#\/local\//);
    await page.waitForSelector('.banner-info');
    expect(await page.textContent('#notebook-title')).toBe('E2E cells');
    await page.close();
  });

  it('Open refuses a file that is not a notebook and says where it is wrong', async () => {
    const { page } = await openPage(context, `${base}#/`);
    await page.setInputFiles('[data-testid="open-file"]', { name: 'broken.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ntitle: x\n\n```ts\nconst a = 1\n') });
    await page.waitForSelector('.notice-error');
    expect(await page.textContent('.notice-error')).toContain('broken.md');
    await page.close();
  });
});

describe('share links', () => {
  it('a share link opens the edited notebook in a fresh browser profile, code first, run on request', async () => {
    const { page } = await openPage(context, `${base}#/welcome`);
    await waitForCellsSettled(page);
    await typeIntoCell(page, 0, 'const n = 40\nconst seed = 3');
    await clickButton(page, 'Share');
    const link = await page.inputValue('[data-testid="share-link"]');
    expect(link).toMatch(/#\/shared\/d1\.welcome\./);
    await page.close();

    const fresh = await newProfile(browser);
    const { page: other, errors } = await openPage(fresh, link);
    await other.waitForSelector('.banner-info');
    expect(other.url()).toBe(link);
    expect(await cellCode(other, 0)).toBe('const n = 40\nconst seed = 3');
    await other.waitForTimeout(500);
    expect(await cellState(other, 2)).toBe('idle');
    await clickButton(other, 'Run all');
    await waitForFigure(other, 2);
    expect(await other.$eval(`${cell(2)} .figure`, (el) => (el as unknown as { data: { y: number[] }[] }).data[0].y.length)).toBe(40);
    expect(errors).toEqual([]);
    await fresh.close();
  });

  it('a truncated or damaged share link shows a clear message', async () => {
    const whole = encodeShare(await readFile('notebooks/welcome.md', 'utf8'));
    const truncated = whole.slice(0, Math.floor(whole.length / 2));
    const { page } = await openPage(context, `${base}#/shared/${truncated}`);
    await page.waitForSelector('.message-page');
    expect(await page.textContent('.message-page')).toContain('incomplete or damaged');
    await page.goto(`${base}#/shared/not-a-link`);
    await page.waitForFunction(() => document.querySelector('.message-page')?.textContent?.includes('not one Stepwise can read'));
    await page.close();
  });
});
