/**
 * End-to-end: teaching mode's notebook parts. Folded answers and hints, the "Outputs only" view,
 * control values kept across reloads (and reset), and "Your notebooks" on the index page.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeShare } from '../../src/store/share-link.ts';
import { launchChromium, newProfile, openPage, waitForCellsSettled, waitForText } from './browser.ts';
import { cell, clickButton, figureY, waitForFigure } from './pages.ts';

const base = inject('baseUrl');
/** The fixture: tests/e2e/fixtures/teaching.md. */
const TEACHING = `${base}#/teaching`;
/** The machine running the tests may be busy: kernels start and notebooks run slowly (ms). */
const SETTLE = 90_000;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumLaunch'));
});
afterAll(async () => {
  await browser?.close();
});

const isVisible = (page: Page, selector: string) => page.$eval(selector, (element) => (element as HTMLElement).checkVisibility());

describe('folded answers', () => {
  it('an answer and a hint are folded; a click or Enter on the summary opens one; printed, all are open', async () => {
    const context = await newProfile(browser);
    const { page, errors } = await openPage(context, TEACHING);
    await page.waitForSelector('details.answer');
    expect(await page.$$eval('details.answer', (all) => all.map((details) => [details.className, details.querySelector('summary')?.textContent, (details as HTMLDetailsElement).open]))).toEqual([
      ['answer hint', 'Hint', false],
      ['answer', 'Answer', false],
    ]);
    const answer = 'details.answer:not(.hint)';
    expect(await isVisible(page, `${answer} .answer-body p`)).toBe(false);

    await page.click(`${answer} > summary`);
    expect(await page.$eval(answer, (details) => (details as HTMLDetailsElement).open)).toBe(true);
    expect(await isVisible(page, `${answer} .answer-body p`)).toBe(true);
    // KaTeX typesets the maths inside.
    await page.waitForSelector(`${answer} .katex`);
    // Still open after KaTeX drew the text again.
    expect(await page.$eval(answer, (details) => (details as HTMLDetailsElement).open)).toBe(true);
    await page.click(`${answer} > summary`);
    expect(await isVisible(page, `${answer} .answer-body p`)).toBe(false);

    // From the keyboard: the summary takes the focus and Enter opens it.
    await page.focus('details.hint > summary');
    await page.keyboard.press('Enter');
    expect(await page.$eval('details.hint', (details) => (details as HTMLDetailsElement).open)).toBe(true);
    expect(await page.textContent('details.hint .answer-body')).toContain('Look at the slider.');

    await page.emulateMedia({ media: 'print' });
    expect(await isVisible(page, `${answer} .answer-body p`)).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await isVisible(page, `${answer} .answer-body p`)).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('outputs only', () => {
  it('hides all code and shows it again (button and Alt+Shift+H), kept across reloads, without marking the notebook edited', async () => {
    const context = await newProfile(browser);
    const { page, errors } = await openPage(context, TEACHING);
    await waitForCellsSettled(page, SETTLE);
    await waitForFigure(page, 2);
    const toggle = page.getByRole('button', { name: 'Outputs only', exact: true });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await isVisible(page, `${cell(0)} .code-static`)).toBe(true);

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const shown = async () => ({
      code: await page.$$eval('.code-static, .cell-bar', (all) => all.filter((element) => (element as HTMLElement).checkVisibility()).length),
      controls: await isVisible(page, `${cell(0)} .control-slider input`),
      text: await isVisible(page, `${cell(1)} .outputs`),
      figure: await isVisible(page, `${cell(2)} .figure`),
      prose: await isVisible(page, 'details.answer'),
    });
    expect(await shown()).toEqual({ code: 0, controls: true, text: true, figure: true, prose: true });
    // A view setting, not an edit.
    expect(await page.$('[data-testid="edited-banner"]')).toBeNull();
    expect(await page.getByRole('button', { name: 'Reset notebook' }).isDisabled()).toBe(true);

    await page.reload();
    await waitForCellsSettled(page, SETTLE);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect((await shown()).code).toBe(0);
    expect(await page.$('[data-testid="edited-banner"]')).toBeNull();

    await page.keyboard.press('Alt+Shift+KeyH');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await isVisible(page, `${cell(0)} .code-static`)).toBe(true);
    await page.reload();
    await waitForCellsSettled(page, SETTLE);
    expect(await isVisible(page, `${cell(0)} .code-static`)).toBe(true);
    await page.keyboard.press('Alt+Shift+KeyH');
    expect(await isVisible(page, `${cell(0)} .code-static`)).toBe(false);

    // Other notebooks keep their own view.
    await page.goto(`${base}#/e2e-cells`);
    await waitForCellsSettled(page, SETTLE);
    expect(await isVisible(page, `${cell(0)} .code-static`)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});

describe('control values', () => {
  const KEPT = 'n=5 colour=blue ticked=true size=4 frame=2 start=-4,-2';
  const DEFAULT = 'n=3 colour=red ticked=false size=2 frame=0 start=1,-2';

  it('are kept per notebook across reloads, the first run already uses them, and Reset returns them to their defaults', async () => {
    const context = await newProfile(browser);
    const { page, errors } = await openPage(context, TEACHING);
    await waitForCellsSettled(page, SETTLE);
    const text = () => page.textContent(`${cell(1)} .outputs`);
    expect(await text()).toBe(DEFAULT);

    const slider = `${cell(0)} .control-slider input`;
    await page.focus(slider);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.selectOption(`${cell(0)} .control-select select`, 'blue');
    await page.check(`${cell(0)} .control-checkbox input`);
    await page.fill(`${cell(0)} .control-number input`, '4');
    await page.press(`${cell(0)} .control-number input`, 'Tab');
    await page.click(`${cell(0)} [aria-label="Next step"]`);
    await page.click(`${cell(0)} [aria-label="Next step"]`);
    // A figure input's value (a point) is kept like any other control's.
    const startX = page.locator(`${cell(0)} input[aria-label="start x"]`);
    await startX.fill('-4');
    await startX.press('Enter');
    await waitForText(page, `${cell(1)} .outputs`, KEPT, SETTLE);
    await waitForCellsSettled(page, SETTLE);
    expect(await figureY(page, 2)).toEqual([0, 4, 8, 12, 16]);
    // Moving controls is not an edit of the text.
    expect(await page.$('[data-testid="edited-banner"]')).toBeNull();

    // What cell 2 shows on every change after the reload: the kept values from the first run on.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const now = document.querySelector('[data-cell="1"] .outputs')?.textContent ?? '';
        if (now !== '' && seen.at(-1) !== now) seen.push(now);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.reload();
    await waitForCellsSettled(page, SETTLE);
    await waitForFigure(page, 2);
    expect(await text()).toBe(KEPT);
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([KEPT]);
    expect(await figureY(page, 2)).toEqual([0, 4, 8, 12, 16]);
    expect(await page.inputValue(slider)).toBe('5');
    expect(await page.inputValue(`${cell(0)} .control-select select`)).toBe('blue');
    expect(await page.isChecked(`${cell(0)} .control-checkbox input`)).toBe(true);
    expect(await page.inputValue(`${cell(0)} .control-number input`)).toBe('4');
    expect(await page.textContent(`${cell(0)} .stepper .control-value`)).toBe('step 2 of 4');
    expect(await startX.inputValue()).toBe('-4');

    // Reset has something to undo now, though the text is not edited.
    page.once('dialog', (dialog) => void dialog.accept());
    await clickButton(page, 'Reset notebook');
    await waitForText(page, `${cell(1)} .outputs`, DEFAULT, SETTLE);
    await waitForCellsSettled(page, SETTLE);
    expect(await figureY(page, 2)).toEqual([0, 2, 4]);
    expect(await page.inputValue(slider)).toBe('3');
    expect(await page.getByRole('button', { name: 'Reset notebook' }).isDisabled()).toBe(true);
    await page.reload();
    await waitForCellsSettled(page, SETTLE);
    expect(await text()).toBe(DEFAULT);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});

describe('your notebooks', () => {
  it('lists notebooks opened from a file or a link, reopens them, and deletes them with Undo', async () => {
    const context = await newProfile(browser);
    const { page, errors } = await openPage(context, `${base}#/`);
    await page.waitForSelector('.card');
    expect(await page.$('.your-notebooks')).toBeNull();

    const cells = await readFile('tests/e2e/fixtures/e2e-cells.md', 'utf8');
    await page.setInputFiles('[data-testid="open-file"]', { name: 'my-copy.md', mimeType: 'text/markdown', buffer: Buffer.from(cells) });
    await page.waitForURL(/#\/local\//);
    const fromFile = page.url();
    await page.waitForSelector('#notebook-title');
    const linked = cells.replace('title: E2E cells', 'title: From a friend');
    await page.goto(`${base}#/shared/${encodeShare(linked)}`);
    await page.waitForSelector('.banner-info');

    await page.goto(`${base}#/`);
    await page.waitForSelector('.your-notebooks li');
    const rows = () => page.$$eval('.your-notebook', (items) => items.map((item) => [item.querySelector('a')?.textContent, item.querySelector('.your-meta')?.textContent?.split(' · ')[0]]));
    expect((await rows()).sort()).toEqual([
      ['E2E cells', 'From a file'],
      ['From a friend', 'From a link'],
    ]);
    // When: the time of its last save, shown in the reader's terms and given as a machine-readable date.
    const when = await page.$$eval('.your-notebook time', (times) => times.map((time) => Date.parse(time.getAttribute('datetime') ?? '')));
    for (const time of when) expect(Math.abs(Date.now() - time)).toBeLessThan(10 * 60_000);

    await page.click('.your-notebook a >> text="E2E cells"');
    await page.waitForSelector('#notebook-title');
    expect(page.url()).toBe(fromFile);
    expect(await page.textContent('#notebook-title')).toBe('E2E cells');

    await page.goto(`${base}#/`);
    await page.getByRole('button', { name: 'Delete “E2E cells”' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.your-notebook').length === 1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.your-notebook').length === 2);

    await page.getByRole('button', { name: 'Delete “E2E cells”' }).click();
    await page.getByRole('button', { name: 'Delete “From a friend”' }).click();
    await page.waitForFunction(() => document.querySelector('.your-notebooks') === null);
    await page.reload();
    await page.waitForSelector('.card');
    expect(await page.$('.your-notebooks')).toBeNull();
    await page.goto(fromFile);
    await page.waitForSelector('.message-page');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
