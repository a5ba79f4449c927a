/** What the end-to-end tests read from and do to the app's pages. */
import type { Page } from 'playwright-core';

/** The selector of the code cell with this index (0-based). */
export const cell = (index: number): string => `[data-cell="${index}"]`;

export async function cellState(page: Page, index: number): Promise<string | null> {
  return page.getAttribute(cell(index), 'data-state');
}

/** Waits for a cell to reach a state. */
export async function waitForCellState(page: Page, index: number, state: string, timeout = 20_000): Promise<void> {
  await page.waitForSelector(`${cell(index)}[data-state="${state}"]`, { timeout });
}

/** The y values of the first trace of the first figure drawn in a cell (Plotly keeps them on the element). */
export async function figureY(page: Page, index: number): Promise<number[]> {
  return page.$eval(`${cell(index)} .figure`, (element) => {
    const data = (element as unknown as { data?: { y: number[] }[] }).data;
    return data ? Array.from(data[0].y) : [];
  });
}

/** Waits until a cell's figure is drawn by Plotly. */
export async function waitForFigure(page: Page, index: number, timeout = 20_000): Promise<void> {
  await page.waitForSelector(`${cell(index)} .figure[data-drawn] .main-svg`, { timeout });
}

/** The code shown for a cell, whether as static text or in Monaco. */
export async function cellCode(page: Page, index: number): Promise<string> {
  return page.$eval(cell(index), async (element) => {
    const editor = element.querySelector('.monaco-editor');
    if (editor) {
      // Monaco draws a typed key on its next animation frame: read the rows once it has.
      for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
      // Monaco draws rows in any order, and a long line wraps onto several: a row whose margin
      // shows a line number starts a line of the code.
      const top = (row: Element) => parseFloat((row as HTMLElement).style.top);
      const numbered = new Set([...editor.querySelectorAll('.margin-view-overlays > div')].filter((row) => row.textContent?.trim()).map(top));
      const rows = [...editor.querySelectorAll('.view-lines .view-line')].sort((a, b) => top(a) - top(b));
      return rows.map((row, i) => (i > 0 && numbered.has(top(row)) ? '\n' : '') + (row.textContent?.replace(/\u00a0/g, ' ') ?? '')).join('');
    }
    return element.querySelector('.code-static')?.textContent?.replace(/\n$/, '') ?? '';
  });
}

/** Replaces a cell's code by typing in its editor (Monaco mounts on click). */
export async function typeIntoCell(page: Page, index: number, code: string): Promise<void> {
  // The editor may already be there, or be mounting (a new cell opens its editor at once, and its
  // static code disappears when Monaco is ready). Checking for the static code and clicking it in
  // two steps raced with that and could wait 30 s for an element that was gone; this acts in one.
  await page.evaluate((selector) => document.querySelector(selector)?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true })), `${cell(index)} .code-static`);
  await page.waitForSelector(`${cell(index)} .monaco-editor .view-lines`, { timeout: 30_000 });
  await page.click(`${cell(index)} .monaco-editor .view-lines`);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(code);
}

/** Clicks a toolbar button by its accessible name. */
export async function clickButton(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).first().click();
}

/** Opens another notebook in the same page (the app's hash route) and waits until the previous one is gone. */
export async function openInPage(page: Page, slug: string, timeout: number): Promise<void> {
  const previous = await page.$('main.notebook');
  await page.evaluate((hash) => (location.hash = hash), `#/${slug}`);
  if (previous) await page.waitForFunction((element) => !element.isConnected, previous, { timeout });
}
