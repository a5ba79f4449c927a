/**
 * What a cell leaves behind after its body returned: timers, rejected promises, event listeners,
 * a closed worker. All of it belongs to that cell (the headless sandboxed process, same runtime as the page).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeSession } from '../../src/kernel/node/create-node-session.ts';
import type { Executor } from '../../src/kernel/executor.ts';
import type { FromRuntime, RunRequest, ToRuntime } from '../../src/kernel/protocol.ts';
import { runNotebook } from '../../src/kernel/node/run-notebook.ts';
import { Session } from '../../src/kernel/session.ts';
import type { CellView, KernelStatus } from '../../src/kernel/types.ts';

let session: Session;
afterEach(() => session?.dispose());

const cells = (...sources: string[]) => sources.map((source, i) => ({ id: `c${i}`, source }));
const logs = (view: CellView | undefined) => (view?.outputs ?? []).filter((o) => o.kind === 'log').map((o) => (o as { text: string }).text);
const texts = (view: CellView | undefined) => (view?.outputs ?? []).filter((o) => o.kind === 'text').map((o) => (o as { text: string }).text);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until the condition holds (the runtime answers in its own time on a busy machine). */
async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await pause(5);
  }
}

describe('errors a cell causes after its body returned', () => {
  it('a timer callback that throws shows its error on the cell that set it, at its line', async () => {
    session = createNodeSession();
    session.setCells(cells('const a = 1', '// a timer\nsetTimeout(() => {\n  throw new Error("x")\n}, 10)', 'a + 1'));
    await session.runAll();
    await until(() => session.view('c1')!.state === 'error', 'the late error');
    expect(session.view('c1')!.error).toMatchObject({ kind: 'runtime', message: 'Error: x', line: 3 });
    expect(['c0', 'c2'].map((id) => session.view(id)!.state)).toEqual(['done', 'done']);
  });

  it('an unhandled rejection shows on the cell that made the promise', async () => {
    session = createNodeSession();
    session.setCells(cells('const a = 1', 'const b = 2\nPromise.reject(new Error("late"))'));
    await session.runAll();
    await until(() => session.view('c1')!.state === 'error', 'the rejection');
    expect(session.view('c1')!.error).toMatchObject({ kind: 'runtime', line: 2, message: expect.stringContaining('Error: late') });
    expect(session.view('c0')!.state).toBe('done');
  });

  it('a late error that arrives right behind its run\'s "done" (before the session has taken the run in) stays on the cell', async () => {
    // A runtime that sends both at once: over the process's channel they can come in one read.
    const listeners: ((message: FromRuntime) => void)[] = [];
    const emit = (message: FromRuntime) => listeners.forEach((listener) => listener(message));
    const runtime: Executor = {
      start: async () => emit({ type: 'ready' }),
      send(message: ToRuntime) {
        const runs: RunRequest[] = message.type === 'pass' ? message.runs : message.type === 'run' ? [message] : [];
        for (const run of runs) {
          emit({ type: 'started', runId: run.runId });
          emit({ type: 'done', runId: run.runId, ok: true, durationMs: 1, unchanged: [] });
          if (run.cellId === 'c1') emit({ type: 'late-error', runId: run.runId, error: { kind: 'runtime', message: 'Uncaught (in promise) Error: late' } });
        }
      },
      onMessage: (listener) => void listeners.push(listener),
      onExit: () => undefined,
      kill: () => undefined,
      dispose: () => undefined,
    };
    session = new Session(runtime);
    session.setCells(cells('const a = 1', 'const b = 2\nPromise.reject(new Error("late"))'));
    await session.runAll();
    expect(session.view('c1')).toMatchObject({ state: 'error', error: { message: 'Uncaught (in promise) Error: late' } });
    expect(session.view('c0')!.state).toBe('done');
  });

  it('an event listener that throws later shows on the cell that added it', async () => {
    session = createNodeSession();
    session.setCells(cells(
      'const target = new EventTarget()\ntarget.addEventListener("go", () => {\n  throw new Error("from a listener")\n})',
      'setTimeout(() => target.dispatchEvent(new Event("go")), 5)\n"armed"',
    ));
    await session.runAll();
    await until(() => session.view('c0')!.state === 'error', 'the listener error');
    expect(session.view('c0')!.error).toMatchObject({ message: 'Error: from a listener', line: 3 });
    expect(session.view('c1')!.state).toBe('done');
  });

  it('a timer that throws while its cell still runs fails that run', async () => {
    session = createNodeSession();
    session.setCells(cells('setTimeout(() => { throw new Error("early") }, 1)\nfor (let i = 0; i < 1e6; i++) await tick()\n"finished"'));
    await session.runAll();
    expect(session.view('c0')!.error).toMatchObject({ kind: 'runtime', message: 'Error: early', line: 1 });
    expect(texts(session.view('c0'))).toEqual([]);
  });

  it('the headless report has the error of a timer that fires after the last cell', async () => {
    const report = await runNotebook('---\ntitle: Late\n---\n# Late\n\n```ts\nconst a = 1\n```\n\n```ts\nsetTimeout(() => {\n  throw new Error("x")\n}, 10)\n```\n', 'late.md');
    expect(report.ok).toBe(false);
    expect(report.cells.map((c) => c.status)).toEqual(['ok', 'error']);
    expect(report.cells[1].error).toMatchObject({ kind: 'runtime', message: 'Error: x', line: 2 });
  });
});

describe('timers belong to the cell that set them', () => {
  it("an interval's output goes to its own cell, not to the cell running at the time", async () => {
    session = createNodeSession();
    session.setCells(cells('setInterval(() => console.log("tick"), 2)', 'const b = 1\nawait sleep(60)\nb'));
    await session.runAll();
    expect(logs(session.view('c1'))).toEqual([]);
    expect(texts(session.view('c1'))).toEqual(['1']);
    await until(() => logs(session.view('c0')).length >= 3, 'ticks on the interval cell while idle');
    expect(new Set(logs(session.view('c0')))).toEqual(new Set(['tick']));
  });

  it('re-running a cell stops the intervals its last run set; deleting it stops them too', async () => {
    session = createNodeSession();
    // Each run of the first cell numbers itself and starts an interval that says which run it is.
    const numbered = 'const g = globalThis as any\ng.runs = (g.runs ?? 0) + 1\nconst run = g.runs\nvoid setInterval(() => g.seen.add(run), 2)';
    const listen = 'const g2 = globalThis as any\ng2.seen = new Set()\nawait sleep(100)\nArray.from(g2.seen)';
    session.setCells(cells('(globalThis as any).seen = new Set()', numbered, listen));
    await session.runAll();
    await session.run(['c1']);
    await session.run(['c1']);
    await session.run(['c2']);
    expect(texts(session.view('c2'))).toEqual(['[3]']);

    session.setCells([cells('', '', listen)[2]]);
    await session.run(['c2']);
    expect(texts(session.view('c2'))).toEqual(['[]']);
  });

  it('a re-run cell no longer receives output from the intervals of its previous run', async () => {
    session = createNodeSession();
    session.setCells(cells('setInterval(() => console.log("old"), 2)'));
    await session.runAll();
    session.setCells(cells('setInterval(() => console.log("new"), 2)'));
    await session.run(['c0']);
    await until(() => logs(session.view('c0')).length >= 3, 'new ticks');
    expect(new Set(logs(session.view('c0')))).toEqual(new Set(['new']));
  });
});

describe('a cell that closes the worker', () => {
  it('stops the kernel (dead, with the cell named) instead of leaving the next cell running; restart works', async () => {
    session = createNodeSession();
    const statuses: [KernelStatus, string | undefined][] = [];
    session.onStatus((status, message) => statuses.push([status, message]));
    session.setCells(cells('const a = 1', 'close()', 'a + 1'));
    await session.runAll();
    expect(statuses.at(-1)).toEqual(['dead', 'The kernel stopped: cell 2 called self.close().']);
    expect(session.view('c1')!.error).toMatchObject({ kind: 'crash', message: expect.stringContaining('This cell closed the kernel') });
    expect(session.view('c2')!.state).not.toBe('running');

    // Restart: a fresh runtime, nothing re-run on its own; the cells run again on request.
    await session.restart();
    expect(statuses.at(-1)?.[0]).toBe('ready');
    expect(['c0', 'c1', 'c2'].map((id) => session.view(id)!.state)).toEqual(['idle', 'idle', 'idle']);
    await session.run(['c2']);
    expect(texts(session.view('c2'))).toEqual(['2']);
  });

  it('a timer that closes the worker later is blamed on its cell, and the next run starts a fresh kernel', async () => {
    session = createNodeSession();
    const statuses: KernelStatus[] = [];
    session.onStatus((status) => statuses.push(status));
    session.setCells(cells('const a = 20', 'setTimeout(() => close(), 5)', 'a + 1'));
    await session.runAll();
    await until(() => statuses.at(-1) === 'dead', 'the kernel to stop');
    expect(session.view('c1')!.error).toMatchObject({ kind: 'crash' });
    await session.run(['c2']);
    expect(texts(session.view('c2'))).toEqual(['21']);
    expect(session.view('c2')!.state).toBe('done');
  });
});
