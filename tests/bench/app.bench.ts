/**
 * The app's speed in headless Chromium against the built site (`npm run bench -- app`):
 * first prose visible, all cells done with the first figure drawn, JavaScript loaded before the
 * first paint (gzip), and slider → figure updated, on notebooks/welcome.md (300 points).
 */
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import type { Page } from 'playwright-core';
import { chromiumLaunch } from '../../vite.config.ts';
import { freePort } from '../e2e/global-setup.ts';
import { launchChromium, newProfile } from '../e2e/browser.ts';
import { report, summarize } from './harness.ts';

const NOTEBOOK = 'welcome';
const COLD_LOADS = 5;
const SLIDER_MOVES = 21;
const OUT_DIR = 'node_modules/.cache/stepwise-bench-dist';

/** Marks, inside the page, when the first prose appears (next frame) and when all cells are done with a figure drawn. */
const OBSERVE = `
  new MutationObserver((_, observer) => {
    const w = window;
    if (w.__proseAt === undefined && document.querySelector('.prose')?.textContent) {
      w.__proseAt = -1;
      requestAnimationFrame(() => (w.__proseAt = performance.now()));
    }
    const cells = [...document.querySelectorAll('[data-cell]')];
    if (w.__firstRunAt === undefined && cells.some((c) => c.getAttribute('data-state') === 'running')) w.__firstRunAt = performance.now();
    if (w.__cellsDoneAt === undefined && cells.length > 0 && cells.every((c) => c.getAttribute('data-state') === 'done')) w.__cellsDoneAt = performance.now();
    if (w.__doneAt === undefined && cells.length > 0 && cells.every((c) => c.getAttribute('data-state') === 'done') &&
        document.querySelector('.figure[data-drawn] .main-svg')) {
      w.__doneAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

export default async function appBench(): Promise<void> {
  delete process.env.STEPWISE_NOTEBOOK_DIRS;
  // Its own output folder, so a build of dist/ by someone else meanwhile cannot mix files.
  await build({ logLevel: 'error', build: { outDir: OUT_DIR, emptyOutDir: true } });
  const port = await freePort();
  const server = await preview({ logLevel: 'error', build: { outDir: OUT_DIR }, preview: { host: '127.0.0.1', port, strictPort: true } });
  const url = `http://127.0.0.1:${port}/#/${NOTEBOOK}`;
  const browser = await launchChromium(chromiumLaunch);
  try {
    const prose: number[] = [];
    const done: number[] = [];
    const firstPaintJs: number[] = [];
    const breakdown: Record<string, number[]> = { 'first cell starts running (kernel ready)': [], 'all cells done': [], 'Plotly loaded': [] };
    for (let i = 0; i < COLD_LOADS; i++) {
      const context = await newProfile(browser);
      const page = await context.newPage();
      await page.addInitScript(OBSERVE);
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __doneAt?: number }).__doneAt !== undefined, undefined, { timeout: 30_000 });
      const marks = await page.evaluate(() => {
        const w = window as unknown as { __proseAt: number; __doneAt: number; __firstRunAt: number; __cellsDoneAt: number };
        const scripts = performance
          .getEntriesByType('resource')
          .filter((entry) => (entry as PerformanceResourceTiming).initiatorType !== 'xmlhttprequest' && entry.name.endsWith('.js') && entry.startTime < w.__proseAt)
          .map((entry) => new URL(entry.name).pathname);
        const plotlyAt = performance.getEntriesByName('stepwise:plotly-loaded')[0]?.startTime ?? Number.NaN;
        return { proseAt: w.__proseAt, doneAt: w.__doneAt, firstRunAt: w.__firstRunAt, cellsDoneAt: w.__cellsDoneAt, plotlyAt, scripts };
      });
      prose.push(marks.proseAt);
      breakdown['first cell starts running (kernel ready)'].push(marks.firstRunAt);
      breakdown['all cells done'].push(marks.cellsDoneAt);
      breakdown['Plotly loaded'].push(marks.plotlyAt);
      done.push(marks.doneAt);
      firstPaintJs.push(await gzipSizeOf(marks.scripts.map((path) => `http://127.0.0.1:${port}${path}`)));
      if (i === COLD_LOADS - 1) console.log(`  scripts loaded before the first prose: ${marks.scripts.join(', ')}`);
      await context.close();
    }
    report('first prose visible (cold load)', summarize(prose), null, '≤ 500 ms');
    report('all cells done + first figure drawn (cold load)', summarize(done), null, '≤ 2000 ms');
    for (const [what, times] of Object.entries(breakdown)) console.log(`  of which: ${what} at ${summarize(times).medianMs.toFixed(0)} ms median`);
    console.log(`JS before first paint: ${(Math.max(...firstPaintJs) / 1024).toFixed(1)} kB gzip | target ≤ 200 kB`);

    const context = await newProfile(browser);
    const page = await context.newPage();
    await page.addInitScript(OBSERVE);
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __doneAt?: number }).__doneAt !== undefined, undefined, { timeout: 30_000 });
    report('slider → figure updated (300 points)', summarize(await sliderLatencies(page)), null, '≤ 50 ms median');
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Total gzip size of the scripts at these addresses, as served. */
async function gzipSizeOf(urls: string[]): Promise<number> {
  let total = 0;
  for (const url of urls) total += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
  return total;
}

/** Moves the noise slider one step at a time and times each move until Plotly has redrawn. */
async function sliderLatencies(page: Page): Promise<number[]> {
  return page.evaluate(async (moves) => {
    const slider = document.querySelector('[data-cell="1"] input[type="range"]') as HTMLInputElement;
    const figure = document.querySelector('[data-cell="2"] .figure') as HTMLElement;
    const times: number[] = [];
    for (let i = 0; i < moves; i++) {
      const drawn = figure.dataset.drawn;
      const changed = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (figure.dataset.drawn !== drawn) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(figure, { attributes: true, attributeFilter: ['data-drawn'] });
      });
      const t0 = performance.now();
      slider.value = String(((i % 10) + 1) / 20);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      const timedOut = await Promise.race([changed.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 10_000))]);
      if (timedOut) throw new Error(`the figure was not redrawn within 10 s of slider move ${i + 1}`);
      // The time until the browser can paint the new figure.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      times.push(performance.now() - t0);
    }
    return times;
  }, SLIDER_MOVES);
}
