/** Headless Debian Chromium for the end-to-end tests and the app benchmark. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Launches Chromium with vite.config.ts's `chromiumLaunch` flags (passed in: tests get them by inject). */
export async function launchChromium(launch: { executablePath: string; args: string[] }): Promise<Browser> {
  return chromium.launch({ executablePath: launch.executablePath, args: launch.args, headless: true });
}

/** A fresh profile (its own IndexedDB) with a laptop-sized window, in the given colour scheme. */
export async function newProfile(browser: Browser, colorScheme: 'light' | 'dark' = 'light'): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1366, height: 850 }, colorScheme, acceptDownloads: true });
}

/** Opens a page of the site and collects its console errors (a test can assert there are none). */
export async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  return { page, errors };
}

/**
 * Waits until every code cell of the page is done (or errored) and the kernel is idle (no live()
 * value still computing), with a timeout in ms. On timeout the error says which cells were not,
 * and in what state, instead of a bare timeout.
 */
export async function waitForCellsSettled(page: Page, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction(
      () => {
        const cells = [...document.querySelectorAll('[data-cell]')];
        return cells.length > 0 && cells.every((cell) => ['done', 'error'].includes(cell.getAttribute('data-state') ?? '')) && !document.querySelector('.kernel-status.kernel-busy');
      },
      undefined,
      { timeout },
    );
  } catch (error) {
    const unsettled = await page
      .$$eval('[data-cell]', (cells) => cells.flatMap((cell) => (['done', 'error'].includes(cell.getAttribute('data-state') ?? '') ? [] : [`cell ${cell.getAttribute('data-cell')}: ${cell.getAttribute('data-state') ?? 'no state'}`])))
      .catch(() => ['(the page is gone)']);
    const busy = await page.$('.kernel-status.kernel-busy').then((element) => element !== null).catch(() => false);
    const what = unsettled.length > 0 ? unsettled.join(', ') : busy ? 'every cell is done, but the kernel is still busy (a live value computing)' : 'the page has no code cells';
    throw new Error(`cells of ${page.url()} not settled after ${timeout} ms: ${what}`, { cause: error });
  }
}

/**
 * Waits until the element at `selector` shows exactly `expected`. On timeout the error says what
 * it shows instead, which cells are not done and the controls' values, instead of a bare timeout.
 */
export async function waitForText(page: Page, selector: string, expected: string, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction(([s, text]) => document.querySelector(s)?.textContent === text, [selector, expected] as const, { timeout });
  } catch (error) {
    const state = await page
      .evaluate((s) => ({
        shown: document.querySelector(s)?.textContent ?? '(no such element)',
        cells: [...document.querySelectorAll('[data-cell]')].map((cell) => `${cell.getAttribute('data-cell')}:${cell.getAttribute('data-state') ?? '?'}`).join(' '),
        kernel: document.querySelector('.kernel-status')?.className ?? '(no kernel status)',
        controls: [...document.querySelectorAll('input, select')].map((input) => `${input.getAttribute('aria-label') ?? input.closest('label')?.textContent?.trim() ?? input.tagName}=${(input as HTMLInputElement).value}`).join(', '),
      }), selector)
      .catch(() => undefined);
    const what = state ? `it shows "${state.shown}"; cells ${state.cells}; ${state.kernel}; controls: ${state.controls}` : 'the page is gone';
    throw new Error(`${selector} of ${page.url()} did not show "${expected}" within ${timeout} ms: ${what}`, { cause: error });
  }
}
