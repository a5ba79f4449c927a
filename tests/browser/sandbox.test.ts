import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserSession } from '../../src/kernel/host/index.ts';
import type { Session } from '../../src/kernel/session.ts';
import type { CellView } from '../../src/kernel/types.ts';

let session: Session | undefined;

async function runCells(sources: string[]): Promise<{ session: Session; views: CellView[] }> {
  const opened = await createBrowserSession();
  const cells = sources.map((source, i) => ({ id: `c${i}`, source }));
  opened.setCells(cells);
  await opened.runAll();
  return { session: opened, views: cells.map((c) => opened.view(c.id)!) };
}

function text(view: CellView): string {
  return view.outputs.map((o) => (o.kind === 'text' ? o.text : o.kind === 'log' ? o.text : '')).join('\n');
}

function removeFrames(): void {
  document.querySelectorAll('iframe').forEach((f) => f.remove());
}

// What one kernel lets cells do: these tests read the cells of one session (each kernel boot
// costs a second or more), each cell probing one door.
describe('sandboxed kernel in Chromium', () => {
  const tfjsGlobals = 'typeof (globalThis as { _tfGlobals?: unknown })._tfGlobals';
  const probes = {
    // TensorFlow.js is evaluated when a cell first uses it (runtime/tfjs-on-demand.ts), on the CPU backend.
    beforeTfjs: [tfjsGlobals],
    globals: ['const a: number = 20', 'a + 22', 'new Matrix([[1, 2]]).columns', 'tf.tensor([1, 2]).shape', `[tf.getBackend(), ${tfjsGlobals}]`],
    page: [`[typeof document, typeof window, typeof localStorage, typeof parent, self.origin, typeof document === 'undefined' ? 'no cookies' : document.cookie]`],
    indexedDB: [
      `let outcome = 'opened'
try {
  await new Promise((resolve, reject) => { const r = indexedDB.open('stepwise'); r.onsuccess = resolve; r.onerror = () => reject(r.error) })
} catch (e) { outcome = 'blocked: ' + e.name }
outcome`,
    ],
    network: [
      `const results: string[] = []
try { await fetch(${JSON.stringify(location.origin)} + '/'); results.push('fetch ok') } catch (e) { results.push('fetch blocked') }
try {
  const xhr = new XMLHttpRequest(); xhr.open('GET', ${JSON.stringify(location.origin)} + '/', false); xhr.send(); results.push('xhr ok')
} catch (e) { results.push('xhr blocked') }
try {
  const ws = new WebSocket('ws://127.0.0.1:9'); await new Promise((res, rej) => { ws.onopen = res; ws.onerror = rej }); results.push('ws ok')
} catch (e) { results.push('ws blocked') }
try { importScripts(${JSON.stringify(location.origin)} + '/x.js'); results.push('import ok') } catch (e) { results.push('import blocked') }
results`,
    ],
  };
  const views: Record<keyof typeof probes, CellView[]> = { beforeTfjs: [], globals: [], page: [], indexedDB: [], network: [] };
  let frame: { sandbox: string | null; contentDocument: Document | null };

  beforeAll(async () => {
    localStorage.setItem('stepwise-secret', 'hidden');
    const groups = Object.entries(probes) as [keyof typeof probes, string[]][];
    const run = await runCells(groups.flatMap(([, sources]) => sources));
    session = run.session;
    let at = 0;
    for (const [name, sources] of groups) views[name] = run.views.slice(at, (at += sources.length));
    const element = document.querySelector('iframe')!;
    frame = { sandbox: element.getAttribute('sandbox'), contentDocument: element.contentDocument };
  });
  afterAll(() => {
    session?.dispose();
    session = undefined;
    removeFrames();
  });

  it('runs cells in a worker with the library globals; TensorFlow.js is evaluated on first use, on its CPU backend', () => {
    expect(text(views.beforeTfjs[0])).toBe('undefined');
    expect(views.globals.map((v) => v.state)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(text(views.globals[1])).toBe('42');
    expect(text(views.globals[2])).toBe('2');
    expect(text(views.globals[3])).toBe('[2]');
    expect(text(views.globals[4])).toBe('["cpu", "object"]');
  });

  it('cell code cannot reach the page: no DOM, storage, cookies or parent', () => {
    expect(text(views.page[0])).toBe('["undefined", "undefined", "undefined", "undefined", "null", "no cookies"]');
  });

  it('cell code cannot open IndexedDB of the app (opaque origin)', () => {
    expect(text(views.indexedDB[0])).toMatch(/^blocked: /);
  });

  it('cell code cannot use the network: fetch, XHR, WebSocket and importScripts are blocked by CSP', () => {
    expect(text(views.network[0])).toBe('["fetch blocked", "xhr blocked", "ws blocked", "import blocked"]');
  });

  it('the frame is sandboxed without same-origin, navigation or popups', () => {
    expect(frame.sandbox).toBe('allow-scripts');
    // An opaque origin: the page cannot read the frame's document, nor the frame the page's.
    expect(frame.contentDocument).toBeNull();
  });
});

describe('the sandboxed kernel\'s messages and interrupt', () => {
  afterEach(() => {
    session?.dispose();
    session = undefined;
    removeFrames();
  });

  it('ignores messages that do not come from its own frame', async () => {
    session = await createBrowserSession();
    // Long enough that a busy machine's late timers below still check while it runs.
    session.setCells([{ id: 'slow', source: 'await sleep(2000)\nconst v = "real"\nv' }]);
    const run = session.runAll();
    while (session.view('slow')!.state !== 'running') await new Promise((r) => setTimeout(r, 10));
    window.postMessage({ channel: 'stepwise-sandbox', fromRuntime: { type: 'done', runId: 1, ok: true, durationMs: 0 } }, '*');
    window.postMessage({ channel: 'stepwise-sandbox', fromRuntime: { type: 'output', runId: 1, output: { id: 'out-0', kind: 'text', text: 'forged' } } }, '*');
    await new Promise((r) => setTimeout(r, 50));
    expect(session.view('slow')!.state).toBe('running');
    await run;
    expect(text(session.view('slow')!)).toBe('real');
  });

  it('the worker talks to the page over its own channel: nothing it says comes as a window message, and a cell posting from its worker reaches no one', async () => {
    // Window messages from a frame in another process are read a hundred times slower than a
    // channel's (frame-document.ts): a figure relayed that way cost 10–50 ms of the page's thread.
    const fromFrame: Record<string, unknown>[] = [];
    const listen = (event: MessageEvent) => {
      if ((event.data as { channel?: string } | null)?.channel === 'stepwise-sandbox') fromFrame.push(event.data as Record<string, unknown>);
    };
    window.addEventListener('message', listen);
    try {
      session = await createBrowserSession();
      session.setCells([{ id: 'posting', source: 'postMessage({ type: "output", runId: 1, output: { id: "x", kind: "text", text: "forged" } })\n"real"' }]);
      await session.runAll();
      expect(text(session.view('posting')!)).toBe('real');
      expect(fromFrame.length).toBeGreaterThan(0);
      expect(fromFrame.filter((message) => !('pong' in message || 'loaded' in message || 'activated' in message))).toEqual([]);
    } finally {
      window.removeEventListener('message', listen);
    }
  });

  it('interrupt stops while (true) {} and restores upstream values', async () => {
    session = await createBrowserSession();
    session.setCells([
      { id: 'up', source: 'const base = 40' },
      { id: 'stuck', source: 'const spin = base; while (true) {}' },
      { id: 'after', source: 'base + 2' },
    ]);
    const run = session.runAll();
    while (session.view('stuck')!.state !== 'running') await new Promise((r) => setTimeout(r, 10));
    // Interrupted during the first run, before the frame has booted its spare runtime.
    await session.interrupt();
    await run;
    expect(session.view('stuck')!.state).toBe('error');
    expect(session.view('stuck')!.error!.kind).toBe('interrupted');
    expect(session.view('up')!.state).toBe('done');
    // `after` does not read from the stuck cell, so it still ran, against the restored `base`.
    expect(text(session.view('after')!)).toBe('42');
    await session.run(['after']);
    expect(text(session.view('after')!)).toBe('42');
    // A run that lasts is given the spare runtime (booting): interrupting it swaps the spare in.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const again = session.run(['stuck']);
    while (session.view('stuck')!.state !== 'running') await new Promise((r) => setTimeout(r, 10));
    await session.interrupt();
    await again;
    expect(session.view('stuck')!.error!.kind).toBe('interrupted');
    await session.run(['after']);
    expect(text(session.view('after')!)).toBe('42');
  });
});
