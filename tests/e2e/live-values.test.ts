/**
 * End-to-end: a live() value (a training loop written as a generator) draws its first chunk at
 * once and then every later one while it goes on; a control that re-runs it starts afresh; the
 * kernel is busy meanwhile and Interrupt stops it where it is.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newProfile } from './browser.ts';
import { openSharedCells } from './shared-cells.ts';
import { cell, clickButton, figureY, waitForFigure } from './pages.ts';

const base = inject('baseUrl');
const PATIENCE = 120_000;
vi.setConfig({ testTimeout: 3 * PATIENCE });
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumLaunch'));
  context = await newProfile(browser);
});
afterAll(async () => {
  await browser?.close();
});

/** `points` points of a sine of this amplitude, 10 ms of work each, yielded 20 at a time (chunks of ~200 ms). */
const cells = (points: number) => [
  "const amplitude = slider(1, { min: 1, max: 3, label: 'amplitude' })",
  `const curve = live(function* () {
  const ys: number[] = []
  for (let i = 0; i < ${points}; i++) {
    const until = Date.now() + 10
    while (Date.now() < until);
    ys.push(amplitude * Math.sin(i / 20))
    if (i % 20 === 19) yield [...ys]
  }
})`,
  "plot([{ type: 'scatter', mode: 'lines', x: curve.map((_, i) => i), y: curve }], { title: { text: 'live curve' } })",
];

/** The distinct point counts the figure shows, sampled every frame, until it shows `until` points (or stops changing). */
async function countsSeen(page: Page, until: number): Promise<number[]> {
  return page.evaluate(async ({ selector, until }) => {
    const seen: number[] = [];
    let unchangedSince = performance.now();
    for (;;) {
      await new Promise(requestAnimationFrame);
      const data = (document.querySelector(selector) as unknown as { data?: { y: ArrayLike<number> }[] } | null)?.data;
      const count = data?.[0]?.y.length ?? 0;
      if (count !== seen.at(-1)) {
        seen.push(count);
        unchangedSince = performance.now();
      }
      if (count >= until || performance.now() - unchangedSince > 5_000) return seen;
    }
  }, { selector: `${cell(2)} .figure`, until });
}

const kernelStatus = (page: Page) => page.getAttribute('.kernel-status', 'class');

describe('a live value', () => {
  it('draws its first chunk, then the later ones while the kernel is busy, and ends with the whole curve', async () => {
    const { page, errors } = await openSharedCells(context, base, cells(400), { title: 'Live', patience: PATIENCE, settle: false });
    await waitForFigure(page, 2, PATIENCE);
    expect(await page.getAttribute(cell(1), 'data-state')).toBe('done');
    const seen = await countsSeen(page, 400);
    expect(seen.at(-1)).toBe(400);
    // Drawn in steps of 20 as the chunks came (some may be skipped on a busy machine, never all).
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every((count) => count % 20 === 0)).toBe(true);
    await page.waitForFunction(() => document.querySelector('.kernel-status')?.classList.contains('kernel-ready'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a control that re-runs it starts again with the new value, and Interrupt stops it where it is', async () => {
    // Long enough (~60 s of work) that Interrupt always comes before the end, however fast the machine.
    const { page, errors } = await openSharedCells(context, base, cells(6000), { title: 'Live', patience: PATIENCE, settle: false });
    await waitForFigure(page, 2, PATIENCE);
    await page.focus(`${cell(0)} input[type="range"]`);
    await page.keyboard.press('ArrowRight');
    // The new run's curve has amplitude 2 from its first chunk on.
    await page.waitForFunction((selector) => {
      const y = (document.querySelector(selector) as unknown as { data?: { y: number[] }[] } | null)?.data?.[0]?.y ?? [];
      return Math.max(...y.map(Math.abs)) > 1.5;
    }, `${cell(2)} .figure`);
    expect(await kernelStatus(page)).toContain('kernel-busy');
    await clickButton(page, 'Interrupt');
    await page.waitForFunction(() => document.querySelector('.kernel-status')?.classList.contains('kernel-ready'));
    const stoppedAt = (await figureY(page, 2)).length;
    await page.waitForTimeout(1_000);
    expect((await figureY(page, 2)).length).toBe(stoppedAt);
    expect(stoppedAt).toBeLessThan(6000);
    expect(Math.max(...(await figureY(page, 2)).map(Math.abs))).toBeGreaterThan(1.5);
    expect(errors).toEqual([]);
    await page.close();
  });
});
