/** Opening a notebook made of a few cells, as a share link, for tests that keep their fixtures inline. */
import type { BrowserContext, Page } from 'playwright-core';
import { encodeShare } from '../../src/store/share-link.ts';
import { openPage, waitForCellsSettled } from './browser.ts';
import { clickButton } from './pages.ts';

/**
 * Opens a notebook of these cells from a share link (it waits to be run, so the fixtures stay in
 * the test) and runs it; resolves once every cell settled unless `settle` is false.
 */
export async function openSharedCells(
  context: BrowserContext,
  base: string,
  sources: string[],
  { title = 'Cells', settle = true, patience = 120_000 }: { title?: string; settle?: boolean; patience?: number } = {},
): Promise<{ page: Page; errors: string[] }> {
  const markdown = ['---', `title: ${title}`, '---', '', ...sources.flatMap((source) => ['```ts', source, '```', ''])].join('\n');
  const opened = await openPage(context, `${base}#/shared/${encodeShare(markdown)}`);
  opened.page.setDefaultTimeout(patience);
  await opened.page.waitForSelector('.banner-info');
  await clickButton(opened.page, 'Run all');
  if (settle) await waitForCellsSettled(opened.page, patience);
  return opened;
}
