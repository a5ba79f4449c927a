/** End-to-end: how maths, computed Markdown, steppers and diverging charts reach eyes and screen readers. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { encodeShare } from '../../src/store/share-link.ts';
import { launchChromium, newProfile, openPage, waitForCellsSettled } from './browser.ts';

const base = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumLaunch'));
  context = await newProfile(browser);
});
afterAll(async () => {
  await browser?.close();
});

/** The stepper's shown text and the text its range announces. */
async function stepperTexts(page: Page, stepper: string): Promise<{ shown: string; announced: string | null }> {
  const shown = (await page.locator(`${stepper} output`).textContent()) ?? '';
  const announced = await page.locator(`${stepper} input[type="range"]`).getAttribute('aria-valuetext');
  return { shown, announced };
}

describe('maths in prose', () => {
  it('is read by screen readers as MathML while the page shows the same typeset formula', async () => {
    const { page, errors } = await openPage(context, `${base}#/welcome`);
    await page.waitForSelector('.prose .katex .katex-mathml math');
    const formula = page.locator('.prose .katex').first();
    // The accessibility tree holds the formula (before, KaTeX's HTML was aria-hidden and it was empty).
    expect(await formula.ariaSnapshot()).toMatch(/math/);
    const exposed = await formula.evaluate((katex) => {
      const mathml = katex.querySelector('.katex-mathml')!;
      const hiddenAbove = mathml.closest('[aria-hidden="true"]') !== null;
      const html = katex.querySelector('.katex-html')!;
      const box = (element: Element) => element.getBoundingClientRect();
      return {
        hiddenAbove,
        htmlHidden: html.getAttribute('aria-hidden'),
        // The MathML is clipped to one pixel: the formula takes the room of its HTML alone.
        mathmlSize: [box(mathml).width, box(mathml).height],
        sameBox: Math.abs(box(katex).width - box(html).width) < 0.5 && Math.abs(box(katex).height - box(html).height) < 0.5,
      };
    });
    expect(exposed).toEqual({ hiddenAbove: false, htmlHidden: 'true', mathmlSize: [1, 1], sameBox: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('its common fonts are preloaded by the page: each fetched once, before KaTeX itself arrives', async () => {
    // A profile of its own: the fonts must come from the network, not the cache of an earlier test.
    const fresh = await newProfile(browser);
    const { page, errors } = await openPage(fresh, `${base}#/welcome`);
    await page.waitForSelector('.prose .katex');
    await page.evaluate(() => document.fonts.ready);
    const loads = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => ({ file: entry.name.split('/').pop()!.replace(/-[\w-]{8}\.(woff2|js)$/, '.$1'), start: entry.startTime })),
    );
    const fonts = ['KaTeX_Main-Regular.woff2', 'KaTeX_Math-Italic.woff2', 'KaTeX_Size1-Regular.woff2', 'KaTeX_Size2-Regular.woff2'];
    const katex = loads.find((load) => load.file === 'katex.js');
    expect(katex).toBeDefined();
    for (const font of fonts) {
      const fetched = loads.filter((load) => load.file === font);
      expect(fetched, font).toHaveLength(1);
      expect(fetched[0].start, font).toBeLessThan(katex!.start);
    }
    expect(errors).toEqual([]);
    await fresh.close();
  });

  it('a notebook of 2,000 formulas opens with its first screen typeset and the rest typeset a slice at a time, the end first when scrolled to', async () => {
    const paragraphs = Array.from({ length: 40 }, (_, p) => Array.from({ length: 50 }, (_, i) => `$x_{${p}} + y^{${i}}$`).join(' '));
    const text = `---\ntitle: Many formulas\n---\n# Many formulas\n\n${paragraphs.join('\n\n')}\n\nThe last one: $\\omega_{end}$\n`;
    const { page, errors } = await openPage(context, `${base}#/shared/${encodeShare(text)}`);
    await page.waitForSelector('.prose p:first-of-type .katex');
    // The page did not typeset everything in one go: placeholders were left for later slices.
    const pendingAtFirst = await page.$$eval('.math-pending[data-tex]', (all) => all.length);
    expect(pendingAtFirst).toBeGreaterThan(0);
    // Scrolled to the end, the last formula is typeset before the thousands in between.
    await page.evaluate(() => document.scrollingElement!.scrollTo(0, document.scrollingElement!.scrollHeight));
    await page.waitForFunction(() => [...document.querySelectorAll('.prose p')].at(-1)?.querySelector('.katex') !== null, undefined, { timeout: 60_000 });
    expect(await page.$$eval('.math-pending[data-tex]', (all) => all.length)).toBeGreaterThan(0);
    await page.waitForFunction(() => document.querySelectorAll('.math-pending').length === 0, undefined, { timeout: 180_000 });
    expect(await page.$$eval('.prose .katex', (all) => all.length)).toBe(2_001);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});

describe('steppers', () => {
  it('show the 0-based step the cell gets, and announce exactly what they show', async () => {
    const { page } = await openPage(context, `${base}#/welcome`);
    await waitForCellsSettled(page, 150_000);
    const stepper = '[data-cell="3"] .stepper';
    expect(await stepperTexts(page, stepper)).toEqual({ shown: 'step 0 of 5', announced: 'step 0 of 5' });
    await page.click(`${stepper} button[aria-label="Next step"]`);
    await page.waitForFunction((s) => document.querySelector(`${s} output`)?.textContent === 'step 1 of 5', stepper);
    expect(await stepperTexts(page, stepper)).toEqual({ shown: 'step 1 of 5', announced: 'step 1 of 5' });
    await page.close();
  }, 240_000);

  it('a stepper over values shows the value with its position (attention dₖ)', async () => {
    const { page } = await openPage(context, `${base}#/attention`);
    await waitForCellsSettled(page, 150_000);
    const stepper = '.stepper[aria-label="dₖ"]';
    expect(await stepperTexts(page, stepper)).toEqual({ shown: '1 (step 0 of 10)', announced: '1 (step 0 of 10)' });
    await page.focus(`${stepper} input[type="range"]`);
    await page.keyboard.press('End');
    await page.waitForFunction((s) => document.querySelector(`${s} output`)?.textContent === '1024 (step 10 of 10)', stepper);
    expect((await stepperTexts(page, stepper)).announced).toBe('1024 (step 10 of 10)');
    await page.close();
  }, 240_000);
});

describe('gradient descent with a learning rate that diverges', () => {
  it('draws every chart at the slider maximum, says where the run left the chart, and still checks it against the library', async () => {
    const { page, errors } = await openPage(context, `${base}#/gradient-descent`);
    await waitForCellsSettled(page, 150_000);
    const rate = page.getByRole('slider', { name: 'learning rate η (log₁₀)' });
    await rate.focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => [...document.querySelectorAll('.control-value')].some((o) => o.textContent === '0.3'));
    await waitForCellsSettled(page, 150_000);
    expect(await page.locator('[data-cell][data-state="error"]').count()).toBe(0);
    // The paths chart labels where the chosen run left it; the equal-compute chart says what it left out.
    await page.waitForSelector('.figure .textpoint text');
    expect(await page.locator('.figure .textpoint text').allTextContents()).toContainEqual(expect.stringMatching(/^left the chart at step \d+$/));
    await page.locator('.figure .annotation-text').filter({ hasText: 'points not shown' }).first().scrollIntoViewIfNeeded();
    expect(await page.locator('.figure .annotation-text', { hasText: 'values became infinite' }).count()).toBeGreaterThan(0);
    // The checks against the library still compare the diverging run (a number, not an error).
    const checks = page.locator('table', { hasText: 'SGDRegressor (linear)' });
    expect(await checks.locator('tbody tr').count()).toBe(3);
    expect((await page.locator('.output-markdown').allTextContents()).filter((text) => text.includes('`'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});

describe('code in Markdown a cell computes', () => {
  it('md`… \\`nInit: 1\\` …` shows the name as code, not between literal backticks', async () => {
    const { page, errors } = await openPage(context, `${base}#/k-means`);
    await waitForCellsSettled(page, 150_000);
    const restarts = page.locator('.output-markdown', { hasText: 'Single random-start runs' });
    expect(await restarts.locator('code').allTextContents()).toContain('nInit: 1');
    expect((await page.locator('.output-markdown').allTextContents()).filter((text) => text.includes('`'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
