/**
 * End-to-end: figures as inputs (dragPoint, dragPoints, dragDirection with withInputs), in
 * Chromium: dragging a handle, clicking the plot, arrow keys on the figure and the cell's boxes
 * all set the value, and the cells that read it re-run.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newProfile, openPage, waitForCellsSettled } from './browser.ts';

const base = inject('baseUrl');
/** The fixture's axes run from -5 to 5 both ways. */
const SPAN = 10;

let browser: Browser;
let page: Page;
let errors: string[];
beforeAll(async () => {
  browser = await launchChromium(inject('chromiumLaunch'));
  ({ page, errors } = await openPage(await newProfile(browser), `${base}#/figure-inputs`));
  await waitForCellsSettled(page, 90_000);
});
afterAll(async () => {
  await browser?.close();
});

/** The values the last cell reports, as it printed them. */
const report = () => page.$eval('[data-cell="4"] .output-markdown', (el) => el.textContent?.trim() ?? '');

/** Waits until the last cell's report changes from `before`, and returns it. */
async function changedFrom(before: string): Promise<string> {
  await page.waitForFunction((old) => {
    const text = document.querySelector('[data-cell="4"] .output-markdown')?.textContent?.trim();
    return text !== undefined && text !== old && document.querySelector('[data-cell="4"]')?.getAttribute('data-state') === 'done';
  }, before, { timeout: 30_000 });
  return report();
}

/** The plot area of a cell's figure, scrolled into view: where data (x, y) is on screen. */
async function plotArea(cell: number) {
  await page.waitForSelector(`[data-cell="${cell}"] .figure[data-drawn] .shapelayer path`, { state: 'attached' });
  const [left, top, width, height] = await page.$eval(`[data-cell="${cell}"] .figure .nsewdrag`, (el) => {
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return [r.left, r.top, r.width, r.height];
  });
  return { at: (x: number, y: number): [number, number] => [left + ((x + 5) / SPAN) * width, top + ((5 - y) / SPAN) * height] };
}

const numbers = (text: string) => [...text.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
/** θ₀ from the report "θ₀ = (x, y); starts: (x, y) …; axis (x, y)". */
const theta = (text: string) => numbers(text.slice(text.indexOf('('), text.indexOf(';')));
/** The starts, as [x, y] pairs. */
const starts = (text: string) => {
  const values = numbers(text.slice(text.indexOf('starts:'), text.indexOf('; axis')));
  return values.flatMap((v, i) => (i % 2 === 0 ? [[v, values[i + 1]]] : []));
};

describe('figure inputs', () => {
  it('dragging the point moves it to where it was dropped', async () => {
    const area = await plotArea(1);
    const before = await report();
    const [fromX, fromY] = area.at(1, -2);
    const [toX, toY] = area.at(3, 1);
    await page.mouse.move(fromX, fromY);
    await page.mouse.down();
    await page.mouse.move(toX, toY, { steps: 8 });
    await page.mouse.up();
    const [x, y] = theta(await changedFrom(before));
    expect(x).toBeCloseTo(3, 0);
    expect(y).toBeCloseTo(1, 0);
  });

  it('a mark on the figure cannot be dragged off its value: only the handles move', async () => {
    const area = await plotArea(1);
    await page.waitForFunction(() => {
      const figure = document.querySelector<HTMLElement>('[data-cell="1"] .figure');
      return figure?.dataset.drawn === figure?.dataset.latest && document.querySelector('[data-cell="1"]')?.getAttribute('data-state') === 'done';
    });
    const before = await report();
    // The mark's x in data units, from where its line is drawn within the plot area.
    const markX = () => page.$eval('[data-cell="1"] .figure', (figure) => {
      const plot = figure.querySelector('.nsewdrag')!.getBoundingClientRect();
      const line = figure.querySelector('.shapelayer path[data-index="0"]')!.getBoundingClientRect();
      return -5 + ((line.left - plot.left) / plot.width) * 10;
    });
    expect(await markX()).toBeCloseTo(-2, 1);
    await page.mouse.move(...area.at(-2, -4));
    await page.mouse.down();
    await page.mouse.move(...area.at(0, -4), { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await markX()).toBeCloseTo(-2, 1);
    expect(await page.$eval('[data-cell="1"] .figure', (figure) => (figure as unknown as { layout: { shapes: { x0: number }[] } }).layout.shapes[0].x0)).toBe(-2);
    expect(await report()).toBe(before);
  });

  it('a click on the plot moves the point there; arrow keys on the figure nudge it', async () => {
    const area = await plotArea(1);
    let before = await report();
    await page.mouse.click(...area.at(-3, 2.5));
    const [x, y] = theta(await changedFrom(before));
    expect(x).toBeCloseTo(-3, 0);
    expect(y).toBeCloseTo(2.5, 0);
    before = await report();
    await page.focus('[data-cell="1"] .figure');
    await page.keyboard.press('ArrowRight');
    const [x2, y2] = theta(await changedFrom(before));
    expect(x2).toBeCloseTo(x + 0.02 * SPAN, 5);
    expect(y2).toBeCloseTo(y, 5);
  });

  it('the cell\'s boxes set the point and its handle follows', async () => {
    const before = await report();
    const box = page.getByRole('textbox', { name: 'start θ₀ x' }).or(page.getByRole('spinbutton', { name: 'start θ₀ x' })).first();
    await box.fill('-4');
    await box.press('Enter');
    expect(theta(await changedFrom(before))[0]).toBe(-4);
    const area = await plotArea(1);
    await page.waitForFunction(
      ([x]) => {
        // The handle: the shape after the cell's own mark (data-index 0).
        const dot = document.querySelector('[data-cell="1"] .figure .shapelayer path[data-index="1"]')?.getBoundingClientRect();
        return dot !== undefined && Math.abs(dot.left + dot.width / 2 - x) < 4;
      },
      area.at(-4, 0),
      { timeout: 10_000 },
    );
  });

  it('a click adds a point to a list; the cell\'s ✕ removes one', async () => {
    const area = await plotArea(2);
    let before = await report();
    await page.mouse.click(...area.at(-2, -3));
    let text = await changedFrom(before);
    const added = starts(text);
    expect(added.slice(0, 2)).toEqual([[0, 0], [2, 1]]);
    expect(added).toHaveLength(3);
    expect(added[2][0]).toBeCloseTo(-2, 0);
    expect(added[2][1]).toBeCloseTo(-3, 0);
    before = text;
    await page.getByRole('button', { name: 'Remove starts 1' }).first().click();
    text = await changedFrom(before);
    expect(starts(text)).toEqual([[2, 1], added[2]]);
  });

  it('a click turns the direction towards it', async () => {
    const area = await plotArea(3);
    const before = await report();
    await page.mouse.click(...area.at(0, 4));
    const text = await changedFrom(before);
    const [ux, uy] = numbers(text.slice(text.indexOf('axis'))).slice(0, 2);
    expect(Math.abs(ux)).toBeLessThan(0.05);
    expect(uy).toBeCloseTo(1, 2);
    expect(errors).toEqual([]);
  });
  it('a control of a cell with several, operated again and again in the dock, stays the same element (the cell re-running does not re-create it)', async () => {
    await page.$eval('[data-cell="3"] .figure', (el) => el.scrollIntoView({ block: 'end' }));
    await page.$eval('[data-cell="4"]', (el) => el.scrollIntoView({ block: 'end' }));
    const slider = await page.waitForSelector('.control-dock [data-control$="/axis"] input[type="range"]', { timeout: 10_000 });
    for (let i = 0; i < 3; i++) {
      const before = await report();
      await slider.focus();
      await slider.press('ArrowRight');
      await changedFrom(before);
      expect(await slider.evaluate((el) => el.isConnected)).toBe(true);
    }
    expect(errors).toEqual([]);
  });
});
