/**
 * End-to-end: figures load the small cartesian Plotly bundle unless they need the full one, and
 * a burst of control moves ends with the figure showing the newest value.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newProfile, openPage, waitForCellsSettled } from './browser.ts';
import { cell } from './pages.ts';

const base = inject('baseUrl');
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumLaunch'));
  ({ page, errors } = await openPage(await newProfile(browser), `${base}#/e2e-plotly-bundles`));
  await waitForCellsSettled(page, 90_000);
});
afterAll(async () => {
  await browser?.close();
});

/** Waits until the figure of a cell shows its newest data, drawn. */
async function waitForLatestDrawn(index: number): Promise<void> {
  await page.waitForFunction(
    (selector) => {
      const figure = document.querySelector(selector) as HTMLElement | null;
      return figure?.closest('[data-cell]')?.getAttribute('data-state') === 'done' && figure.dataset.latest !== undefined && figure.dataset.drawn === figure.dataset.latest;
    },
    `${cell(index)} .figure:not(.figure-loading)`,
    { timeout: 60_000 },
  );
}

/** Which Plotly bundles the page loaded: from its marks, and the scripts it fetched. */
async function bundlesLoaded(): Promise<{ marked: string[]; scripts: string[] }> {
  return page.evaluate(() => ({
    marked: performance.getEntriesByName('stepwise:plotly-loaded').map((mark) => String((mark as PerformanceMark).detail)),
    scripts: performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname.split('/').pop()!)
      .filter((name) => name.startsWith('plotly')),
  }));
}

/** The trace types Plotly drew in a cell's figure. */
async function drawnTypes(index: number): Promise<string[]> {
  return page.$eval(`${cell(index)} .figure`, (element) => ((element as unknown as { _fullData?: { type: string }[] })._fullData ?? []).map((trace) => trace.type));
}

describe('Plotly bundles', () => {
  it('draws 2-D figures with the cartesian bundle alone', async () => {
    await waitForLatestDrawn(0);
    await waitForLatestDrawn(2);
    expect(await drawnTypes(0)).toEqual(['scatter']);
    expect(await drawnTypes(2)).toEqual(['bar']);
    const { marked, scripts } = await bundlesLoaded();
    expect(marked).toEqual(['cartesian']);
    expect(scripts.some((name) => name.startsWith('plotly-cartesian.min'))).toBe(true);
    expect(scripts.filter((name) => name.startsWith('plotly.min'))).toEqual([]);
  });

  it('loads the full bundle when a figure turns 3-D, and draws it there', async () => {
    await page.click(`${cell(1)} input[type="checkbox"]`);
    await page.waitForFunction((selector) => ((document.querySelector(selector) as unknown as { _fullData?: { type: string }[] } | null)?._fullData ?? [])[0]?.type === 'surface', `${cell(2)} .figure`, { timeout: 60_000 });
    await waitForLatestDrawn(2);
    expect(await drawnTypes(2)).toEqual(['surface']);
    expect(await page.$$eval(`${cell(2)} .figure .gl-container canvas`, (canvases) => canvases.length)).toBeGreaterThan(0);
    const { marked, scripts } = await bundlesLoaded();
    expect(marked).toEqual(['cartesian', 'full']);
    expect(scripts.some((name) => name.startsWith('plotly.min'))).toBe(true);
  });

  it('draws the figure back in 2-D when the trace type goes back, with the bundle already there', async () => {
    await page.click(`${cell(1)} input[type="checkbox"]`);
    await page.waitForFunction((selector) => ((document.querySelector(selector) as unknown as { _fullData?: { type: string }[] } | null)?._fullData ?? [])[0]?.type === 'bar', `${cell(2)} .figure`, { timeout: 60_000 });
    await waitForLatestDrawn(2);
    expect(await page.$$eval(`${cell(2)} .figure .gl-container canvas`, (canvases) => canvases.length)).toBe(0);
    expect((await bundlesLoaded()).marked).toEqual(['cartesian', 'full']);
    expect(errors).toEqual([]);
  });
});

describe('a burst of slider moves', () => {
  it('ends with the figure drawn from the last value', async () => {
    await waitForLatestDrawn(4);
    await page.evaluate(async (selector) => {
      const slider = document.querySelector(selector) as HTMLInputElement;
      for (let value = 2; value <= 60; value++) {
        slider.value = String(value);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 4));
      }
    }, `${cell(3)} input[type="range"]`);
    await page.waitForFunction((selector) => {
      const figure = document.querySelector(selector) as unknown as { data?: { y: number[] }[] } | null;
      return figure?.data?.[0]?.y[1] === 60;
    }, `${cell(4)} .figure`, { timeout: 60_000 });
    await waitForLatestDrawn(4);
    expect(await page.$eval(`${cell(4)} .figure`, (element) => Array.from((element as unknown as { data: { y: number[] }[] }).data[0].y))).toEqual([0, 60]);
    expect(errors).toEqual([]);
  });

  it('re-runs too quick to wait for leave the cell bars as they were: no flash of queued and running', async () => {
    await waitForLatestDrawn(4);
    const seen = await page.evaluate(async ([slider, cells]) => {
      const states: string[] = [];
      const shown: string[] = [];
      const observer = new MutationObserver((mutations) => {
        for (const m of mutations) {
          // A text node changed (characterData) stands for its element.
          const target = (m.target instanceof Element ? m.target : m.target.parentElement)!;
          if (m.attributeName === 'data-state') states.push(target.getAttribute('data-state')!);
          else {
            const section = target.closest('[data-cell]')!;
            shown.push(`${section.querySelector('.state-text')!.textContent} | ${section.className} | ${section.querySelector('.state-dot')!.className}`);
          }
        }
      });
      for (const selector of cells) {
        observer.observe(document.querySelector(selector)!, { attributes: true, attributeFilter: ['data-state', 'class'] });
        observer.observe(document.querySelector(`${selector} .cell-bar`)!, { attributes: true, subtree: true, characterData: true, childList: true });
      }
      const input = document.querySelector(slider) as HTMLInputElement;
      input.value = '7';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const figure = document.querySelector(`${cells[1]} .figure`) as unknown as { data: { y: number[] }[] };
      while (figure.data[0].y[1] !== 7 || document.querySelector(`${cells[1]}`)!.getAttribute('data-state') !== 'done') await new Promise((resolve) => setTimeout(resolve, 10));
      observer.disconnect();
      return { states, shown };
    }, [`${cell(3)} input[type="range"]`, [cell(3), cell(4)]] as const);
    // The cells did run (their state went through running)...
    expect(seen.states).toContain('running');
    // ...but the bars never said so (a cell that runs for long does: see notebook.test.ts).
    expect(seen.shown.filter((entry) => /queued|running/.test(entry))).toEqual([]);
  });
});

describe('margins', () => {
  /** The margins and plot width Plotly drew a cell's figure with. */
  const drawnSize = (index: number) => page.$eval(`${cell(index)} .figure`, (element) => {
    const size = (element as unknown as { _fullLayout: { _size: { l: number; w: number } } })._fullLayout._size;
    return { l: size.l, w: size.w };
  });
  const setDigits = async (value: number) => {
    const before = await page.$eval(`${cell(6)} .figure`, (element) => (element as HTMLElement).dataset.latest);
    await page.$eval(`${cell(5)} input[type="range"]`, (slider, v) => {
      (slider as HTMLInputElement).value = String(v);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
    await page.waitForFunction(([selector, old]) => (document.querySelector(selector) as HTMLElement | null)?.dataset.latest !== old, [`${cell(6)} .figure`, before] as const);
    await waitForLatestDrawn(6);
  };

  it('grow to fit wider tick labels, and stay when the labels narrow again: the plot area does not jump under a moving slider', async () => {
    await waitForLatestDrawn(6);
    const narrow = await drawnSize(6);
    await setDigits(6); // labels like 1000000.0012
    const wide = await drawnSize(6);
    expect(wide.l).toBeGreaterThan(narrow.l + 20);
    await setDigits(1);
    expect(await drawnSize(6)).toEqual(wide);
    expect(errors).toEqual([]);
  });
});
