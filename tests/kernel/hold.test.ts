import { afterEach, describe, expect, it } from 'vitest';
import { createNodeSession } from '../../src/kernel/node/create-node-session.ts';
import type { Session } from '../../src/kernel/session.ts';
import { cells, recordRunStarts, texts } from './session-helpers.ts';

let session: Session;
afterEach(() => session?.dispose());

const crashed = { kind: 'crash' as const, message: 'The tab stopped while this cell ran.' };

describe('a held cell (the tab died while it ran on the last visit)', () => {
  it('does not run on runAll, shows why, and its readers are stale; the other cells run', async () => {
    session = createNodeSession();
    // Held before the cells are known, as the page does on open.
    session.hold('c1', crashed);
    session.setCells(cells('const a = 1', 'const big = a + 1', 'big * 2', 'a + 10'));
    const runs = recordRunStarts(session);
    await session.runAll();
    expect(runs).not.toContain('c1');
    expect(session.view('c1')).toMatchObject({ state: 'error', error: crashed });
    expect(session.view('c2')).toMatchObject({ state: 'error', error: { kind: 'upstream', upstreamCellId: 'c1' } });
    expect(texts(session.view('c3'))).toEqual(['11']);
    // Run all again: still held.
    await session.runAll();
    expect(runs).not.toContain('c1');
  });

  it('runs once the learner runs it by name, and its readers with it', async () => {
    session = createNodeSession();
    session.setCells(cells('const a = 1', 'const big = a + 1', 'big * 2'));
    session.hold('c1', crashed);
    await session.runAll();
    await session.run(['c1']);
    expect(session.view('c1')?.state).toBe('done');
    expect(texts(session.view('c2'))).toEqual(['4']);
  });

  it('runs once it is edited, on the next run of all', async () => {
    session = createNodeSession();
    session.setCells(cells('const a = 1', 'const big = a + 1', 'big * 2'));
    session.hold('c1', crashed);
    await session.runAll();
    session.setCells(cells('const a = 1', 'const big = a + 2', 'big * 2'));
    await session.runAll();
    expect(session.view('c1')?.state).toBe('done');
    expect(texts(session.view('c2'))).toEqual(['6']);
  });
});
