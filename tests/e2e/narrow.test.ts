/** End-to-end: the notebook toolbar on a phone (390 and 360 px wide) and on a laptop beside it. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newProfile, openPage, waitForCellsSettled } from './browser.ts';
import { ONE_ROW, phone as phoneIn, toolbarHeight } from './phone.ts';

const base = inject('baseUrl');
/** Every action of the toolbar besides Run all, by accessible name. */
const MENU_ACTIONS = ['Interrupt', 'Restart', 'Add cell', 'Add text', 'Reset notebook', 'Share', 'Download', 'Open'];
/** The machine running the tests may be busy: kernels start and notebooks run slowly (ms). */
const SETTLE = 90_000;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumLaunch'));
});
afterAll(async () => {
  await browser?.close();
});

const phone = (width?: number) => phoneIn(browser, width);
const moreButton = (page: Page) => page.getByRole('button', { name: 'More actions' });
const menuItem = (page: Page, name: string) => page.getByRole('menuitem', { name, exact: true });

/** Opens the More menu with a click and waits for it. */
async function openMenu(page: Page): Promise<void> {
  await moreButton(page).click();
  await page.waitForSelector('[role="menu"]:visible');
}

describe('toolbar on a phone', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await phone();
  });
  afterAll(async () => context?.close());

  it('is one row, with every other action in the More menu, at 390 and at 360 px', async () => {
    for (const width of [390, 360]) {
      const narrow = width === 390 ? context : await phone(width);
      const { page, errors } = await openPage(narrow, `${base}#/e2e-cells`);
      await waitForCellsSettled(page, SETTLE);
      expect(await toolbarHeight(page)).toBeLessThanOrEqual(ONE_ROW);
      // The folded cell's summary is one long unbroken line: it wraps instead of widening the page.
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
      expect(await page.getByRole('button', { name: 'Run all', exact: true }).isVisible()).toBe(true);
      for (const name of ['Download', 'Share', 'Add cell', 'Restart']) expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
      expect(await moreButton(page).getAttribute('aria-haspopup')).toBe('menu');
      expect(await moreButton(page).getAttribute('aria-expanded')).toBe('false');
      await openMenu(page);
      expect(await moreButton(page).getAttribute('aria-expanded')).toBe('true');
      for (const name of MENU_ACTIONS) expect(await menuItem(page, name).isVisible(), name).toBe(true);
      // The open menu fits the screen.
      const box = await page.$eval('[role="menu"]', (menu) => menu.getBoundingClientRect().toJSON() as DOMRect);
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(width);
      expect(errors).toEqual([]);
      await page.close();
      if (narrow !== context) await narrow.close();
    }
  }, 240_000);

  it('the menu works from the keyboard: Enter opens it on the first item, arrows move, Esc closes it and returns focus', async () => {
    const { page } = await openPage(context, `${base}#/e2e-cells`);
    await waitForCellsSettled(page, SETTLE);
    await moreButton(page).focus();
    await page.keyboard.press('Enter');
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim());
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'menuitem');
    expect(await focused()).toBe('Interrupt');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Restart');
    await page.keyboard.press('End');
    expect(await focused()).toBe('Open');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Interrupt');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('Open');
    await page.keyboard.press('Escape');
    expect(await page.isVisible('[role="menu"]')).toBe(false);
    expect(await moreButton(page).getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('More actions');
    // ↑ on the button opens the menu on its last item; a press outside closes it.
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('Open');
    await page.mouse.click(200, 400);
    expect(await page.isVisible('[role="menu"]')).toBe(false);
    await page.close();
  }, 240_000);

  it('Add cell, Reset, Download, Share and Open work from the menu', async () => {
    const { page } = await openPage(context, `${base}#/e2e-cells`);
    await waitForCellsSettled(page, SETTLE);
    const cells = () => page.$$eval('[data-cell]', (all) => all.length);
    expect(await cells()).toBe(4);
    // Reset has nothing to undo yet: it is shown as unavailable and does nothing.
    await openMenu(page);
    expect(await menuItem(page, 'Reset notebook').getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Escape');

    await openMenu(page);
    await menuItem(page, 'Add cell').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-cell]').length === 5);
    expect(await page.isVisible('[role="menu"]')).toBe(false);

    await openMenu(page);
    const [download] = await Promise.all([page.waitForEvent('download'), menuItem(page, 'Download').click()]);
    expect(download.suggestedFilename()).toBe('e2e-cells.md');

    await openMenu(page);
    await menuItem(page, 'Share').click();
    expect(await page.inputValue('[data-testid="share-link"]')).toMatch(/#\/shared\/(v1|d1)\./);

    await openMenu(page);
    page.once('dialog', (dialog) => void dialog.accept());
    await menuItem(page, 'Reset notebook').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-cell]').length === 4);

    await openMenu(page);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), menuItem(page, 'Open').click()]);
    await chooser.setFiles({ name: 'phone-copy.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ntitle: Opened on a phone\n---\n\n```ts\nconst x = 1\n```\n') });
    await page.waitForURL(/#\/local\//);
    await page.waitForFunction(() => document.querySelector('#notebook-title')?.textContent === 'Opened on a phone');
    await page.close();
  }, 240_000);

  it('Interrupt and Restart work from the menu', async () => {
    const { page } = await openPage(context, `${base}#/e2e-loop`);
    await page.waitForSelector('[data-cell="1"][data-state="running"]', { timeout: SETTLE });
    await openMenu(page);
    await menuItem(page, 'Interrupt').click();
    await page.waitForSelector('[data-cell="1"][data-state="error"]', { timeout: 30_000 });
    expect(await page.textContent('[data-cell="1"] .error-box')).toContain('Interrupted');
    await openMenu(page);
    await menuItem(page, 'Restart').click();
    // A fresh kernel has no values: the cells wait to be run again.
    await page.waitForSelector('[data-cell="0"]:not([data-state="done"])', { timeout: 30_000 });
    await page.close();
  }, 240_000);
});

describe('toolbar on a laptop', () => {
  it('shows every action as a button in one row and no More menu', async () => {
    const context = await newProfile(browser);
    const { page } = await openPage(context, `${base}#/e2e-cells`);
    await waitForCellsSettled(page, SETTLE);
    expect(await toolbarHeight(page)).toBeLessThanOrEqual(ONE_ROW);
    for (const name of ['Run all', ...MENU_ACTIONS]) expect(await page.getByRole('button', { name, exact: true }).isVisible(), name).toBe(true);
    expect(await moreButton(page).isVisible()).toBe(false);
    await context.close();
  }, 240_000);
});
