/**
 * End-to-end: pin a figure to compare two settings. On gradient descent's paths chart ("Paths of …"), pin,
 * change the learning rate, and the pinned paths stay (faded, named with the settings at pin
 * time) under the live ones; pin again replaces them; unpin clears them.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, newProfile, openPage, waitForCellsSettled } from './browser.ts';

const base = inject('baseUrl');
let browser: Browser;
let page: Page;
let errors: string[];
let paths: Locator;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumLaunch'));
  ({ page, errors } = await openPage(await newProfile(browser), `${base}#/gradient-descent`));
  await waitForCellsSettled(page, 120_000);
  paths = page.locator('.figure[aria-label^="Paths of "]');
  await paths.scrollIntoViewIfNeeded();
});
afterAll(async () => {
  await browser?.close();
});

interface DrawnTrace { name?: string; group?: string; x: number[] }
const drawnTraces = () => paths.evaluate((el) => ((el as unknown as { data: { name?: string; legendgroup?: string; x?: ArrayLike<number> }[] }).data ?? []).map((t) => ({ name: t.name, group: t.legendgroup, x: Array.from(t.x ?? []) })));
const pinnedOf = (traces: DrawnTrace[]) => traces.filter((t) => t.group === 'pinned');
const modebarButton = async (title: string) => {
  await paths.hover();
  return paths.locator(`.modebar-btn[data-title^="${title}"]`);
};

/** Moves the learning rate slider (in the dock: its cell is scrolled away) and waits for the figure to redraw. */
async function nudgeLearningRate(key: 'ArrowLeft' | 'ArrowRight', times: number): Promise<void> {
  const drawn = await paths.getAttribute('data-drawn');
  const slider = page.locator('.control-dock [data-control$="/logEta"] input');
  // One press at a time, each seen on the slider before the next, as a learner presses keys.
  for (let i = 0; i < times; i++) {
    const value = Number(await slider.inputValue());
    await slider.press(key);
    await page.waitForFunction(([old]) => Number(document.querySelector<HTMLInputElement>('.control-dock [data-control$="/logEta"] input')?.value) !== old, [value]);
  }
  await page.waitForFunction(([old]) => {
    const figure = document.querySelector<HTMLElement>('.figure[aria-label^="Paths of "]');
    return figure?.dataset.drawn !== old && [...document.querySelectorAll('[data-cell]')].every((c) => ['done', 'error'].includes(c.getAttribute('data-state') ?? ''));
  }, [drawn], { timeout: 60_000 });
}

describe('pinning a figure', { timeout: 180_000 }, () => {
  it('keeps the pinned paths under the live ones after a control moves, named with the values at pin time', async () => {
    await (await modebarButton('Pin to compare')).click();
    await page.waitForFunction(() => ((document.querySelector('.figure[aria-label^="Paths of "]') as unknown as { data?: { legendgroup?: string }[] })?.data ?? []).some((t) => t.legendgroup === 'pinned'));
    const atPin = pinnedOf(await drawnTraces());
    expect(atPin.length).toBeGreaterThan(0);
    expect(atPin[0].name).toContain('pinned: learning rate η (log₁₀) = -0.5');
    await nudgeLearningRate('ArrowLeft', 6);
    const after = await drawnTraces();
    expect(pinnedOf(after)).toEqual(atPin); // the pinned paths did not follow the control
    const live = after.filter((t) => t.group !== 'pinned' && t.name?.startsWith('batch'));
    const pinnedBatch = atPin.find((t) => t.x.length === live[0].x.length && t.x[0] === live[0].x[0]);
    expect(live[0].x).not.toEqual(pinnedBatch?.x ?? atPin[1].x); // the live batch path moved
  });

  it('pin again replaces the pinned picture with the current one; unpin clears it', async () => {
    await (await modebarButton('Pin again')).click();
    await page.waitForFunction(() => ((document.querySelector('.figure[aria-label^="Paths of "]') as unknown as { data?: { name?: string }[] })?.data ?? []).some((t) => t.name?.includes('= -0.8')));
    expect(pinnedOf(await drawnTraces())[0].name).toContain('learning rate η (log₁₀) = -0.8');
    await (await modebarButton('Unpin')).click();
    await page.waitForFunction(() => !((document.querySelector('.figure[aria-label^="Paths of "]') as unknown as { data?: { legendgroup?: string }[] })?.data ?? []).some((t) => t.legendgroup === 'pinned'));
    expect(await (await modebarButton('Pin to compare')).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
