import { afterEach, describe, expect, it } from 'vitest';
import { createNodeSession } from '../../src/kernel/node/create-node-session.ts';
import type { Session } from '../../src/kernel/session.ts';
import { cells, recordRunStarts, texts } from './session-helpers.ts';

let session: Session;
afterEach(() => session?.dispose());


describe('Session (Node worker thread)', () => {
  it('runAll runs every cell in dependency order', async () => {
    session = createNodeSession();
    session.setCells(cells('b * 2', 'const b = a + 1', 'const a = 1'));
    await session.runAll();
    expect(texts(session.view('c0'))).toEqual(['4']);
    expect(['c0', 'c1', 'c2'].map((id) => session.view(id)!.state)).toEqual(['done', 'done', 'done']);
  });

  it('setControl re-runs the control cell and everything downstream, once each', async () => {
    session = createNodeSession();
    session.setCells(cells('const k = slider(2, { min: 1, max: 9 })', 'const doubled = k * 2', 'doubled + 1', 'const unrelated = 5\nunrelated'));
    await session.runAll();
    const runs = recordRunStarts(session);
    await session.setControl('c0', 'k', 5);
    expect(runs).toEqual(['c0', 'c1', 'c2']);
    expect(texts(session.view('c2'))).toEqual(['11']);
  });

  it('setControl runs first the cells on screen and what they read, then the cells above them', async () => {
    session = createNodeSession();
    // c3's figure is on screen; the helper it calls (c4) sits at the end of the notebook.
    session.setCells(cells('const k = slider(2, { min: 1, max: 9 })', 'const slow = k * 2', 'slow + 1', 'const shown = draw(k)\nshown', 'const draw = (n: number) => n * k'));
    await session.runAll();
    const runs = recordRunStarts(session);
    await session.setControl('c0', 'k', 3, ['c3']);
    expect(runs).toEqual(['c0', 'c4', 'c3', 'c1', 'c2']);
    expect(texts(session.view('c3'))).toEqual(['9']);
    // Without cells on screen, the notebook's own order (every cell after those it reads).
    runs.length = 0;
    await session.setControl('c0', 'k', 4);
    expect(runs).toEqual(['c0', 'c1', 'c2', 'c4', 'c3']);
  });

  it('with a page that draws, the cells off screen wait until the figures on screen are drawn; a control moved meanwhile runs at once', async () => {
    const draws: (() => void)[] = [];
    session = createNodeSession({ drawn: () => new Promise<void>((resolve) => draws.push(resolve)) });
    session.setCells(cells('const k = slider(2, { min: 1, max: 9 })', 'const slow = k * 2', 'slow + 1', 'const shown = draw(k)\nshown', 'const draw = (n: number) => n * k'));
    await session.runAll();
    const runs = recordRunStarts(session);
    const until = async (check: () => boolean) => {
      while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const first = session.setControl('c0', 'k', 3, ['c3']);
    await until(() => draws.length === 1);
    expect(runs).toEqual(['c0', 'c4', 'c3']);
    expect(texts(session.view('c3'))).toEqual(['9']);
    expect(session.view('c2')!.state).toBe('queued');
    // Moved again before the page has drawn: planned at once, the cells on screen first again.
    const second = session.setControl('c0', 'k', 5, ['c3']);
    draws[0]();
    await until(() => draws.length === 2);
    expect(runs).toEqual(['c0', 'c4', 'c3', 'c0', 'c4', 'c3']);
    draws[1]();
    await Promise.all([first, second]);
    // The cells off screen ran once, with the newest value.
    expect(runs).toEqual(['c0', 'c4', 'c3', 'c0', 'c4', 'c3', 'c1', 'c2']);
    expect(texts(session.view('c2'))).toEqual(['11']);
    expect(texts(session.view('c3'))).toEqual(['25']);
  });

  it('a control moved while its cell runs with the older value keeps showing the newer one (no jump back under the pointer)', async () => {
    session = createNodeSession();
    // The run reaches slider() only after a while: a move in between arrives before it shows the control.
    session.setCells(cells('const t0 = Date.now()\nwhile (Date.now() - t0 < 200) {}\nconst k = slider(2, { min: 1, max: 9 })', 'k * 10'));
    await session.runAll();
    const shown: unknown[] = [];
    session.onCellChange((id, view) => {
      const control = view.outputs.find((output) => output.kind === 'control');
      if (id === 'c0' && control?.kind === 'control' && shown.at(-1) !== control.value) shown.push(control.value);
    });
    const first = session.setControl('c0', 'k', 3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = session.setControl('c0', 'k', 4);
    await Promise.all([first, second]);
    await session.settle(0);
    expect(shown).toEqual([3, 4]);
    expect(texts(session.view('c1'))).toEqual(['40']);
  });

  it('rapid control changes run with the latest value without a backlog', async () => {
    session = createNodeSession();
    session.setCells(cells('const k = slider(1, { min: 1, max: 100 })', 'k'));
    await session.runAll();
    const runs = recordRunStarts(session);
    const pending = [];
    for (let v = 2; v <= 30; v++) pending.push(session.setControl('c0', 'k', v));
    await Promise.all(pending);
    expect(texts(session.view('c1'))).toEqual(['30']);
    // 29 changes, but each cell runs at most twice: the run in progress, then the latest value.
    expect(runs.length).toBeLessThanOrEqual(4);
  });

  it('a control dragged faster than its cells run still shows results while it moves: a short pass finishes before the newest value', async () => {
    session = createNodeSession();
    const busy = (name: string) => `const ${name} = Date.now() + 15; while (Date.now() < ${name});`;
    session.setCells(cells('const k = slider(1, { min: 1, max: 1000 })', `${busy('until1')}\nconst twice = 2 * k`, `${busy('until2')}\ntwice + 1`));
    await session.runAll();
    const shown: string[] = [];
    session.onCellChange((id, view) => {
      if (id === 'c2' && view.state === 'done') shown.push(texts(view)[0]);
    });
    // A drag: a new value every 5 ms for 400 ms, while each pass takes about 30 ms. Restarting at
    // every move would leave the last cell waiting until the drag ends.
    const moves: Promise<void>[] = [];
    for (let v = 2; v <= 80; v++) {
      moves.push(session.setControl('c0', 'k', v));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const duringDrag = shown.length;
    await Promise.all(moves);
    expect(duringDrag).toBeGreaterThanOrEqual(3);
    expect(shown.at(-1)).toBe('161');
  });

  it('a cell downstream of a failed cell says it is stale because of it', async () => {
    session = createNodeSession();
    session.setCells(cells('const a = notDefined', 'a + 1'));
    await session.runAll();
    expect(session.view('c0')!.error).toMatchObject({ kind: 'runtime', line: 1 });
    expect(session.view('c1')!.error).toMatchObject({ kind: 'upstream', upstreamCellId: 'c0', message: expect.stringContaining('Stale: cell 1 failed') });
  });

  it('shows graph errors on the cells involved when they run', async () => {
    session = createNodeSession();
    session.setCells(cells('const x = 1', 'const x = 2', 'const y = z', 'const z = y'));
    await session.runAll();
    expect(['c0', 'c1', 'c2', 'c3'].map((id) => session.view(id)!.error?.kind)).toEqual(['duplicate', 'duplicate', 'cycle', 'cycle']);
  });

  it('re-running an edited cell replaces its outputs and forgets renamed values', async () => {
    session = createNodeSession();
    session.setCells(cells('const old = 1', '1 + 1'));
    await session.runAll();
    session.setCells([{ id: 'c0', source: 'const renamed = 2' }, { id: 'c1', source: 'typeof old' }]);
    await session.run(['c0', 'c1']);
    expect(texts(session.view('c1'))).toEqual(['undefined']);
  });

  it('a re-run updates each output where it stands: the cell is never emptied, and what the new run did not show goes when it ends', async () => {
    session = createNodeSession();
    session.setCells(cells('const k = slider(1, { min: 1, max: 9 })', "display(`a${k}`)\ndisplay(`b${k}`)\nif (k === 1) display('c1')\nawait sleep(20)\n'end'"));
    await session.runAll();
    expect(texts(session.view('c1'))).toEqual(['a1', 'b1', 'c1', 'end']);
    const seen: string[][] = [];
    session.onCellChange((id, view) => {
      if (id === 'c1') seen.push(texts(view));
    });
    await session.setControl('c0', 'k', 2);
    // Each new output took the place of the old one at its position; the old third and fourth
    // stayed on screen while the run went on (a control there stays under the pointer).
    expect(seen).toContainEqual(['a2', 'b1', 'c1', 'end']);
    expect(seen).toContainEqual(['a2', 'b2', 'c1', 'end']);
    expect(seen.every((shown) => shown.length >= 2)).toBe(true);
    expect(texts(session.view('c1'))).toEqual(['a2', 'b2', 'end']);
  });

  it('a display updated during a re-run that shows fewer outputs updates the new output, and the old ones go', async () => {
    session = createNodeSession();
    // Run 1 shows a log between two displays; run 2 shows none, so its second display lands where
    // the log was while the old second display is still further down.
    session.setCells(cells('const k = slider(1, { min: 1, max: 9 })', "display('first')\nif (k === 1) console.log('only in run 1')\nconst h = display('second')\nh.update(`second, updated ${k}`)\nawait sleep(20)"));
    await session.runAll();
    await session.setControl('c0', 'k', 2);
    expect(texts(session.view('c1'))).toEqual(['first', 'second, updated 2']);
  });

  it('a function from another cell shows its display and progress bar in the cell that calls it, and updates them there', async () => {
    session = createNodeSession();
    session.setCells(cells(
      "function work(n: number) {\n  const bar = progress('work', n)\n  const note = display('started')\n  for (let i = 1; i <= n; i++) bar.update(i)\n  note.update('finished')\n  return n\n}",
      'work(3)',
    ));
    await session.runAll();
    expect(session.view('c0')!.outputs).toEqual([]);
    const shown = session.view('c1')!.outputs;
    expect(shown.find((o) => o.kind === 'progress')).toMatchObject({ label: 'work', value: 3, max: 3 });
    expect(texts(session.view('c1'))).toEqual(['finished', '3']);
  });

  it('a timeout stops a runaway cell, restarts the runtime and restores upstream values', async () => {
    session = createNodeSession({ timeoutMs: 500 });
    session.setCells(cells('const base = 40', 'const stuck = base; while (true) {}', 'base + 2'));
    await session.runAll();
    expect(session.view('c1')!.error).toMatchObject({ kind: 'timeout', message: expect.stringContaining('Stopped after 500 ms') });
    expect(texts(session.view('c2'))).toEqual(['42']);
  });

  it('interrupt stops a running cell and keeps the other outputs', async () => {
    session = createNodeSession();
    session.setCells(cells('const base = 1\nbase', 'const spin = base; while (true) {}'));
    const run = session.runAll();
    while (session.view('c1')!.state !== 'running') await new Promise((r) => setTimeout(r, 5));
    await session.interrupt();
    await run;
    expect(session.view('c1')!.error?.kind).toBe('interrupted');
    expect(texts(session.view('c0'))).toEqual(['1']);
  });

  it('a newer run cancels an async cell that awaits tick()', async () => {
    session = createNodeSession();
    session.setCells(cells('const n = slider(1, { min: 1, max: 5 })', '// endless unless cancelled while n is 1\nfor (let i = 0; i < (n === 1 ? Infinity : 10); i++) await sleep(1)\nn'));
    const first = session.runAll();
    while (session.view('c1')!.state !== 'running') await new Promise((r) => setTimeout(r, 5));
    await session.setControl('c0', 'n', 3);
    await first;
    // The stale run was cancelled at its next sleep (else this would never finish) and the cell ran again with n = 3.
    expect(session.view('c1')!.state).toBe('done');
    expect(texts(session.view('c1'))).toEqual(['3']);
  });

  it('restart clears values: running a cell then re-runs the upstream it needs', async () => {
    session = createNodeSession();
    session.setCells(cells('const a = 5', 'a * 2'));
    await session.runAll();
    await session.restart();
    expect(session.view('c1')!.state).toBe('idle');
    await session.run(['c1']);
    expect(texts(session.view('c1'))).toEqual(['10']);
  });
});
