/** End-to-end: reading and running notebooks in the built site, in headless Chromium. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newProfile, openPage, waitForCellsSettled } from './browser.ts';
import { cell, cellCode, cellState, clickButton, figureY, typeIntoCell, waitForCellState, waitForFigure } from './pages.ts';

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

describe('index page', () => {
  it('lists every notebook with its title and summary, and the search filters them by tag', async () => {
    const { page, errors } = await openPage(context, `${base}#/`);
    await page.waitForSelector('.card');
    const titles = await page.$$eval('.card h3', (hs) => hs.map((h) => h.textContent));
    expect(titles).toContain('Welcome to Stepwise');
    expect(titles).toContain('E2E runaway loop');
    await page.fill('input[type="search"]', 'e2e');
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 4);
    expect(await page.$$eval('.card h3', (hs) => hs.map((h) => h.textContent).sort())).toEqual(['E2E cells', 'E2E hostile figures', 'E2E runaway loop', 'E2E thirty cells']);
    await page.fill('input[type="search"]', 'runaway interrupt');
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    await page.fill('input[type="search"]', 'no such notebook anywhere');
    await page.waitForSelector('.empty');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an unknown slug shows a not-found page with a link back to the index', async () => {
    const { page } = await openPage(context, `${base}#/no-such-notebook`);
    await page.waitForSelector('.message-page');
    expect(await page.textContent('.message-page h1')).toBe('Notebook not found');
    await page.click('.message-page a');
    await page.waitForSelector('.card');
    await page.close();
  });
});

describe('welcome notebook', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openPage(context, `${base}#/welcome`));
  });
  afterAll(async () => page?.close());

  it('runs every cell on open and draws the figure', async () => {
    await waitForCellsSettled(page);
    for (let i = 0; i < 4; i++) expect(await cellState(page, i)).toBe('done');
    await waitForFigure(page, 2);
    expect((await figureY(page, 2)).length).toBe(300);
    expect(await page.textContent(`${cell(3)} .output-markdown`)).toContain('After 10 points');
    // Math in prose is typeset by KaTeX, and the table of contents lists the headings.
    await page.waitForSelector('.prose .katex');
    expect(await page.$$eval('.toc a', (links) => links.map((a) => a.textContent))).toContain('Inputs');
  });

  it('moving the slider re-runs the cells that use it and redraws the figure', async () => {
    const before = await figureY(page, 2);
    await page.focus(`${cell(1)} input[type="range"]`);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((expected) => document.querySelector('[data-cell="1"] output')?.textContent === expected, '0.35');
    await page.waitForFunction(
      (first) => {
        const data = (document.querySelector('[data-cell="2"] .figure') as unknown as { data?: { y: number[] }[] }).data;
        return data !== undefined && data[0].y[0] !== first;
      },
      before[0],
    );
    expect(await figureY(page, 2)).not.toEqual(before);
  });

  it('a stepper steps forward and its dependent output follows', async () => {
    await page.click(`${cell(3)} button[aria-label="Next step"]`);
    await page.waitForFunction(() => document.querySelector('[data-cell="3"] .output-markdown')?.textContent?.includes('After 25 points'));
  });

  it('Play walks the stepper to its last step and stops there', async () => {
    await page.click(`${cell(3)} button[aria-label="Play"]`);
    await page.waitForFunction(() => document.querySelector('[data-cell="3"] .stepper output')?.textContent === 'step 5 of 5', undefined, { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('[data-cell="3"] .output-markdown')?.textContent?.includes('After 300 points'));
    await page.waitForSelector(`${cell(3)} button[aria-label="Play"]`); // back to Play: it stopped
  });

  it('editing a cell and pressing Shift+Enter re-runs it and everything downstream', async () => {
    await typeIntoCell(page, 0, 'const n = 50\nconst seed = 7');
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction(() => {
      const data = (document.querySelector('[data-cell="2"] .figure') as unknown as { data?: { y: number[] }[] }).data;
      return data?.[0].y.length === 50;
    });
    await waitForCellState(page, 2, 'done');
  });
});

describe('a panel of controls', () => {
  // tests/e2e/fixtures/teaching.md: cell 0 shows six controls, the fifth a stepper 'frame'.
  it('plays a stepper that is not its cell\'s first output to the end, with the panel\'s other controls kept (not rebuilt) at every step', async () => {
    const { page, errors } = await openPage(context, `${base}#/teaching`);
    await waitForCellsSettled(page);
    const colour = await page.$(`${cell(0)} select`);
    await page.click(`${cell(0)} .stepper button[aria-label="Play"]`);
    await page.waitForFunction(() => document.querySelector('[data-cell="1"] .outputs')?.textContent?.includes('frame=4'), undefined, { timeout: 30_000 });
    await page.waitForSelector(`${cell(0)} .stepper button[aria-label="Play"]`); // back to Play: it stopped at the end
    expect(await page.textContent(`${cell(0)} .stepper output`)).toBe('step 4 of 4');
    expect(await colour!.evaluate((element) => element.isConnected)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
  it('a number half typed in a box is not reset when another control of the panel re-runs the panel\'s cell; leaving the box applies it', async () => {
    const { page, errors } = await openPage(context, `${base}#/teaching`);
    await waitForCellsSettled(page);
    const outputs = `${cell(1)} .outputs`;
    // Another control moves (without taking the focus): the panel's cell runs again and shows
    // every control anew, then the cell reading them (in the same pass).
    const tick = async (expected: string) => {
      await page.$eval(`${cell(0)} .control-checkbox input`, (box) => (box as HTMLInputElement).click());
      await page.waitForFunction(([selector, text]) => document.querySelector(selector)?.textContent?.includes(text), [outputs, expected] as const);
      await waitForCellsSettled(page);
    };
    await page.fill(`${cell(0)} .control-number input`, '4');
    await tick('ticked=true size=2');
    expect(await page.inputValue(`${cell(0)} .control-number input`)).toBe('4');
    await page.press(`${cell(0)} .control-number input`, 'Tab');
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent?.includes('size=4'), outputs);

    // A figure input's coordinate box too.
    await page.fill(`${cell(0)} input[aria-label="start x"]`, '-3');
    await tick('ticked=false size=4');
    expect(await page.inputValue(`${cell(0)} input[aria-label="start x"]`)).toBe('-3');
    await page.press(`${cell(0)} input[aria-label="start x"]`, 'Enter');
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent?.endsWith('start=-3,-2'), outputs);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('cell structure', () => {
  it('Add cell, Move cell up, Delete cell and Undo change the notebook and the kernel follows', async () => {
    const { page } = await openPage(context, `${base}#/e2e-cells`);
    await waitForCellsSettled(page);
    const count = () => page.$$eval('[data-cell]', (cells) => cells.length);
    expect(await count()).toBe(4);
    await clickButton(page, 'Add cell');
    await page.waitForSelector(cell(4));
    await typeIntoCell(page, 4, 'a + 1');
    await page.keyboard.press('Control+Enter');
    await waitForCellState(page, 4, 'done');
    expect(await page.textContent(`${cell(4)} .outputs`)).toContain('3');
    await page.click(`${cell(4)} button[aria-label="Move cell up"]`);
    // Monaco shows spaces as no-break spaces.
    await page.waitForFunction(() => document.querySelector('[data-cell="3"]')?.textContent?.replace(/\u00a0/g, ' ').includes('a + 1'));
    await page.click(`${cell(3)} button[aria-label="Delete cell"]`);
    await page.waitForFunction(() => document.querySelectorAll('[data-cell]').length === 4);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-cell]').length === 5);
    expect(await cellCode(page, 3)).toBe('a + 1');
    await page.close();
  });
});

describe('long notebooks', () => {
  it('thirty cells run on open with no editor mounted until one is used', async () => {
    const { page, errors } = await openPage(context, `${base}#/e2e-thirty-cells`);
    await waitForCellsSettled(page);
    expect(await page.$$eval('[data-cell]', (cells) => cells.length)).toBe(30);
    expect(await page.textContent(`${cell(29)} .outputs`)).toContain(String(1 + (29 * 30) / 2));
    expect(await page.$$('.monaco-editor')).toHaveLength(0);
    await typeIntoCell(page, 0, 'const v0 = 2');
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction((expected) => document.querySelector('[data-cell="29"] .outputs')?.textContent?.includes(expected), String(2 + (29 * 30) / 2));
    // Shift+Enter moved on to the next cell, which opened its editor: two editors, not thirty.
    expect(await page.$$('.monaco-editor')).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('layout', () => {
  it('on a second visit the prose does not jump when the outputs arrive', async () => {
    const { page } = await openPage(context, `${base}#/welcome`);
    await waitForCellsSettled(page);
    await waitForFigure(page, 2);
    await page.waitForTimeout(1500); // the output heights are written a second after they last change
    await page.reload();
    await page.waitForSelector('#what-next');
    // The outputs, not the math: a formula typeset once KaTeX has loaded moves the text below it
    // by a few pixels (its placeholder is the TeX source), before any cell has run.
    await page.waitForFunction(() => document.querySelector('.math-pending') === null);
    const before = await page.$eval('#what-next', (heading) => heading.getBoundingClientRect().top + window.scrollY);
    expect(await page.$('[data-cell="2"] .figure[data-drawn]'), 'the figure is not drawn yet').toBeNull();
    await waitForCellsSettled(page);
    await waitForFigure(page, 2);
    const after = await page.$eval('#what-next', (heading) => heading.getBoundingClientRect().top + window.scrollY);
    expect(Math.abs(after - before)).toBeLessThanOrEqual(1);
    await page.close();
  });
});

describe('editing prose', () => {
  it('double-clicking prose opens its Markdown; Shift+Enter applies it with math rendered', async () => {
    const { page } = await openPage(context, `${base}#/e2e-loop`);
    await page.dblclick('.prose >> nth=0');
    await page.waitForSelector('.prose-editor textarea:visible');
    await page.fill('.prose-editor textarea', 'Changed text with $x^2$.');
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction(() => document.querySelector('.prose')?.textContent?.includes('Changed text with'));
    await page.waitForSelector('.prose .katex');
    await page.waitForSelector('[data-testid="edited-banner"]');
    await page.close();
  });

  it('Add text opens a Markdown box after the last block; applied, it is rendered and kept after a reload', async () => {
    const fresh = await newProfile(browser);
    const { page, errors } = await openPage(fresh, `${base}#/e2e-loop`);
    const proseCount = () => page.$$eval('.prose-block', (blocks) => blocks.length);
    await page.waitForSelector('.prose');
    expect(await proseCount()).toBe(1);
    await clickButton(page, 'Add text');
    await page.waitForSelector('.prose-editor textarea:visible');
    // The new block comes after the last code cell and has the keyboard focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Markdown of this text');
    const lastIsAfterCells = () => page.$$eval('.prose-block', (blocks) =>
      Boolean(document.querySelector('[data-cell="2"]')!.compareDocumentPosition(blocks[blocks.length - 1]) & Node.DOCUMENT_POSITION_FOLLOWING));
    expect(await lastIsAfterCells()).toBe(true);
    await page.keyboard.type('## Notes\n\nThe area is $\\pi r^2$.');
    await page.keyboard.press('Shift+Enter');
    await page.waitForSelector('.prose h2:text("Notes")');
    await page.waitForSelector('.prose-block >> nth=-1 >> .katex');
    expect(await proseCount()).toBe(2);
    await page.waitForTimeout(1000); // edits are saved within a second
    await page.reload();
    await page.waitForSelector('.prose h2:text("Notes")');
    expect(await page.textContent('.prose-block >> nth=-1')).toContain('The area is');
    expect(await lastIsAfterCells()).toBe(true);
    expect(errors).toEqual([]);
    await fresh.close();
  });

  it('Add text goes after the cell last worked in; next to a text it opens a new, empty box whose text joins that one', async () => {
    const fresh = await newProfile(browser);
    const { page, errors } = await openPage(fresh, `${base}#/e2e-cells`);
    await waitForCellsSettled(page);
    const proseTexts = () => page.$$eval('.prose-block .prose', (blocks) => blocks.map((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim()));
    const openBoxes = () => page.$$eval('.prose-editor:not([hidden]) textarea', (boxes) => boxes.map((box) => (box as HTMLTextAreaElement).value));
    await typeIntoCell(page, 0, 'const a = 3');
    await clickButton(page, 'Add text');
    await page.waitForSelector('.prose-editor textarea:visible');
    await page.keyboard.type('Between the first two cells.');
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction(() => document.querySelectorAll('.prose-block').length === 2);
    const between = await page.$$eval('.prose-block', (blocks) => {
      const added = blocks[1];
      const follows = (a: Element, b: Element) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
      return follows(document.querySelector('[data-cell="0"]')!, added) && follows(added, document.querySelector('[data-cell="1"]')!);
    });
    expect(between).toBe(true);
    // The heading's text was worked in last: Add text opens a new, empty box after it, not the heading's Markdown.
    await page.dblclick('.prose >> nth=0');
    await page.keyboard.press('Escape');
    await clickButton(page, 'Add text');
    await page.waitForSelector('.prose-editor textarea:visible');
    expect(await openBoxes()).toEqual(['']);
    expect(await proseTexts()).toEqual(['Cells for the tests', 'Between the first two cells.']);
    await page.keyboard.type('An introduction under the heading.');
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction(() => document.querySelector('.prose-block')?.textContent?.includes('An introduction'));
    expect(await openBoxes()).toEqual([]);
    // Applied, it is a new paragraph of the heading's text (two texts side by side are one in the file).
    expect(await proseTexts()).toEqual(['Cells for the tests An introduction under the heading.', 'Between the first two cells.']);
    // After a cell followed by a text, the empty box comes before that text, and Esc leaves the text as it was.
    await typeIntoCell(page, 0, 'const a = 4');
    await clickButton(page, 'Add text');
    await page.waitForSelector('.prose-editor textarea:visible');
    expect(await openBoxes()).toEqual(['']);
    await page.keyboard.type('Dropped.');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelectorAll('.prose-editor:not([hidden])').length === 0);
    expect(await proseTexts()).toEqual(['Cells for the tests An introduction under the heading.', 'Between the first two cells.']);
    await typeIntoCell(page, 0, 'const a = 5');
    await clickButton(page, 'Add text');
    await page.waitForSelector('.prose-editor textarea:visible');
    const boxBeforeText = await page.$eval('.prose-editor:not([hidden])', (box) => {
      const follows = (a: Element, b: Element) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
      const text = [...document.querySelectorAll('.prose')].find((p) => p.textContent?.includes('Between the first'))!;
      return follows(document.querySelector('[data-cell="0"]')!, box) && follows(box, text);
    });
    expect(boxBeforeText).toBe(true);
    await page.keyboard.type('Before the cells below.');
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction(() => document.querySelectorAll('.prose-editor:not([hidden])').length === 0);
    expect(await proseTexts()).toEqual(['Cells for the tests An introduction under the heading.', 'Before the cells below. Between the first two cells.']);
    await page.waitForTimeout(1000); // edits are saved within a second
    await page.reload();
    await page.waitForSelector('.prose');
    expect(await proseTexts()).toEqual(['Cells for the tests An introduction under the heading.', 'Before the cells below. Between the first two cells.']);
    expect(errors).toEqual([]);
    await fresh.close();
  });

  it('Undo of a deleted cell puts it back without undoing edits made since', async () => {
    const fresh = await newProfile(browser);
    const { page } = await openPage(fresh, `${base}#/e2e-cells`);
    await waitForCellsSettled(page);
    await page.click(`${cell(1)} button[aria-label="Delete cell"]`);
    await page.waitForFunction(() => document.querySelectorAll('[data-cell]').length === 3);
    await typeIntoCell(page, 0, 'const a = 4');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-cell]').length === 4);
    expect(await cellCode(page, 0)).toBe('const a = 4');
    expect(await cellCode(page, 1)).toBe('const b = a * 10\nb');
    // Undo puts a cell back between the same neighbours, even after the one before it went too.
    await page.click(`${cell(1)} button[aria-label="Delete cell"]`);
    await page.waitForFunction(() => document.querySelectorAll('[data-cell]').length === 3);
    await page.click(`${cell(0)} button[aria-label="Delete cell"]`);
    await page.waitForFunction(() => document.querySelectorAll('[data-cell]').length === 2);
    await page.getByRole('button', { name: 'Undo' }).first().click();
    await page.waitForFunction(() => document.querySelectorAll('[data-cell]').length === 3);
    expect(await cellCode(page, 0)).toBe('const b = a * 10\nb');
    // A reset withdraws the Undo offers: they belonged to the notebook as it was.
    page.once('dialog', (dialog) => void dialog.accept());
    await clickButton(page, 'Reset notebook');
    await page.waitForFunction(() => document.querySelectorAll('[data-cell]').length === 4);
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    await fresh.close();
  });

  it('a new text block left empty goes away; emptying a text deletes it, with Undo', async () => {
    const fresh = await newProfile(browser);
    const { page } = await openPage(fresh, `${base}#/e2e-loop`);
    const proseCount = () => page.$$eval('.prose-block', (blocks) => blocks.length);
    await clickButton(page, 'Add text');
    await page.waitForSelector('.prose-editor textarea:visible');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelectorAll('.prose-block').length === 1);
    await page.dblclick('.prose >> nth=0');
    await page.fill('.prose-editor textarea', '  ');
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction(() => document.querySelectorAll('.prose-block').length === 0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.prose-block').length === 1);
    expect(await page.textContent('.prose')).toContain('A value above the loop');
    expect(await proseCount()).toBe(1);
    await fresh.close();
  });
});

describe('errors and interrupts', () => {
  it('Interrupt stops a while (true) {} cell and the cells above keep their values', async () => {
    const { page } = await openPage(context, `${base}#/e2e-loop`);
    await waitForCellState(page, 1, 'running');
    // A run that lasts says so in its cell's bar (a quick one does not: figure-speed.test.ts).
    await page.waitForSelector(`${cell(1)}.cell-running .state-text:text-is("running")`);
    await page.waitForTimeout(800);
    // How fast it stops is for the benchmark, not a test on a shared machine.
    await clickButton(page, 'Interrupt');
    await waitForCellState(page, 1, 'error');
    expect(await page.textContent(`${cell(1)} .error-box`)).toContain('Interrupted');
    // The cell above is still done, and the cell that only needs it runs from its restored value.
    await waitForCellState(page, 0, 'done');
    await waitForCellState(page, 2, 'done');
    expect(await page.textContent(`${cell(2)} .outputs`)).toContain('84');

    // Again, with the keyboard shortcut Ctrl+. this time.
    await page.click(`${cell(1)} button[aria-label="Run cell"]`);
    await waitForCellState(page, 1, 'running');
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+Period');
    await waitForCellState(page, 1, 'error', 1000);
    await page.close();
  });

  it('a runtime error names the line and highlights it in the code', async () => {
    const { page } = await openPage(context, `${base}#/e2e-cells`);
    await waitForCellsSettled(page);
    await typeIntoCell(page, 1, 'const b = a * 10\nnotDefined + 1');
    await page.keyboard.press('Control+Enter');
    await waitForCellState(page, 1, 'error');
    const text = await page.textContent(`${cell(1)} .error-box`);
    expect(text).toContain('line 2');
    expect(text).toContain('notDefined');
    expect(await cellCode(page, 1)).toContain('notDefined + 1');
    // After a reload the error is there before any editor is: mounting one marks the line in it.
    await page.reload();
    await waitForCellState(page, 1, 'error');
    await page.click(`${cell(1)} .code-static`);
    await page.waitForSelector(`${cell(1)} .monaco-editor .squiggly-error`, { timeout: 60_000 });
    await page.close();
  });

  it('a hidden cell shows a one-line summary and unfolds on click', async () => {
    const { page } = await openPage(context, `${base}#/e2e-cells`);
    await page.waitForSelector(`${cell(2)} .hidden-cell`);
    expect(await page.textContent(`${cell(2)} .hidden-cell`)).toContain('A hidden helper');
    await page.click(`${cell(2)} .hidden-cell`);
    await page.waitForSelector(`${cell(2)} .code-static`);
    expect(await cellCode(page, 2)).toContain('const half');
    await page.close();
  });
});
