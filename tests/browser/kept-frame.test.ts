import { afterEach, expect, it } from 'vitest';
import { createBrowserSession } from '../../src/kernel/host/index.ts';
import type { CellView } from '../../src/kernel/types.ts';

const text = (view: CellView | undefined) => (view?.outputs ?? []).map((o) => (o.kind === 'text' ? o.text : '')).join('');

afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

it('the next notebook’s kernel starts on the frame the last one left, on a runtime no cell has run in', async () => {
  const first = await createBrowserSession();
  first.setCells([{ id: 'a', source: "const g = globalThis as any\ng.left = 'by the first notebook'\ng.left" }]);
  await first.runAll();
  expect(text(first.view('a'))).toBe('by the first notebook');
  const frame = document.querySelector('iframe');
  first.dispose();

  const second = await createBrowserSession();
  second.setCells([{ id: 'b', source: 'typeof (globalThis as any).left' }]);
  await second.runAll();
  expect(text(second.view('b'))).toBe('undefined');
  expect(document.querySelectorAll('iframe')).toHaveLength(1);
  expect(document.querySelector('iframe')).toBe(frame);
  second.dispose();
});

it('a kept frame taken out of the page is not used: the next kernel makes its own', async () => {
  const first = await createBrowserSession();
  first.setCells([{ id: 'a', source: '1 + 1' }]);
  await first.runAll();
  first.dispose();
  document.querySelectorAll('iframe').forEach((f) => f.remove());

  const second = await createBrowserSession();
  second.setCells([{ id: 'b', source: '2 + 2' }]);
  await second.runAll();
  expect(text(second.view('b'))).toBe('4');
  expect(document.querySelectorAll('iframe')).toHaveLength(1);
  second.dispose();
});
