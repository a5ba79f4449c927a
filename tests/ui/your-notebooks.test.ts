import { describe, expect, it } from 'vitest';
import { yourNotebooks } from '../../src/ui/index-page/your-notebooks.ts';
import { isSetting } from '../../src/ui/notebook/kept-controls.ts';
import type { SavedNotebook } from '../../src/store/saved-notebook.ts';

const record = (key: string, title: string, origin: SavedNotebook['origin'], savedAt: number): SavedNotebook => ({ key, text: `# ${title}`, title, origin, savedAt });

describe('yourNotebooks', () => {
  it('lists the notebooks opened from a file or a link, newest first, with where they came from', () => {
    const list = yourNotebooks([record('local:aaa', 'Old file', 'file', 1000), record('local:bbb', 'New link', 'link', 2000)]);
    expect(list.map(({ id, title, from, savedAt }) => ({ id, title, from, savedAt }))).toEqual([
      { id: 'bbb', title: 'New link', from: 'From a link', savedAt: 2000 },
      { id: 'aaa', title: 'Old file', from: 'From a file', savedAt: 1000 },
    ]);
  });

  it('leaves out edited copies of the site’s notebooks, and lists a damaged record under a plain title', () => {
    const damaged = { key: 'local:ccc', text: 5, title: null, origin: 'file', savedAt: 'soon' } as unknown as SavedNotebook;
    const list = yourNotebooks([record('repo:k-means', 'K-means', 'repo', 5), damaged]);
    expect(list.map(({ id, title, savedAt }) => ({ id, title, savedAt }))).toEqual([{ id: 'ccc', title: 'Untitled notebook', savedAt: 0 }]);
    expect(list[0].record).toBe(damaged);
  });
});

describe('isSetting: which control values are kept across reloads', () => {
  it('keeps named sliders, selects, checkboxes, numbers and steppers; not buttons, not unnamed controls', () => {
    expect(isSetting({ name: 'k', control: { type: 'slider', label: 'k', min: 1, max: 9, step: 1 } })).toBe(true);
    expect(isSetting({ name: 'step', control: { type: 'stepper', label: 'step', count: 5, intervalMs: 400 } })).toBe(true);
    expect(isSetting({ name: 'colour', control: { type: 'select', label: 'colour', options: ['red'] } })).toBe(true);
    expect(isSetting({ name: 'go', control: { type: 'button', label: 'Go' } })).toBe(false);
    expect(isSetting({ name: 'input 1', control: { type: 'checkbox', label: 'input 1' } })).toBe(false);
  });
});
