import { afterEach, describe, expect, it } from 'vitest';
import { createNodeSession } from '../../src/kernel/node/create-node-session.ts';
import type { Session } from '../../src/kernel/session.ts';
import { cells, recordRunStarts, texts } from './session-helpers.ts';

let session: Session;
afterEach(() => session?.dispose());

/** Waits until `check` holds (the live chunks run on their own after the cells' passes). */
async function until(check: () => boolean, what: string, withinMs = 10_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A live count: a chunk per step, each yielding the steps so far and a random draw of the run's stream. */
const counting = (steps: string) => `const count = live(function* () {
  const draws: number[] = []
  for (let i = 1; i <= ${steps}; i++) {
    draws.push(Math.round(Math.random() * 1000))
    yield { i, draws: [...draws] }
  }
})`;

describe('live() values', () => {
  it('headless: the cell computes every chunk and the name holds the last value (or the return value)', async () => {
    session = createNodeSession();
    session.setCells(cells(counting('5'), 'count.i', 'const ended = live(function* () { yield 1; yield 2; return 3 })\nended'));
    await session.runAll();
    expect(texts(session.view('c1'))).toEqual(['5']);
    expect(texts(session.view('c2'))).toEqual(['3']);
  });

  it('streamed: the readers show the first chunk at once, then every later chunk, and end on the value a headless run computes', async () => {
    const headless = createNodeSession();
    headless.setCells(cells(counting('6'), 'count.draws.join(" ")'));
    await headless.runAll();
    const expected = texts(headless.view('c1'));
    headless.dispose();

    session = createNodeSession({ liveValues: 'stream' });
    const shown: string[] = [];
    session.onCellChange((id, view) => {
      if (id === 'c1' && view.state === 'done' && texts(view)[0] !== shown.at(-1)) shown.push(texts(view)[0]);
    });
    const runs = recordRunStarts(session);
    session.setCells(cells(counting('6'), 'count.draws.join(" ")', 'count.i * 10'));
    await session.runAll();
    // The readers first ran with the first chunk's value.
    expect(shown[0].split(' ')).toHaveLength(1);
    await until(() => texts(session.view('c2'))[0] === '60', 'the last chunk');
    // Each chunk re-ran the readers, never the cell that computes it, and with the run's own
    // random stream: the readers' own runs in between did not change the draws.
    expect(shown.map((s) => s.split(' ').length)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(shown.at(-1)).toBe(expected[0]);
    expect(runs.filter((id) => id === 'c0')).toEqual(['c0']);
    expect(session.view('c0')!.state).toBe('done');
  });

  it('an async generator (awaiting between steps, as TensorFlow.js training does) streams the same values a headless run ends on', async () => {
    const source = `const walk = await live(async function* () {
  let x = 0
  for (let i = 1; i <= 5; i++) {
    await tick()
    x += Math.round(Math.random() * 100)
    await sleep(1)
    yield { i, x }
  }
})`;
    const headless = createNodeSession();
    headless.setCells(cells(source, '`${walk.i}: ${walk.x}`'));
    await headless.runAll();
    const expected = texts(headless.view('c1'));
    headless.dispose();
    expect(expected[0]).toMatch(/^5: \d+$/);

    session = createNodeSession({ liveValues: 'stream' });
    const shown: string[] = [];
    session.onCellChange((id, view) => {
      if (id === 'c1' && view.state === 'done' && texts(view)[0] !== shown.at(-1)) shown.push(texts(view)[0]);
    });
    // A reader drawing random numbers of its own between the chunks must not change the walk.
    session.setCells(cells(source, '`${walk.i}: ${walk.x}`', 'Math.random() + walk.i'));
    await session.runAll();
    await until(() => shown.at(-1)?.startsWith('5:') === true, 'the last chunk');
    expect(shown.map((s) => s.split(':')[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(shown.at(-1)).toBe(expected[0]);
  });

  it('the next chunk is computed while the page is busy with the readers of the last one (a slow draw does not pause training)', async () => {
    session = createNodeSession({ liveValues: 'stream' });
    let status = '';
    session.onStatus((s) => (status = s));
    session.setCells(cells('const t = live(function* () { for (let i = 0; i < 6; i++) { const until = Date.now() + 20; while (Date.now() < until); yield Date.now() } })', 't'));
    // The page draws each new value for 150 ms (this thread blocked, as a big Plotly redraw
    // blocks it); each value is the time its chunk ended.
    const drawing: [number, number][] = [];
    const chunkEnds = new Set<number>();
    session.onCellChange((id, view) => {
      if (id !== 'c1' || view.state !== 'done') return;
      chunkEnds.add(Number(texts(view)[0]));
      // From the second value on (the first chunk's readers run in the cell's own pass).
      if (chunkEnds.size < 2 || drawing.length >= 3) return;
      const start = Date.now();
      while (Date.now() < start + 150);
      drawing.push([start, Date.now()]);
    });
    await session.runAll();
    await until(() => chunkEnds.size === 6 && status === 'ready', 'the last chunk');
    expect([...chunkEnds].some((at) => drawing.some(([start, end]) => at > start && at < end))).toBe(true);
  });

  it('a control that re-runs the cell stops its old generator: no value of the old run shows after the new one', async () => {
    session = createNodeSession({ liveValues: 'stream' });
    session.setCells(cells(
      'const start = slider(0, { min: 0, max: 1000 })',
      // endless unless stopped: a chunk every 2 ms of work
      'const ticks = live(function* () { for (let i = start; ; i++) { const until = Date.now() + 2; while (Date.now() < until); yield i } })',
      'ticks',
    ));
    await session.runAll();
    await until(() => Number(texts(session.view('c2'))[0]) >= 5, 'a few chunks of the first run');
    await session.setControl('c0', 'start', 1000);
    const seen: number[] = [];
    session.onCellChange((id, view) => {
      if (id === 'c2') seen.push(Number(texts(view)[0]));
    });
    await until(() => Number(texts(session.view('c2'))[0]) >= 1005, 'a few chunks of the new run');
    expect(seen.every((value) => value >= 1000)).toBe(true);
  });

  it('a control moved while a live value streams (its readers keep the kernel running) takes effect at once', async () => {
    session = createNodeSession({ liveValues: 'stream' });
    session.setCells(cells(
      'const start = slider(0, { min: 0, max: 1000 })',
      'const ticks = live(function* () { for (let i = start; ; i++) { const until = Date.now() + 2; while (Date.now() < until); yield i } })',
      // A reader as slow as a big figure: there is almost always a pass under way.
      'const slowUntil = Date.now() + 30\nwhile (Date.now() < slowUntil);\nticks',
    ));
    // And a page slow to take in each drawing, as a browser drawing it: the next chunk's value
    // comes in meanwhile, so one pass of readers follows another without a pause.
    session.onCellChange((id, view) => {
      if (id !== 'c2' || view.state !== 'done') return;
      const busyUntil = Date.now() + 20;
      while (Date.now() < busyUntil);
    });
    await session.runAll();
    await until(() => Number(texts(session.view('c2'))[0]) >= 5, 'a few chunks of the first run');
    const moved = Date.now();
    await session.setControl('c0', 'start', 1000);
    await until(() => Number(texts(session.view('c2'))[0]) >= 1000, 'the new run', 5_000);
    expect(Date.now() - moved).toBeLessThan(5_000);
  });

  it('a chunk that throws shows the error on its cell, and the readers keep the last good value', async () => {
    session = createNodeSession({ liveValues: 'stream' });
    session.setCells(cells('const v = live(function* () { yield 1; yield 2; throw new RangeError("diverged at step 3") })', 'v * 100'));
    await session.runAll();
    await until(() => session.view('c0')!.state === 'error', 'the error');
    expect(session.view('c0')!.error!.message).toMatch(/RangeError: diverged at step 3/);
    expect(texts(session.view('c1'))).toEqual(['200']);
  });

  it('says what to do when live() is used wrongly', async () => {
    session = createNodeSession({ liveValues: 'stream' });
    session.setCells(cells('live(function* () { yield 1; yield 2 })\nconst other = 3', 'const v = live(() => 5)'));
    await session.runAll();
    expect(session.view('c0')!.error!.message).toMatch(/live\(\) gives a value to a name: declare it/);
    expect(session.view('c1')!.error!.message).toMatch(/live\(\): the function must be a generator/);
  });

  it('deleting the cell stops its generator', async () => {
    session = createNodeSession({ liveValues: 'stream' });
    const ticking = 'const t = live(function* () { for (let i = 0; ; i++) { const until = Date.now() + 2; while (Date.now() < until); (globalThis as any).lastTick = i; yield i } })';
    session.setCells(cells(ticking, 't'));
    await session.runAll();
    await until(() => Number(texts(session.view('c1'))[0]) >= 3, 'a few chunks');
    session.setCells([{ id: 'c1', source: 'const seen = (globalThis as any).lastTick' }]);
    await session.run(['c1']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    session.setCells([{ id: 'c1', source: 'const seen = (globalThis as any).lastTick' }, { id: 'c2', source: '(globalThis as any).lastTick - seen' }]);
    await session.run(['c2']);
    expect(texts(session.view('c2'))).toEqual(['0']);
  });

  it('the kernel is busy while a live value goes on, and Interrupt stops it where it is', async () => {
    session = createNodeSession({ liveValues: 'stream' });
    const statuses: string[] = [];
    session.onStatus((status) => statuses.push(status));
    session.setCells(cells('const t = live(function* () { for (let i = 0; ; i++) { const until = Date.now() + 2; while (Date.now() < until); yield i } })', 't'));
    await session.runAll();
    await until(() => Number(texts(session.view('c1'))[0]) >= 3, 'a few chunks');
    expect(statuses.at(-1)).toBe('busy');
    await session.interrupt();
    expect(statuses.at(-1)).toBe('ready');
    const stoppedAt = texts(session.view('c1'))[0];
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(texts(session.view('c1'))).toEqual([stoppedAt]);
    expect(statuses.at(-1)).toBe('ready');
  });

  it('Interrupt while a reader of the last chunk runs lets it finish: no restart, nothing computed again', async () => {
    session = createNodeSession({ liveValues: 'stream' });
    const runs = recordRunStarts(session);
    session.setCells(cells(
      'const t = live(function* () { for (let i = 0; ; i++) { const until = Date.now() + 2; while (Date.now() < until); yield i } })',
      'const slowUntil = Date.now() + 40\nwhile (Date.now() < slowUntil);\nt',
    ));
    await session.runAll();
    await until(() => session.view('c1')!.state === 'running', 'a reader run');
    await session.interrupt();
    expect(session.view('c1')!.state).toBe('done');
    expect(runs.filter((id) => id === 'c0')).toEqual(['c0']);
    const stoppedAt = texts(session.view('c1'))[0];
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(texts(session.view('c1'))).toEqual([stoppedAt]);
  });

  it('the kernel is ready again when the last chunk is in', async () => {
    session = createNodeSession({ liveValues: 'stream' });
    const statuses: string[] = [];
    session.onStatus((status) => statuses.push(status));
    session.setCells(cells(counting('4'), 'count.i'));
    await session.runAll();
    await until(() => texts(session.view('c1'))[0] === '4', 'the last chunk');
    await until(() => statuses.at(-1) === 'ready', 'the kernel to be ready');
  });
});
