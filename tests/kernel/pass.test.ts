import { afterEach, describe, expect, it } from 'vitest';
import { analyzeCell } from '../../src/analysis/index.ts';
import { createNodeSession } from '../../src/kernel/node/create-node-session.ts';
import { createRuntime } from '../../src/kernel/runtime/runtime.ts';
import * as prelude from '../../src/kernel/runtime/prelude.ts';
import type { FromRuntime, RunRequest } from '../../src/kernel/protocol.ts';
import type { Session } from '../../src/kernel/session.ts';
import { cells, recordRunStarts, texts } from './session-helpers.ts';

// The worker installs the prelude as globals at boot; the in-process runtime here needs the same.
Object.assign(globalThis, prelude);

/** A run request for a cell's source; `reads` are the names it takes from earlier cells. */
function request(runId: number, source: string, reads: string[], mayKeep = false): RunRequest {
  const a = analyzeCell(`c${runId}`, source);
  return { type: 'run', runId, cellId: `c${runId}`, body: a.body, reads, declares: a.declares, controls: {}, seed: 1, mayKeep };
}

/** What the runtime said about each run, in order: started, kept, skipped, done (ok or not), dropped. */
function trail(messages: FromRuntime[]): string[] {
  return messages.flatMap((m) => {
    if (m.type === 'done') return [`${m.runId} ${m.ok ? 'done' : 'failed'}`];
    if (m.type === 'started' || m.type === 'kept' || m.type === 'skipped') return [`${m.runId} ${m.type}`];
    if (m.type === 'dropped') return [`${m.runIds.join(',')} dropped`];
    return [];
  });
}

async function until(messages: FromRuntime[], done: (m: FromRuntime) => boolean): Promise<void> {
  while (!messages.some(done)) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('runtime: a pass runs its cells back to back', () => {
  it('runs in order; a run that may keep runs only when a name it reads changed in the pass', async () => {
    const messages: FromRuntime[] = [];
    const runtime = createRuntime((m) => messages.push(m), { modules: {} });
    runtime.handle({ type: 'pass', runs: [request(1, 'const a = 1', []), request(2, 'const b = 2', []), request(3, 'const c = a + 1', ['a'])] });
    await until(messages, (m) => m.type === 'done' && m.runId === 3);
    expect(trail(messages)).toEqual(['1 started', '1 done', '2 started', '2 done', '3 started', '3 done']);

    // a comes back the same, b changes: the reader of a is kept, the reader of b runs.
    messages.length = 0;
    runtime.handle({ type: 'pass', runs: [request(4, 'const a = 1', []), request(5, 'const b = 3', []), request(6, 'const c = a + 1', ['a'], true), request(7, 'const d = b * 2', ['b'], true)] });
    await until(messages, (m) => m.type === 'done' && m.runId === 7);
    expect(trail(messages)).toEqual(['4 started', '4 done', '5 started', '5 done', '6 kept', '7 started', '7 done']);
  });

  it('skips the readers of a failed run, and theirs, and runs the cells that do not read it', async () => {
    const messages: FromRuntime[] = [];
    const runtime = createRuntime((m) => messages.push(m), { modules: {} });
    runtime.handle({
      type: 'pass',
      runs: [request(1, "const a = 1\nthrow new Error('no')", []), request(2, 'const b = a + 1', ['a']), request(3, 'const c = b + 1', ['b']), request(4, 'const d = 4', [])],
    });
    await until(messages, (m) => m.type === 'done' && m.runId === 4);
    expect(trail(messages)).toEqual(['1 started', '1 failed', '2 skipped', '3 skipped', '4 started', '4 done']);
  });

  it('drops the runs not started when asked, and says which', async () => {
    const messages: FromRuntime[] = [];
    const runtime = createRuntime((m) => messages.push(m), { modules: {} });
    runtime.handle({ type: 'pass', runs: [request(1, 'await sleep(30)\nconst a = 1', []), request(2, 'const b = 2', []), request(3, 'const c = 3', [])] });
    await until(messages, (m) => m.type === 'started');
    runtime.handle({ type: 'drop-queued' });
    await until(messages, (m) => m.type === 'done' && m.runId === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(trail(messages)).toEqual(['1 started', '2,3 dropped', '1 done']);
  });
});

let session: Session;
afterEach(() => session?.dispose());

describe('Session: passes', () => {
  it('an edit made while a pass runs is what runs: the stale queued run is dropped', async () => {
    session = createNodeSession();
    session.setCells(cells('const k = slider(1, { min: 0, max: 9 })', 'await sleep(100)\nconst a = k', 'a + 1'));
    await session.runAll();
    const runs = recordRunStarts(session);
    const moved = session.setControl('c0', 'k', 5);
    await new Promise((resolve) => setTimeout(resolve, 40)); // c1 is sleeping, c2 waits in the runtime's queue
    session.setCells(cells('const k = slider(1, { min: 0, max: 9 })', 'await sleep(100)\nconst a = k', 'a + 100'));
    await Promise.all([moved, session.run(['c2'])]);
    expect(texts(session.view('c2'))).toEqual(['105']);
    // c2 ran once, with its new code (its first, stale run never started).
    expect(runs.filter((id) => id === 'c2')).toEqual(['c2']);
  });
});

describe('Session: a cell deleted while its run waits in a pass', () => {
  it('does not run', async () => {
    session = createNodeSession();
    const counter = 'const g = globalThis as any\ng.runsOfC2 = (g.runsOfC2 ?? 0) + 1\nconst seen = a';
    session.setCells(cells('const k = slider(1, { min: 0, max: 9 })', 'await sleep(100)\nconst a = k', counter));
    await session.runAll();
    const moved = session.setControl('c0', 'k', 5);
    await new Promise((resolve) => setTimeout(resolve, 40)); // c1 sleeps, c2 waits in the runtime's queue
    session.setCells(cells('const k = slider(1, { min: 0, max: 9 })', 'await sleep(100)\nconst a = k'));
    await moved;
    session.setCells(cells('const k = slider(1, { min: 0, max: 9 })', 'await sleep(100)\nconst a = k', '(globalThis as any).runsOfC2'));
    await session.run(['c2']);
    expect(texts(session.view('c2'))).toEqual(['1']);
  });
});

describe('Session: moves faster than a long cell', () => {
  it('end on the last value, shown and used by every cell downstream', async () => {
    // Moves 5 ms apart while a 300 ms cell runs: the pass under way was planned with the first
    // value, and its runs that start after the moves must not count as the cells' last run.
    const busy = (ms: number) => `{ const t = Date.now(); while (Date.now() - t < ${ms}) {} }`;
    session = createNodeSession();
    session.setCells(cells('const k = slider(0, { min: 0, max: 100 })', `${busy(300)}\nconst twice = 2 * k`, `${busy(30)}\ntwice + 1`, 'k + 1000'));
    await session.runAll();
    const moves: Promise<void>[] = [];
    for (let v = 1; v <= 12; v++) {
      moves.push(session.setControl('c0', 'k', v));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(moves);
    expect(session.view('c0')!.outputs.find((o) => o.kind === 'control')).toMatchObject({ value: 12 });
    expect(texts(session.view('c2'))).toEqual(['25']);
    expect(texts(session.view('c3'))).toEqual(['1012']);
  });
});
