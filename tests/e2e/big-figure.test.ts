/** End-to-end: a figure of millions of points is drawn reduced, says so, and leaves the page usable. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newProfile, openPage, waitForCellsSettled } from './browser.ts';
import { cell, cellState, waitForFigure } from './pages.ts';
import { MAX_SCATTER_POINTS } from '../../src/plot/limit-points.ts';

const base = inject('baseUrl');
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumLaunch'));
  ({ page, errors } = await openPage(await newProfile(browser), `${base}#/big-figure`));
});
afterAll(async () => {
  await browser?.close();
});

describe('a figure of five million points', () => {
  it('is drawn with WebGL from at most the budget of points, keeping the spike, and says how many it drew', async () => {
    await waitForCellsSettled(page, 90_000);
    expect(await cellState(page, 0)).toBe('done');
    await waitForFigure(page, 0, 90_000);
    const drawn = await page.$eval(`${cell(0)} .figure`, (element) => {
      const data = (element as unknown as { data: { type: string; x: ArrayLike<number>; y: ArrayLike<number> }[] }).data;
      const [trace] = data;
      return { type: trace.type, points: trace.y.length, first: trace.x[0], last: trace.x[trace.x.length - 1], top: Array.from(trace.y).reduce((a, b) => Math.max(a, b), -Infinity) };
    });
    expect(drawn.type).toBe('scattergl');
    expect(drawn.points).toBeLessThanOrEqual(MAX_SCATTER_POINTS);
    expect(drawn.points).toBeGreaterThan(MAX_SCATTER_POINTS / 4);
    expect([drawn.first, drawn.last]).toEqual([0, 4_999_999]);
    expect(drawn.top).toBe(Math.sin(1_234_567 / 50_000) + 5);
    const notice = await page.textContent(`${cell(0)} .figure .annotation-text`);
    expect(notice).toContain(`of 5,000,000 points`);
    expect(notice).toContain(`Drawn ${drawn.points.toLocaleString('en-US')}`);
  });

  it('leaves the page usable: another cell’s slider still re-runs its cell', async () => {
    await page.focus(`${cell(1)} input[type="range"]`);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('[data-cell="2"]')?.textContent?.includes('k is 4'), undefined, { timeout: 20_000 });
    expect(await page.textContent(cell(2))).toContain('k is 4');
    expect(errors).toEqual([]);
  });
});
