import { afterEach, describe, expect, it } from 'vitest';
import { createNodeSession } from '../../src/kernel/node/create-node-session.ts';
import { readersOfChanged, shouldRun } from '../../src/kernel/scheduler.ts';
import type { Session } from '../../src/kernel/session.ts';
import { cells, logs, recordRunStarts, texts } from './session-helpers.ts';

let session: Session;
afterEach(() => session?.dispose());


describe('the rule: which dirty cells run', () => {
  it('a cell runs when it is due or when the runtime does not hold its value', () => {
    expect(shouldRun('a', new Set(['a']), new Set(['a']))).toBe(true);
    expect(shouldRun('a', new Set(), new Set())).toBe(true);
    expect(shouldRun('a', new Set(), new Set(['a']))).toBe(false);
  });

  it('the readers of a changed name are due, those of unchanged names are not', () => {
    const inputs = new Map([
      ['reads-x', ['x']],
      ['reads-y', ['y']],
      ['reads-both', ['x', 'y']],
      ['reads-x-clean', ['x']],
    ]);
    const dirty = new Set(['reads-x', 'reads-y', 'reads-both']);
    expect(readersOfChanged(['x', 'y'], ['y'], dirty, inputs)).toEqual(['reads-x', 'reads-both']);
    expect(readersOfChanged(['x', 'y'], ['x', 'y'], dirty, inputs)).toEqual([]);
    // Only dirty cells: a cell not downstream of this run is not run by it.
    expect(readersOfChanged(['x'], [], new Set(['reads-y']), inputs)).toEqual([]);
  });
});

describe('Session: a downstream cell whose inputs came back unchanged is not re-run', () => {
  it('skips the readers of unchanged names and keeps what they show', async () => {
    session = createNodeSession();
    session.setCells(cells('const k = slider(1, { min: 0, max: 9 })', 'const parity = k % 2', 'parity * 10', 'k + 100'));
    await session.runAll();
    const runs = recordRunStarts(session);
    await session.setControl('c0', 'k', 3); // parity stays 1
    expect(runs).toEqual(['c0', 'c1', 'c3']);
    expect(session.view('c2')).toMatchObject({ state: 'done' });
    expect(texts(session.view('c2'))).toEqual(['10']);
    expect(texts(session.view('c3'))).toEqual(['103']);

    await session.setControl('c0', 'k', 4); // parity becomes 0
    expect(runs).toEqual(['c0', 'c1', 'c3', 'c0', 'c1', 'c2', 'c3']);
    expect(texts(session.view('c2'))).toEqual(['0']);
  });

  it('of a control panel, only the readers of the moved control run', async () => {
    session = createNodeSession();
    session.setCells(cells("const a = slider(1, { min: 0, max: 9 })\nconst b = slider(5, { min: 0, max: 9 })", "console.log('b is', b)", "console.log('a is', a)"));
    await session.runAll();
    const runs = recordRunStarts(session);
    await session.setControl('c0', 'a', 2);
    // The cell with a side effect that reads the changed name runs; the other keeps its log.
    expect(runs).toEqual(['c0', 'c2']);
    expect(logs(session.view('c2'))).toEqual(['a is 2']);
    expect(logs(session.view('c1'))).toEqual(['b is 5']);
  });

  it('compares small arrays and plain objects of numbers by their contents', async () => {
    session = createNodeSession();
    session.setCells(cells('const t = slider(0.2, { min: 0, max: 2, step: 0.1 })', 'const box = { lo: 0, hi: Math.ceil(t) }\nconst corner = [[0, 0], [Math.ceil(t), 1]]', 'box.hi', 'corner.length'));
    await session.runAll();
    const runs = recordRunStarts(session);
    await session.setControl('c0', 't', 0.7); // fresh objects, same contents
    expect(runs).toEqual(['c0', 'c1']);
    await session.setControl('c0', 't', 1.5);
    expect(runs).toEqual(['c0', 'c1', 'c0', 'c1', 'c2', 'c3']);
    expect(texts(session.view('c2'))).toEqual(['2']);
  });

  it('an upstream cell that failed and runs again with its old value re-runs its readers', async () => {
    session = createNodeSession();
    session.setCells(cells('const k = slider(1, { min: 0, max: 9 })', "if (k === 2) throw new Error('two')\nconst v = 1", 'v + 1'));
    await session.runAll();
    await session.setControl('c0', 'k', 2);
    expect(session.view('c1')!.error).toMatchObject({ kind: 'runtime', message: 'Error: two' });
    expect(session.view('c2')!.error).toMatchObject({ kind: 'upstream' });

    const runs = recordRunStarts(session);
    await session.setControl('c0', 'k', 3); // v is 1 again, as before the failure
    expect(runs).toEqual(['c0', 'c1', 'c2']);
    expect(session.view('c2')).toMatchObject({ state: 'done', error: undefined });
    expect(texts(session.view('c2'))).toEqual(['2']);
  });

  it('after an interrupt, the cells restored in the fresh runtime all run, then compare as before', async () => {
    session = createNodeSession();
    session.setCells(cells('const a = 1', 'const b = a * 2\nb', 'const go = slider(0, { min: 0, max: 1 })', "if (go === 1) while (true) {}\n'idle'"));
    await session.runAll();
    const runs = recordRunStarts(session);
    const looping = session.setControl('c2', 'go', 1);
    while (session.view('c3')!.state !== 'running') await new Promise((r) => setTimeout(r, 5));
    await session.interrupt();
    await looping;
    expect(session.view('c3')!.error?.kind).toBe('interrupted');
    // The values went with the old worker: every cell that held one ran again, none skipped.
    expect(runs.filter((id) => id !== 'c3').sort()).toEqual(['c0', 'c1', 'c2', 'c2']);
    expect(texts(session.view('c1'))).toEqual(['2']);

    runs.length = 0;
    await session.setControl('c2', 'go', 0);
    expect(runs).toEqual(['c2', 'c3']); // c3 failed, so it holds no value: it runs
    expect(texts(session.view('c3'))).toEqual(['idle']);

    runs.length = 0;
    await session.run(['c0']); // a is 1 again in the fresh runtime too: b's cell is skipped
    expect(runs).toEqual(['c0']);
    expect(session.view('c1')).toMatchObject({ state: 'done' });
  });
});
