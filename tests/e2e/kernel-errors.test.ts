/**
 * End-to-end: what a cell shows for errors that are not a plain synchronous throw: errors its
 * timers and promises cause later, its intervals, a closed worker, a failed cell upstream, a
 * malformed figure. Each notebook is opened from a share link, so the fixtures stay in the test.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newProfile, openPage, waitForCellsSettled } from './browser.ts';
import { openSharedCells } from './shared-cells.ts';
import { cell, clickButton, typeIntoCell, waitForCellState, waitForFigure } from './pages.ts';

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
const openCells = (sources: string[], settle = true) => openSharedCells(context, base, sources, { title: 'Kernel errors', settle, patience: PATIENCE });

const text = (page: Page, index: number, selector: string) => page.$eval(`${cell(index)} ${selector}`, (el) => el.textContent ?? '');
const logs = (page: Page, index: number) => page.$$eval(`${cell(index)} .output-log`, (els) => els.map((el) => el.textContent ?? ''));
const runCell = (page: Page, index: number) => page.click(`${cell(index)} [aria-label="Run cell"]`);

describe('errors a cell causes after it finished', () => {
  it('a timer that throws and a promise rejected with no handler show their errors on their own cells, at their lines', async () => {
    const { page, errors } = await openCells([
      'const a = 1',
      "// throws after the cell finished\nsetTimeout(() => {\n  throw new Error('thrown by a timer')\n}, 10)",
      "const b = a + 1\nPromise.reject(new Error('late'))",
    ]);
    await waitForCellState(page, 1, 'error', PATIENCE);
    await waitForCellState(page, 2, 'error', PATIENCE);
    expect(await text(page, 1, '.error-box')).toContain('Error: thrown by a timer');
    expect(await text(page, 1, '.error-box strong')).toContain('line 3');
    expect(await text(page, 2, '.error-box')).toContain('Error: late');
    expect(await text(page, 2, '.error-box strong')).toContain('line 2');
    expect(await page.getAttribute(cell(0), 'data-state')).toBe('done');
    // The worker was not taken for dead: the kernel keeps its values.
    expect(await page.textContent('.kernel-status')).not.toMatch(/stopped|dead/i);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('intervals', () => {
  it("an interval's output stays in its own cell, and re-running the cell stops the old interval", async () => {
    const { page, errors } = await openCells([
      // Each run numbers itself; its interval logs and tells a watcher (the next cell) it ticked.
      "const g = globalThis as any\ng.runs = (g.runs ?? 0) + 1\nconst run = g.runs\nsetInterval(() => {\n  g.ticked?.add(run)\n  console.log('interval of run ' + run)\n}, 50)",
      "const watched = new Set()\nObject.assign(globalThis, { ticked: watched })\nawait sleep(400)\nObject.assign(globalThis, { ticked: undefined })\nconst report = `run ${run}; intervals ticking: ${[...watched].join(', ')}`\nreport",
    ]);
    expect(await text(page, 1, '.output-text')).toBe('run 1; intervals ticking: 1');
    // The second cell ran while the interval ticked, but every line it logged is in the first.
    expect(await logs(page, 1)).toEqual([]);
    await page.waitForFunction(() => document.querySelectorAll('[data-cell="0"] .output-log').length >= 2);
    expect(new Set(await logs(page, 0))).toEqual(new Set(['interval of run 1']));

    await runCell(page, 0);
    await page.waitForFunction(() => document.querySelector('[data-cell="1"] .output-text')?.textContent?.startsWith('run 2'));
    await waitForCellState(page, 1, 'done', PATIENCE);
    expect(await text(page, 1, '.output-text')).toBe('run 2; intervals ticking: 2');
    expect(new Set(await logs(page, 0))).toEqual(new Set(['interval of run 2']));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a cell that closes its worker', () => {
  it('stops the kernel with the cell named instead of leaving the next cell running, and Restart brings it back', async () => {
    const { page } = await openCells(['const a = 40', 'self.close()', 'a + 2'], false);
    await page.waitForSelector('.banner-error');
    expect(await page.textContent('.banner-error')).toContain('The kernel stopped: cell 2 called self.close().');
    await waitForCellState(page, 1, 'error', PATIENCE);
    expect(await text(page, 1, '.error-box')).toContain('Kernel stopped');
    await waitForCellState(page, 2, 'idle', PATIENCE);

    await clickButton(page, 'Restart');
    await page.waitForSelector('.banner-error', { state: 'detached' });
    await runCell(page, 2);
    await waitForCellState(page, 2, 'done', PATIENCE);
    expect(await text(page, 2, '.output-text')).toBe('42');
    // Running cell 3 re-ran the cell it reads from, not the one that closed the worker.
    expect(await page.getAttribute(cell(1), 'data-state')).toBe('idle');
    await page.close();
  });
});

describe('cells below a failed cell', () => {
  it('are dimmed and labelled stale, keep their chart, and run and un-dim once the failed cell is fixed', async () => {
    const { page } = await openCells(['const n = 3', 'line([0, 1, 2], [0, n, 2 * n])']);
    await waitForFigure(page, 1, PATIENCE);
    const opacity = () => page.$eval(`${cell(1)} .outputs`, (el) => Number(getComputedStyle(el).opacity));
    expect(await opacity()).toBe(1);

    await typeIntoCell(page, 0, 'const n = missing');
    await runCell(page, 0);
    await waitForCellState(page, 0, 'error', PATIENCE);
    await page.waitForSelector(`${cell(1)}.cell-stale-upstream`);
    expect(await text(page, 1, '.error-box')).toContain('Stale: cell 1 failed');
    expect(await text(page, 1, '.state-text')).toBe('stale');
    expect(await page.$(`${cell(1)} .figure`)).not.toBeNull();
    expect(await opacity()).toBeLessThan(1);

    await typeIntoCell(page, 0, 'const n = 5');
    await runCell(page, 0);
    await waitForCellState(page, 1, 'done', PATIENCE);
    expect(await page.$(`${cell(1)}.cell-stale-upstream`)).toBeNull();
    expect(await page.$(`${cell(1)} .error-box`)).toBeNull();
    expect(await opacity()).toBe(1);
    await page.waitForFunction(() => (document.querySelector('[data-cell="1"] .figure') as unknown as { data?: { y: number[] }[] }).data?.[0].y[1] === 5);
    await page.close();
  });
});

describe('a malformed figure', () => {
  it('a figure-shaped value with layout null fails its cell with a clear message instead of running for ever', async () => {
    const { page, errors } = await openCells(["const fig = { type: 'stepwise.figure', data: [{ type: 'scatter', x: [1], y: [1] }], layout: null }\nfig", 'const after = 1']);
    expect(await page.getAttribute(cell(0), 'data-state')).toBe('error');
    expect(await text(page, 0, '.error-box')).toContain("A figure's layout must be an object (or left out), got null");
    expect(await page.getAttribute(cell(1), 'data-state')).toBe('done');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a cell that takes the sandbox down (out of memory)', () => {
  it("stops the kernel with 'out of memory' on that cell, and a new sandbox runs the rest", async () => {
    // Exhausting the heap kills the sandbox frame's process after a minute or more (Chromium puts
    // the sandboxed frame in a process of its own); here that process is crashed directly.
    const { page } = await openCells(['const a = 40', 'const spin = a\nwhile (spin > 0) {}', 'a + 2'], false);
    await waitForCellState(page, 1, 'running', PATIENCE);
    const sandbox = page.frames().find((frame) => frame.url() === 'about:srcdoc');
    expect(sandbox, 'the sandbox frame').toBeDefined();
    // Playwright takes the whole page for crashed once one of its frames has: the page is read
    // through its own DevTools session from here on.
    const pageSession = await context.newCDPSession(page);
    const evaluate = async <T,>(expression: string): Promise<T> => ((await pageSession.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })).result.value as T);
    const waitFor = async (expression: string) => {
      for (const started = Date.now(); !(await evaluate<boolean>(expression)); ) {
        if (Date.now() - started > PATIENCE) throw new Error(`timed out waiting for ${expression}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    const stateOf = (index: number) => `document.querySelector('[data-cell="${index}"]')?.getAttribute('data-state')`;
    const textOf = (index: number, selector: string) => evaluate<string>(`document.querySelector('[data-cell="${index}"] ${selector}')?.textContent ?? ''`);
    void (await context.newCDPSession(sandbox!)).send('Page.crash').catch(() => undefined);

    await waitFor(`${stateOf(1)} === 'error'`);
    expect(await textOf(1, '.error-box')).toContain("The kernel stopped while running this cell (out of memory, most likely: the sandbox's process stopped)");
    await waitFor(`${stateOf(2)} === 'done'`);
    expect(await textOf(2, '.output-text')).toBe('42');
    expect(await evaluate(stateOf(0))).toBe('done');
    // The new sandbox is a working kernel: the cell runs again when asked, and is interrupted.
    await evaluate(`document.querySelector('[data-cell="1"] [aria-label="Run cell"]').click()`);
    await waitFor(`${stateOf(1)} === 'running'`);
    await evaluate(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Interrupt').click()`);
    await waitFor(`${stateOf(1)} === 'error'`);
    expect(await textOf(1, '.error-box')).toContain('Interrupted');
    await page.close();
  });
});

describe('a cell that takes the tab down', () => {
  it('is not run again on the next open: it says the tab stopped while it ran, its readers are stale, the edit is kept', async () => {
    // A cell that exhausts the heap crashes the whole tab after a minute or more (a page cannot cap
    // a worker's memory); the renderer is crashed here directly, while the edited cell runs.
    const profile = await newProfile(browser);
    const { page } = await openPage(profile, `${base}#/e2e-cells`);
    await waitForCellsSettled(page, PATIENCE);
    await typeIntoCell(page, 1, 'const b = a * 10\nwhile (b > 0) {}\nb');
    await runCell(page, 1);
    await waitForCellState(page, 1, 'running', PATIENCE);
    await page.waitForTimeout(3000); // past the guard's 2 s, and the edit saved
    const crashed = new Promise((resolve) => page.once('crash', resolve));
    void (await profile.newCDPSession(page)).send('Page.crash').catch(() => undefined);
    await crashed;

    const { page: again, errors } = await openPage(profile, `${base}#/e2e-cells`);
    await waitForCellState(again, 1, 'error', PATIENCE);
    expect(await text(again, 1, '.error-box')).toContain('The tab stopped while this cell was running on your last visit');
    expect(await again.textContent('.notices')).toContain('The tab stopped while cell 2 was running on your last visit');
    await waitForCellState(again, 0, 'done', PATIENCE);
    await waitForCellState(again, 3, 'error', PATIENCE);
    expect(await text(again, 3, '.error-box')).toContain('Stale: cell 2 failed');
    expect(await again.$eval(`${cell(1)} .code-static`, (el) => el.textContent)).toContain('while (b > 0) {}');

    // Mended, it runs, and its readers with it.
    await typeIntoCell(again, 1, 'const b = a * 10\nb');
    await runCell(again, 1);
    await waitForCellState(again, 3, 'done', PATIENCE);
    expect(await text(again, 1, '.output-text')).toBe('20');
    expect(errors).toEqual([]);
    await profile.close();
  });
});
