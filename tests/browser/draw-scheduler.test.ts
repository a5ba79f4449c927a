import { afterEach, describe, expect, it } from 'vitest';
import { forget, kernelIsBusy, scheduleDraw, watch } from '../../src/ui/output/draw-scheduler.ts';

const boxes: HTMLElement[] = [];
afterEach(() => {
  for (const box of boxes.splice(0)) {
    forget(box);
    box.remove();
  }
  window.scrollTo(0, 0);
  kernelIsBusy(false);
});

/** A watched figure-sized box, `top` px from the top of the page. */
function box(top: number): HTMLElement {
  const element = document.createElement('div');
  element.style.cssText = `position: absolute; left: 0; top: ${top}px; width: 300px; height: 200px`;
  document.body.appendChild(element);
  watch(element);
  boxes.push(element);
  return element;
}

const frames = (n: number) => new Promise<void>((resolve) => {
  const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
  step(n);
});

/** Has `element` drawn once (a figure's first draw does not wait), then forgets that draw in `drawn`. */
async function drawnOnce(element: HTMLElement, drawn: string[]): Promise<void> {
  scheduleDraw(element, () => drawn.push('first'));
  await until(() => drawn.length > 0);
  drawn.length = 0;
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('draw scheduler (figures on screen first)', () => {
  it('draws a figure on screen right after the caller\'s turn, once, with only its latest data', async () => {
    const element = box(0);
    await frames(2); // the observer has seen it on screen
    const drawn: string[] = [];
    scheduleDraw(element, () => drawn.push('first'));
    scheduleDraw(element, () => drawn.push('second'));
    expect(drawn).toEqual([]); // not inside the caller
    await new Promise<void>((resolve) => queueMicrotask(resolve)); // the same turn, before any task
    expect(drawn).toEqual(['second']);
    await frames(2);
    expect(drawn).toEqual(['second']);
  });

  it('draws a figure off screen for the first time at the page\'s next idle moment, even while the kernel runs cells', async () => {
    // A notebook opening: its cells run in the worker, its figures' first data arrive meanwhile.
    const below = box(20_000);
    await frames(2);
    const drawn: string[] = [];
    kernelIsBusy(true);
    scheduleDraw(below, () => drawn.push('first data'));
    await until(() => drawn.length > 0);
    expect(drawn).toEqual(['first data']);
  });

  it('keeps a figure off screen waiting until it is scrolled into view', async () => {
    const far = box(20_000);
    await frames(2);
    const drawn: string[] = [];
    await drawnOnce(far, drawn);
    // A stream of updates, as while a stepper plays: the page never goes quiet, so the figure
    // off screen is not drawn for any of them.
    for (let i = 0; i < 10; i++) {
      scheduleDraw(far, () => drawn.push(`update ${i}`));
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    expect(drawn).toEqual([]);
    far.scrollIntoView();
    await until(() => drawn.length > 0);
    expect(drawn).toEqual(['update 9']);
  });

  it('draws figures off screen once the page has been quiet, and all of them before printing', async () => {
    const later = box(20_000);
    const printed = box(30_000);
    await frames(2);
    const drawn: string[] = [];
    scheduleDraw(later, () => drawn.push('later'));
    await until(() => drawn.includes('later'));
    scheduleDraw(printed, () => drawn.push('printed'));
    window.dispatchEvent(new Event('beforeprint'));
    expect(drawn).toEqual(['later', 'printed']);
  });

  it('keeps figures off screen waiting while the kernel runs cells, even through a quiet spell', async () => {
    const below = box(20_000);
    const onScreen = box(0);
    await frames(2);
    const drawn: string[] = [];
    await drawnOnce(below, drawn);
    kernelIsBusy(true);
    scheduleDraw(below, () => drawn.push('below'));
    scheduleDraw(onScreen, () => drawn.push('on screen'));
    // Longer than the quiet period: a cell computing for a while sends no figure meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(drawn).toEqual(['on screen']);
    kernelIsBusy(false);
    await until(() => drawn.includes('below'));
    expect(drawn).toEqual(['on screen', 'below']);
  });
});
