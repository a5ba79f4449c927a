import { describe, expect, it } from 'vitest';
import { clearSettings, readSettings, updateSettings } from '../../src/store/notebook-settings.ts';

/** A localStorage stand-in (Node has none). */
function fakeStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

describe('notebook settings (view and control values, per notebook)', () => {
  it('keeps the view and control values of each notebook apart, and reads them back', () => {
    const store = fakeStorage();
    expect(updateSettings('repo:k-means', (s) => ({ ...s, codeHidden: true }), store)).toBe(true);
    updateSettings('repo:k-means', (s) => ({ ...s, controls: { k: 5, points: [[1, 2], [3, 4]] as never } }), store);
    updateSettings('local:abc', (s) => ({ ...s, controls: { colour: 'red' } }), store);
    expect(readSettings('repo:k-means', store)).toEqual({ codeHidden: true, controls: { k: 5, points: [[1, 2], [3, 4]] } });
    expect(readSettings('local:abc', store)).toEqual({ controls: { colour: 'red' } });
    expect(readSettings('repo:pca', store)).toEqual({});
  });

  it('removes the entry once nothing is set, and clearSettings forgets a notebook', () => {
    const store = fakeStorage();
    updateSettings('repo:pca', (s) => ({ ...s, codeHidden: true }), store);
    updateSettings('repo:pca', (s) => ({ ...s, codeHidden: undefined }), store);
    expect(store.items.size).toBe(0);
    updateSettings('repo:pca', () => ({ controls: { k: 1 } }), store);
    clearSettings('repo:pca', store);
    expect(store.items.size).toBe(0);
  });

  it('a damaged entry reads as no settings, and fields of the wrong type are dropped', () => {
    const store = fakeStorage();
    store.setItem('stepwise-settings:repo:a', '{not json');
    store.setItem('stepwise-settings:repo:b', '[1, 2]');
    store.setItem('stepwise-settings:repo:c', '{"codeHidden": "yes", "controls": [3], "other": 1}');
    expect(readSettings('repo:a', store)).toEqual({});
    expect(readSettings('repo:b', store)).toEqual({});
    expect(readSettings('repo:c', store)).toEqual({});
  });

  it('a full or missing storage is reported by updateSettings, never thrown', () => {
    const full = { ...fakeStorage(), setItem: () => { throw new DOMException('quota', 'QuotaExceededError'); } };
    expect(updateSettings('repo:a', () => ({ codeHidden: true }), full)).toBe(false);
    expect(updateSettings('repo:a', () => ({ codeHidden: true }), undefined)).toBe(false);
    expect(readSettings('repo:a', undefined)).toEqual({});
  });
});
