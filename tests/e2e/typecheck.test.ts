/** End-to-end: type errors of run cells are shown under them as warnings; the cells still run. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { encodeShare } from '../../src/store/share-link.ts';
import { launchChromium, newProfile, openPage, waitForCellsSettled } from './browser.ts';
import { cell, cellState, clickButton, typeIntoCell } from './pages.ts';

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

const NOTEBOOK = `---
title: Fifty
summary: A value of the wrong type.
---
# Fifty

\`\`\`ts
const n: number = 'fifty'
\`\`\`

\`\`\`ts
n / 2
\`\`\`
`;

// The kernel and the type-check worker (TypeScript and the cell declarations) load on a shared,
// busy machine: the waits are long, none of them is a timing claim.
const SLOW = 150_000;

/** The type warnings shown in a cell's output area. */
const warningsOf = (index: number) => `${cell(index)} .cell-output .type-warnings`;

describe('type errors of run cells', { timeout: 3 * SLOW }, () => {
  it('a run cell with a type error shows it as a warning (line, column, message) without the editor, and still runs', async () => {
    const { page, errors } = await openPage(context, `${base}#/shared/${encodeShare(NOTEBOOK)}`);
    await clickButton(page, 'Run all');
    await waitForCellsSettled(page, SLOW);
    await page.waitForSelector(warningsOf(0), { timeout: SLOW });
    const text = await page.textContent(warningsOf(0));
    expect(text).toContain('Type error on line 1, column 7');
    expect(text).toContain("Type 'string' is not assignable to type 'number'.");
    // The cell ran (JavaScript does not check types): done, and the next cell shows the NaN.
    expect(await cellState(page, 0)).toBe('done');
    expect(await page.textContent(`${cell(1)} .outputs`)).toContain('NaN');
    // The cell using `n` declared by another cell has no type error.
    expect(await page.$(warningsOf(1))).toBeNull();
    // Seen without the editor: Monaco was never loaded.
    expect(await page.$('.monaco-editor')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a site notebook as shipped is not type-checked in the page (its tests do that); once a cell is edited, it is', async () => {
    const workers: string[] = [];
    const page = await context.newPage();
    page.on('request', (request) => {
      if (request.url().includes('type-check.worker')) workers.push(request.url());
    });
    await page.goto(`${base}#/e2e-cells`);
    await waitForCellsSettled(page, SLOW);
    await clickButton(page, 'Run all');
    await waitForCellsSettled(page, SLOW);
    expect(workers).toEqual([]);
    await typeIntoCell(page, 0, "const a: number = 'two'");
    await clickButton(page, 'Run all');
    await page.waitForSelector(warningsOf(0), { timeout: SLOW });
    expect(await page.textContent(warningsOf(0))).toContain("Type 'string' is not assignable to type 'number'.");
    expect(workers.length).toBe(1);
    // Back to the shipped code: the warning goes without another check.
    await typeIntoCell(page, 0, 'const a = 2');
    await clickButton(page, 'Run all');
    await page.waitForSelector(warningsOf(0), { state: 'detached', timeout: SLOW });
    await page.close();
  });

  it('fixing the type and running again clears the warning', async () => {
    const { page, errors } = await openPage(context, `${base}#/shared/${encodeShare(NOTEBOOK)}`);
    await clickButton(page, 'Run all');
    await page.waitForSelector(warningsOf(0), { timeout: SLOW });
    await typeIntoCell(page, 0, 'const n: number = 50');
    // A new type error in the other cell: when it shows, the fixed sources have been checked.
    await typeIntoCell(page, 1, 'const half: string = n / 2\nhalf');
    await clickButton(page, 'Run all');
    await page.waitForSelector(warningsOf(1), { timeout: SLOW });
    expect(await page.textContent(warningsOf(1))).toContain("Type 'number' is not assignable to type 'string'.");
    expect(await page.$(warningsOf(0))).toBeNull();
    expect(await page.textContent(`${cell(1)} .outputs`)).toContain('25');
    expect(errors).toEqual([]);
    await page.close();
  });
});
