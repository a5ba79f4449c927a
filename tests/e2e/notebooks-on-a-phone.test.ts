/**
 * End-to-end: every shipped notebook at phone width (390 px), fully run and drawn: no sideways
 * scroll, steppers on one row, figure titles clear of legend and mode bar. Apart from the toolbar
 * tests (narrow.test.ts) so that the two run side by side.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, openPage, waitForCellsSettled } from './browser.ts';
import { openInPage } from './pages.ts';
import { ONE_ROW, PHONE, phone, toolbarHeight } from './phone.ts';

const base = inject('baseUrl');
/** The machine running the tests may be busy: kernels start and notebooks run slowly (ms). */
const SETTLE = 90_000;
const SHIPPED = readdirSync('notebooks')
  .filter((file) => file.endsWith('.md'))
  .map((file) => file.replace(/\.md$/, ''));

let browser: Browser;

/** Waits until every figure of the page is drawn with the newest figure it received (Figure.tsx's data-drawn / data-latest). */
function allFiguresDrawn(page: Page): Promise<unknown> {
  return page.waitForFunction(
    () => [...document.querySelectorAll<HTMLElement>('.figure')].every((figure) => figure.querySelector('.main-svg') && figure.dataset.drawn === figure.dataset.latest),
    undefined,
    { timeout: 60_000 },
  );
}

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumLaunch'));
});
afterAll(async () => {
  await browser?.close();
});

describe('shipped notebooks on a phone', () => {
  // One page goes from notebook to notebook as a learner does by its links (the app, Plotly and
  // KaTeX load once), so every notebook is checked for the price of its own cells and figures.
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    context = await phone(browser);
    ({ page, errors } = await openPage(context, `${base}#/`));
  });
  afterAll(async () => context?.close());

  it.each(SHIPPED)('%s: no sideways scroll, steppers on one row, figure titles clear of legend and mode bar, x axes clear of legend', async (slug) => {
    errors.length = 0;
    await openInPage(page, slug, SETTLE);
    await waitForCellsSettled(page, SETTLE);
    // Figures off screen are drawn one by one when the page is idle: wait until all show their
    // newest figure, then again after two frames (a width measured late asks for one more draw).
    await allFiguresDrawn(page);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await allFiguresDrawn(page);

    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    expect(await toolbarHeight(page)).toBeLessThanOrEqual(ONE_ROW);

    const steppers = await page.$$eval('.stepper', (all) =>
      all.map((stepper) => {
        const parts = [...stepper.querySelectorAll(':scope > button, :scope > label, :scope > output')].map((part) => part.getBoundingClientRect());
        return { parts: parts.length, highestBottom: Math.min(...parts.map((box) => box.bottom)), lowestTop: Math.max(...parts.map((box) => box.top)), centres: parts.map((box) => (box.top + box.bottom) / 2) };
      }),
    );
    for (const stepper of steppers) {
      expect(stepper.parts).toBe(5); // ▶ ‹ slider › count
      expect(stepper.lowestTop).toBeLessThan(stepper.highestBottom); // one row crosses them all
      expect(Math.max(...stepper.centres) - Math.min(...stepper.centres)).toBeLessThanOrEqual(4);
    }

    const figures = await page.$$eval('.figure', (all) =>
      all.map((figure) => {
        const box = (selector: string) => {
          const found = figure.querySelector(selector);
          return found ? found.getBoundingClientRect().toJSON() : undefined;
        };
        const boxes = (selector: string) => [...figure.querySelectorAll(selector)].map((found) => found.getBoundingClientRect().toJSON());
        const outer = figure.getBoundingClientRect();
        return {
          title: box('.gtitle'), legend: box('.legend'), modebar: box('.modebar'), left: outer.left, right: outer.right,
          xTickLabels: boxes('.xtick text'), xTitles: boxes('.g-xtitle text, [class^="g-x"][class$="title"] text'),
        };
      }),
    );
    type Box = { top: number; bottom: number; left: number; right: number };
    const overlap = (a: Box | undefined, b: Box | undefined) => a !== undefined && b !== undefined && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    figures.forEach((figure, index) => {
      expect(figure.right, `figure ${index} fits the screen`).toBeLessThanOrEqual(PHONE.width);
      expect(overlap(figure.title, figure.legend), `figure ${index}: legend over title`).toBe(false);
      expect(overlap(figure.title, figure.modebar), `figure ${index}: mode bar over title`).toBe(false);
      const labels = [...figure.xTickLabels, ...figure.xTitles];
      expect(labels.filter((label) => overlap(figure.legend, label)).length, `figure ${index}: legend over x tick labels or x-axis title`).toBe(0);
      expect(figure.xTitles.filter((title) => figure.xTickLabels.some((label) => overlap(title, label))).length, `figure ${index}: x-axis title over its tick labels`).toBe(0);
    });
    expect(errors).toEqual([]);
  }, 240_000);
});
