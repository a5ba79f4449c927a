/**
 * End-to-end: a cell that shows a flood of output (many log lines, an endless logging loop, a
 * huge value) does not freeze the page: the outputs are bounded in the sandbox, the page stays
 * clickable, and Interrupt stops the flood.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newProfile } from './browser.ts';
import { openSharedCells } from './shared-cells.ts';
import { cell, clickButton, waitForCellState } from './pages.ts';

const base = inject('baseUrl');
// The machines these run on are shared and often loaded: be patient, never assert on time.
const PATIENCE = 120_000;
vi.setConfig({ testTimeout: 4 * PATIENCE });
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumLaunch'));
  context = await newProfile(browser);
});
afterAll(async () => {
  await browser?.close();
});

/** A notebook of these cells, opened from a share link and run (settled unless `settle` is false). */
const openCells = (sources: string[], settle = true) => openSharedCells(context, base, sources, { title: 'Flood', settle, patience: PATIENCE });

/** The page answers a click: the toolbar's shortcuts help opens and closes. */
async function expectClickable(page: Page): Promise<void> {
  const help = page.locator('details:has(> summary[aria-label="Keyboard shortcuts"])');
  await help.locator('summary').click();
  expect(await help.getAttribute('open')).not.toBeNull();
  await help.locator('summary').click();
  expect(await help.getAttribute('open')).toBeNull();
}

const text = (page: Page, index: number, selector: string) => page.$eval(`${cell(index)} ${selector}`, (el) => el.textContent ?? '');

describe('a flood of output', () => {
  it('a cell logging 50k lines completes with its last lines shown, and the page stays clickable', async () => {
    const { page, errors } = await openCells(['for (let i = 0; i < 50_000; i++) console.log("line " + i)', 'const after = 1\nafter + 1']);
    expect(await page.getAttribute(cell(0), 'data-state')).toBe('done');
    const log = await text(page, 0, '.output-log');
    expect(log.startsWith('… 49000 earlier lines not shown\n')).toBe(true);
    expect(log.endsWith('\nline 49999')).toBe(true);
    expect(await text(page, 1, '.output-text')).toBe('2');
    await expectClickable(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a cell logging in an endless loop keeps the page clickable and is stopped by Interrupt', async () => {
    const { page, errors } = await openCells(['while (true) console.log(1)'], false);
    await waitForCellState(page, 0, 'running', PATIENCE);
    await page.waitForSelector(`${cell(0)} .output-log`);
    await expectClickable(page);
    await clickButton(page, 'Interrupt');
    await waitForCellState(page, 0, 'error', PATIENCE);
    expect(await text(page, 0, '.error-box')).toContain('Interrupted');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a cell whose value is a 200 MB string shows its start and how much was cut, and the page stays clickable', async () => {
    const { page, errors } = await openCells(['"x".repeat(2e8)']);
    expect(await page.getAttribute(cell(0), 'data-state')).toBe('done');
    const shown = await text(page, 0, '.output-text');
    expect(shown.startsWith('xxxxxxxxxx')).toBe(true);
    expect(shown).toContain(`… ${2e8 - 100_000} more characters not shown`);
    expect(shown.length).toBeLessThan(101_000);
    await expectClickable(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});
