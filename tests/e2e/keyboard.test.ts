/** End-to-end: the keyboard in notebooks (run shortcuts, Tab, Esc) and what keyboard and screen-reader users meet. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newProfile, openPage, waitForCellsSettled } from './browser.ts';
import { cell, cellCode, typeIntoCell, waitForFigure } from './pages.ts';

const base = inject('baseUrl');
/** The machines running these are shared and can be very slow: generous limits (no test measures time). */
const TEST_TIMEOUT = 240_000;
const SETTLE_TIMEOUT = 150_000;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumLaunch'));
});
afterAll(async () => {
  await browser?.close();
});

/** A page of the site in a profile of its own (no edits kept from another test). */
async function freshPage(slug: string): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await newProfile(browser);
  const { page, errors } = await openPage(context, `${base}#/${slug}`);
  return { page, errors, close: () => context.close() };
}

/** Waits until a cell shows `text` as its outputs, has run, and is not marked edited. */
async function waitForFreshOutput(page: Page, index: number, text: string): Promise<void> {
  await page.waitForFunction(
    ({ index, text }) => {
      const element = document.querySelector(`[data-cell="${index}"]`);
      return element?.querySelector('.outputs')?.textContent?.trim() === text && element.getAttribute('data-state') === 'done' && !element.classList.contains('cell-stale');
    },
    { index, text },
    { timeout: 60_000 },
  );
}

describe('run shortcuts', () => {
  it('Shift+Enter and Ctrl+Enter run the cell being edited, with several editors open', async () => {
    const { page, errors, close } = await freshPage('e2e-cells');
    await waitForCellsSettled(page, SETTLE_TIMEOUT);
    // Open the editors of cells 0, 1 and 3 first: cell 3's is the one created last.
    for (const index of [0, 1, 3]) {
      await page.dispatchEvent(`${cell(index)} .code-static`, 'mousedown');
      await page.waitForSelector(`${cell(index)} .monaco-editor`, { timeout: 60_000 });
    }
    // Each edit makes its cell show a new value: the edited cell ran (and no other cell in its place).
    const edits = (value: number): Record<number, { code: string; shows: string }> => ({
      0: { code: `const a = ${value}\na`, shows: String(value) },
      1: { code: `const b = ${value} * 10\nb`, shows: String(value * 10) },
      3: { code: `const choice = ${value}\nconst ticked = 1\nchoice + ticked`, shows: String(value + 1) },
    });
    let value = 10;
    for (const shortcut of ['Shift+Enter', 'Control+Enter', 'Shift+Enter']) {
      for (const index of [0, 1, 3]) {
        const edit = edits(++value)[index];
        await typeIntoCell(page, index, edit.code);
        await page.waitForSelector(`${cell(index)}.cell-stale`, { timeout: 60_000 });
        await page.keyboard.press(shortcut);
        await waitForFreshOutput(page, index, edit.shows);
        expect(await cellCode(page, index)).toBe(edit.code);
      }
    }
    expect(errors).toEqual([]);
    await close();
  }, TEST_TIMEOUT);
});

/** Where the keyboard focus is: which cell (or none), whether in its code, whether on the Next card. */
interface FocusPlace {
  cell: number | null;
  inCode: boolean;
  /** On the card that links to the next notebook, at the end of the page. */
  onNextCard: boolean;
}

async function focusPlace(page: Page): Promise<FocusPlace> {
  return page.evaluate(() => {
    const active = document.activeElement;
    const cellElement = active?.closest('[data-cell]');
    return {
      cell: cellElement ? Number(cellElement.getAttribute('data-cell')) : null,
      inCode: Boolean(active?.closest('.code')),
      onNextCard: Boolean(active?.closest('.neighbour.next')),
    };
  });
}

describe('Tab', () => {
  it('moves through the whole notebook without editing anything and without being pulled back', async () => {
    const { page, errors, close } = await freshPage('welcome');
    await waitForCellsSettled(page, SETTLE_TIMEOUT);
    await waitForFigure(page, 2, 60_000);
    const codeBefore = await Promise.all([0, 1, 2, 3].map((index) => cellCode(page, index)));
    const visited: FocusPlace[] = [];
    let monacoWaitedFor = false;
    for (let press = 0; press < 120; press++) {
      await page.keyboard.press('Tab');
      await page.waitForTimeout(50);
      const place = await focusPlace(page);
      visited.push(place);
      if (place.onNextCard) break;
      // Right after leaving the first code, let Monaco finish loading: it must not take the focus back.
      if (!monacoWaitedFor && visited.some((p) => p.inCode) && !place.inCode) {
        await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => /monaco-editor-[^/]*\.js$/.test(entry.name)));
        await page.waitForTimeout(1500);
        monacoWaitedFor = true;
        const after = await focusPlace(page);
        expect(after).toEqual(place);
      }
    }
    const cellsInOrder = visited.map((place) => place.cell).filter((index): index is number => index !== null);
    // Forward only: every cell's code was reached, in order, and the focus never went back to an earlier cell.
    expect(cellsInOrder).toEqual([...cellsInOrder].sort((a, b) => a - b));
    for (const index of [0, 1, 2, 3]) expect(visited.some((place) => place.cell === index && place.inCode)).toBe(true);
    // Out of the code cells, all the way to the card for the next notebook.
    expect(visited.at(-1)!.onNextCard).toBe(true);
    // Nothing was edited on the way.
    expect(await page.$$('[data-testid="edited-banner"]')).toHaveLength(0);
    expect(await page.$$('.cell-stale')).toHaveLength(0);
    expect(await Promise.all([0, 1, 2, 3].map((index) => cellCode(page, index)))).toEqual(codeBefore);
    expect(errors).toEqual([]);
    await close();
  }, TEST_TIMEOUT);

  it('in an editor the cell says what Tab and Esc do; Tab moves on until you type, then indents; Esc leaves', async () => {
    const { page, close } = await freshPage('e2e-cells');
    await waitForCellsSettled(page, SETTLE_TIMEOUT);
    // Reach cell 1's code with the keyboard: Shift+Tab back from its output would also do; Tab from its Run button.
    await page.focus(`${cell(1)} button[aria-label="Delete cell"]`);
    await page.keyboard.press('Tab');
    await page.waitForSelector(`${cell(1)} .monaco-editor :focus`, { timeout: 60_000 });
    expect(await page.textContent(`${cell(1)} .editor-hint`)).toContain('Tab moves on');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toContain('Esc leaves the code');
    // Tab moves on: out of the code, which is unchanged.
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => !document.activeElement?.closest('[data-cell="1"] .code'));
    expect(await page.$$(`${cell(1)} .editor-hint`)).toHaveLength(0);
    expect(await cellCode(page, 1)).toBe('const b = a * 10\nb');
    // Back in, typing: now Tab indents, as in any code editor.
    await page.keyboard.press('Shift+Tab');
    await page.waitForSelector(`${cell(1)} .monaco-editor :focus`, { timeout: 60_000 });
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n');
    await page.keyboard.press('Tab');
    expect(await page.textContent(`${cell(1)} .editor-hint`)).toContain('Tab indents');
    await page.keyboard.type('b');
    expect(await cellCode(page, 1)).toBe('const b = a * 10\nb\n  b');
    // Esc leaves the editor for its cell; Tab then moves on from there.
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.monaco-editor')))).toBe(false);
    await close();
  }, TEST_TIMEOUT);
});

describe('what a keyboard or screen-reader user meets', () => {
  it('long code lines wrap inside the cell, in the static code and in the editor', async () => {
    const { page, close } = await freshPage('welcome');
    await waitForCellsSettled(page, SETTLE_TIMEOUT);
    const longLine = await page.$eval(`${cell(3)} .code-static`, (code) => {
      // Where a line's text is drawn (a block's own box keeps the cell's width even when its text overflows).
      const textBox = (line: Element) => {
        const range = document.createRange();
        range.selectNodeContents(line);
        return range.getBoundingClientRect();
      };
      const box = code.getBoundingClientRect();
      const lines = [...code.querySelectorAll('.code-line')];
      return {
        fits: code.scrollWidth <= code.clientWidth && lines.every((line) => textBox(line).right <= box.right),
        // The md`…` line is longer than the cell is wide: it takes more than one row.
        wrapped: lines.some((line) => line.getBoundingClientRect().height > 30),
      };
    });
    expect(longLine).toEqual({ fits: true, wrapped: true });
    await page.dispatchEvent(`${cell(3)} .code-static`, 'mousedown');
    await page.waitForSelector(`${cell(3)} .monaco-editor .view-lines`, { timeout: 60_000 });
    const inEditor = await page.$eval(`${cell(3)} .monaco-editor`, (editor) => {
      const box = editor.getBoundingClientRect();
      const rows = [...editor.querySelectorAll('.view-line')];
      const text = rows.map((row) => row.textContent ?? '').join('').replace(/\u00a0/g, ' ');
      return { rows: rows.length, fits: rows.every((row) => (row.firstElementChild ?? row).getBoundingClientRect().right <= box.right + 1), hasEnd: text.includes('the noise has mean 0).') };
    });
    expect(inEditor.rows).toBeGreaterThan(4);
    expect(inEditor.fits).toBe(true);
    expect(inEditor.hasEnd).toBe(true);
    await close();
  }, TEST_TIMEOUT);

  it('a chart’s mode bar is one tab stop, shown when focused, with arrows between its buttons', async () => {
    const { page, close } = await freshPage('welcome');
    await waitForCellsSettled(page, SETTLE_TIMEOUT);
    await waitForFigure(page, 2, 60_000);
    await page.waitForSelector(`${cell(2)} .modebar-btn`, { timeout: 60_000 });
    const tabStops = await page.$$eval(`${cell(2)} .figure .modebar-btn`, (buttons) => buttons.filter((button) => (button as HTMLElement).tabIndex >= 0).length);
    expect(tabStops).toBe(1);
    expect(await page.getAttribute(`${cell(2)} .modebar`, 'role')).toBe('toolbar');
    await page.focus(`${cell(2)} .modebar-btn[tabindex="0"]`);
    const first = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    // Shown while focused (Plotly fades it in).
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-cell="2"] .modebar-group')!).opacity === '1');
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(second).not.toBe(first);
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.modebar')))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.figure')))).toBe(false);
    await close();
  }, TEST_TIMEOUT);

  it('every figure is named: by its title, else by what its cell says, never plain "Figure"', async () => {
    const { page, close } = await freshPage('k-means');
    await waitForCellsSettled(page, SETTLE_TIMEOUT);
    await page.waitForFunction(() => document.querySelectorAll('.figure[role="figure"]').length >= 6, undefined, { timeout: 30_000 });
    const labels = await page.$$eval('.figure', (figures) => figures.map((figure) => figure.getAttribute('aria-label') ?? ''));
    expect(labels.length).toBeGreaterThanOrEqual(6);
    for (const label of labels) expect(label).not.toMatch(/^(Figure)?$/);
    // A chart without a title is named by its (hidden) cell's first comment.
    expect(labels).toContain('Both starting positions for the chosen seed, side by side.');
    const welcome = await freshPage('welcome');
    await waitForFigure(welcome.page, 2, 60_000);
    expect(await welcome.page.getAttribute(`${cell(2)} .figure`, 'aria-label')).toBe('Noisy line');
    await welcome.close();
    await close();
  }, TEST_TIMEOUT);

  it('the Undo notices leave room: scrolled to the end, they cover nothing of the Next card', async () => {
    const { page, close } = await freshPage('welcome');
    await waitForCellsSettled(page, SETTLE_TIMEOUT);
    // Two deletions: two notices stacked in the corner. The button is clicked in the page: at the
    // bottom of the window the control dock may cover it, and Playwright's wait for it to be
    // clear and still outlasted the first notice, once for 30 s on a loaded machine (clicking
    // Delete as a learner does is notebook.test.ts's; this test is about where the notices go).
    const deleteCell = (index: number) => page.$eval(`${cell(index)} button[aria-label="Delete cell"]`, (button) => (button as HTMLButtonElement).click());
    await deleteCell(3);
    await page.waitForFunction(() => document.querySelectorAll('[data-cell]').length === 3);
    await deleteCell(2);
    await page.waitForFunction(() => document.querySelectorAll('.notice').length === 2);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(200);
    const [card, notices] = await page.evaluate(() =>
      ['.neighbour.next', '.notices'].map((selector) => {
        const box = document.querySelector(selector)!.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom, left: box.left, right: box.right };
      }),
    );
    const overlap = card.left < notices.right && notices.left < card.right && card.top < notices.bottom && notices.top < card.bottom;
    expect(overlap).toBe(false);
    expect(card.bottom).toBeLessThanOrEqual(notices.top);
    await close();
  }, TEST_TIMEOUT);
});
