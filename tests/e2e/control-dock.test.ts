/**
 * End-to-end: the control dock. With any figure of a flagship notebook scrolled into view, every
 * control the figure depends on (through the cells it reads from) is on screen and operable,
 * in its own cell or in the dock; operating a docked copy redraws the figure.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, ElementHandle, Page } from 'playwright-core';
import { launchChromium, openPage, waitForCellsSettled } from './browser.ts';
import { openInPage } from './pages.ts';
import { parseNotebook, codeCells } from '../../src/notebook/index.ts';
import { analyzeCell } from '../../src/analysis/index.ts';

const base = inject('baseUrl');
const SETTLE = 120_000;
const WINDOW = { width: 1366, height: 900 };
/** The flagship notebooks, the house style the others follow (every notebook in the browser would take minutes). */
const FLAGSHIPS = ['gradient-descent', 'k-means', 'pca', 'attention', 'bias-variance'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium(inject('chromiumLaunch'));
});
afterAll(async () => {
  await browser?.close();
});

/** For each code cell (by index), the indexes of the cells it depends on, itself included: an oracle written apart from the app's. */
function dependencies(slug: string): number[][] {
  const cells = codeCells(parseNotebook(readFileSync(`notebooks/${slug}.md`), `${slug}.md`)).map((cell, i) => analyzeCell(`c${i}`, cell.source));
  return cells.map((_, start) => {
    const seen = new Set<number>([start]);
    const queue = [start];
    while (queue.length > 0) {
      for (const name of cells[queue.pop() as number].reads) {
        const source = cells.findIndex((cell) => cell.declares.includes(name));
        if (source >= 0 && !seen.has(source)) {
          seen.add(source);
          queue.push(source);
        }
      }
    }
    return [...seen].sort((a, b) => a - b);
  });
}

/** The keys of the controls a cell shows (data-control, "<cell id>/<name>"). */
const controlsOf = (page: Page, index: number) => page.$$eval(`[data-cell="${index}"] [data-control]`, (els) => els.map((el) => (el as HTMLElement).dataset.control as string));

/** Keys of the controls fully in the window and not covered (what a learner can reach without scrolling). */
const reachable = (page: Page) =>
  page.evaluate(() => {
    const keys = new Set<string>();
    for (const el of document.querySelectorAll<HTMLElement>('[data-control]')) {
      const rect = el.getBoundingClientRect();
      if (rect.height === 0 || rect.top < 0 || rect.bottom > innerHeight) continue;
      const hit = document.elementFromPoint(rect.left + Math.min(rect.width / 2, 40), rect.top + rect.height / 2);
      if (hit && el.contains(hit)) keys.add(el.dataset.control as string);
    }
    return [...keys];
  });

/** Moves a control by one notch the way a learner would (keys, a click, another option). */
async function operate(control: ElementHandle): Promise<void> {
  const kind = await control.evaluate((el) => [...(el as HTMLElement).classList].find((c) => c.startsWith('control-'))?.slice('control-'.length));
  if (kind === 'slider' || kind === 'number') {
    const input = (await control.$('input'))!;
    const atMax = await input.evaluate((el) => (el as HTMLInputElement).value === (el as HTMLInputElement).max);
    await input.focus();
    await input.press(kind === 'slider' ? (atMax ? 'ArrowLeft' : 'ArrowRight') : atMax ? 'ArrowDown' : 'ArrowUp');
    if (kind === 'number') await input.press('Enter');
  } else if (kind === 'select') {
    const select = (await control.$('select'))!;
    const next = await select.evaluate((el) => {
      const s = el as HTMLSelectElement;
      return s.options[(s.selectedIndex + 1) % s.options.length].text;
    });
    await select.selectOption({ label: next });
  } else if (kind === 'checkbox') await (await control.$('input'))!.click();
  else if (kind === 'stepper') {
    const previous = (await control.$('button[aria-label="Previous step"]'))!;
    await ((await previous.isEnabled()) ? previous : (await control.$('button[aria-label="Next step"]'))!).click();
  } else await (await control.$('button'))!.click();
}

describe('control dock on the flagship notebooks', () => {
  // One page visits every flagship: a new page per notebook would pay the app's start five times.
  it('keeps every control a figure depends on in reach, and a docked control redraws the figure', async () => {
    const context = await browser.newContext({ viewport: WINDOW });
    const { page, errors } = await openPage(context, `${base}#/${FLAGSHIPS[0]}`);
    for (const slug of FLAGSHIPS) {
      if (slug !== FLAGSHIPS[0]) await openInPage(page, slug, SETTLE);
      await waitForCellsSettled(page, SETTLE);
      await checkDock(page, slug);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 900_000);
});

/** Scrolls each figure of the open notebook into view and checks its controls are in reach; operates docked ones. */
async function checkDock(page: Page, slug: string): Promise<void> {
  const upstream = dependencies(slug);
  const figureCells = await page.$$eval('[data-cell] .figure', (els) => [...new Set(els.map((el) => Number(el.closest('[data-cell]')!.getAttribute('data-cell'))))]);
  let operated = 0;
  for (const index of figureCells) {
    const expected = (await Promise.all(upstream[index].map((u) => controlsOf(page, u)))).flat();
    await page.$eval(`[data-cell="${index}"] .figure`, (el) => el.scrollIntoView({ block: 'center' }));
    await page
      .waitForFunction((keys) => keys.every((key) => document.querySelector(`.control-dock [data-control="${key}"]`) || document.querySelector(`.cell [data-control="${key}"]`)), expected, { timeout: 5000 })
      .catch(() => undefined);
    // The dock measures on a frame after the scroll; on a busy machine frames come late.
    await expect.poll(() => reachable(page), { timeout: 10_000, message: `controls of the figure in cell ${index + 1} of ${slug}` }).toEqual(expect.arrayContaining(expected));
    // Operate (up to two of) the docked controls of the first figure that has some, and see the figure redrawn.
    const docked = (await page.$$('.control-dock [data-control]')).slice(0, 2);
    if (operated > 0 || docked.length === 0) continue;
    for (const control of docked) {
      const key = await control.getAttribute('data-control');
      const before = await page.$eval(`[data-cell="${index}"] .figure`, (el) => (el as HTMLElement).dataset.drawn);
      await operate(control);
      await page
        .waitForFunction(
          ([cell, drawn]) => {
            const el = document.querySelector<HTMLElement>(`[data-cell="${cell}"] .figure`);
            return el !== null && el.dataset.drawn !== drawn && document.querySelector(`[data-cell="${cell}"]`)?.getAttribute('data-state') === 'done';
          },
          [index, before] as const,
          { timeout: SETTLE },
        )
        .catch(() => {
          throw new Error(`operating the docked control ${key} did not redraw the figure in cell ${index + 1} of ${slug}`);
        });
      operated++;
    }
  }
  if (figureCells.length > 0) expect(operated, `some figure of ${slug} has its controls in the dock`).toBeGreaterThan(0);
}
