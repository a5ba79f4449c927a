import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCrashGuard } from '../../src/ui/notebook/crash-guard.ts';

/** An in-memory Storage, as localStorage behaves. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

const cells = [{ id: 'c0', source: 'const a = 1' }, { id: 'c1', source: 'const grow = []\nwhile (true) grow.push({})' }];

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('crash guard', () => {
  it('a run cut short by a crash after 2 s names its cell on the next visit, once', () => {
    const storage = memoryStorage();
    const visit = createCrashGuard('nb', storage);
    visit.runStarted('c1', cells[1].source);
    vi.advanceTimersByTime(2500);
    // The tab dies here: nothing more runs on this page.
    const next = createCrashGuard('nb', storage);
    expect(next.crashedLastVisit(cells)).toEqual(cells[1]);
    expect(next.crashedLastVisit(cells)).toBeUndefined();
  });

  it('names nothing for a run that ended, a short run, another notebook, or a cell edited since', () => {
    const storage = memoryStorage();
    const visit = createCrashGuard('nb', storage);
    visit.runStarted('c1', cells[1].source);
    vi.advanceTimersByTime(2500);
    visit.runEnded('c1');
    expect(createCrashGuard('nb', storage).crashedLastVisit(cells)).toBeUndefined();

    visit.runStarted('c1', cells[1].source);
    vi.advanceTimersByTime(500); // a crash this early is not from memory growth: not recorded
    expect(createCrashGuard('nb', storage).crashedLastVisit(cells)).toBeUndefined();

    visit.runStarted('c1', cells[1].source);
    vi.advanceTimersByTime(2500);
    expect(createCrashGuard('other', storage).crashedLastVisit(cells)).toBeUndefined();
    expect(createCrashGuard('nb', storage).crashedLastVisit([cells[0], { id: 'c1', source: 'const grow = []' }])).toBeUndefined();
  });

  it('closing the notebook normally is not a crash, and a damaged marker is ignored', () => {
    const storage = memoryStorage();
    const visit = createCrashGuard('nb', storage);
    visit.runStarted('c1', cells[1].source);
    vi.advanceTimersByTime(2500);
    visit.dispose();
    expect(createCrashGuard('nb', storage).crashedLastVisit(cells)).toBeUndefined();
    storage.setItem('stepwise:running:nb', '{not json');
    expect(createCrashGuard('nb', storage).crashedLastVisit(cells)).toBeUndefined();
  });
});
