import { describe, expect, it } from 'vitest';
import { RepeatedTraces } from '../../src/kernel/repeated-traces.ts';
import type { FromRuntime, RunRequest } from '../../src/kernel/protocol.ts';
import type { Trace } from '../../src/plot/figure.ts';

const request = (runId: number, cellId: string): RunRequest => ({ type: 'run', runId, cellId, body: '', reads: [], declares: [], controls: {}, seed: 1 });
const grid = (offset: number) => Array.from({ length: 30 }, (_, j) => Array.from({ length: 30 }, (_, i) => i * j + offset));
const contour = (offset = 0): Trace => ({ type: 'contour', z: grid(offset) });
const path = (k: number): Trace => ({ type: 'scatter', x: Array.from({ length: k }, (_, i) => i), y: Array.from({ length: k }, (_, i) => i * i) });
const figureMessage = (runId: number, data: Trace[], id = 'out-0', type: 'output' | 'output-update' = 'output'): FromRuntime => ({
  type,
  runId,
  output: { id, kind: 'figure', figure: { type: 'stepwise.figure', data, layout: { title: { text: `run ${runId}` } } } },
});
const tracesOf = (message: FromRuntime) => (message as { output: { figure: { data: unknown[] } } }).output.figure.data;
/** What crosses from worker to page: a structured clone, as postMessage makes. */
const across = (message: FromRuntime) => structuredClone(message);

/** A worker's end and a page's end that see the same requests, as the sandbox's two ends do. */
function ends() {
  const worker = new RepeatedTraces();
  const page = new RepeatedTraces();
  const run = (runId: number, cellId: string) => {
    worker.noteRequest(request(runId, cellId));
    page.noteRequest(request(runId, cellId));
  };
  return { worker, page, run };
}

describe('RepeatedTraces', () => {
  it('sends a big trace equal to last run\'s as a marker, and the page puts back the one it has', () => {
    const { worker, page, run } = ends();
    run(1, 'bowl');
    const first = page.decode(across(worker.encode(figureMessage(1, [contour(), path(3)]))));
    run(2, 'bowl');
    const sent = across(worker.encode(figureMessage(2, [contour(), path(5)])));
    expect(tracesOf(sent)[0]).toEqual({ 'stepwise:same-as-last-run': true });
    expect(tracesOf(sent)[1]).toEqual(path(5)); // small and changed: whole
    const received = page.decode(sent);
    expect(tracesOf(received)).toEqual([contour(), path(5)]);
    // The very object received the first time: the page's equality check stops at once.
    expect(tracesOf(received)[0]).toBe(tracesOf(first)[0]);
    expect((received as { output: { figure: { layout: unknown } } }).output.figure.layout).toEqual({ title: { text: 'run 2' } });
  });

  it('sends a changed big trace whole, and one the cell changed in place after showing it', () => {
    const { worker, page, run } = ends();
    run(1, 'bowl');
    const shown = contour();
    page.decode(across(worker.encode(figureMessage(1, [shown]))));
    run(2, 'bowl');
    expect(tracesOf(page.decode(across(worker.encode(figureMessage(2, [contour(1)])))))).toEqual([contour(1)]);
    // The worker compares with its own copy of what it sent, not with the cell's objects.
    run(3, 'bowl');
    const kept = contour(1);
    page.decode(across(worker.encode(figureMessage(3, [kept]))));
    (kept.z as number[][])[0][0] = 99;
    run(4, 'bowl');
    const sent = across(worker.encode(figureMessage(4, [kept])));
    expect(tracesOf(sent)[0]).toEqual(kept);
    expect((tracesOf(page.decode(sent))[0] as { z: number[][] }).z[0][0]).toBe(99);
  });

  it('keeps outputs apart by cell and output id, display updates included', () => {
    const { worker, page, run } = ends();
    worker.noteRequest({ type: 'pass', runs: [request(1, 'a'), request(2, 'b')] });
    page.noteRequest({ type: 'pass', runs: [request(1, 'a'), request(2, 'b')] });
    page.decode(across(worker.encode(figureMessage(1, [contour(0)]))));
    page.decode(across(worker.encode(figureMessage(2, [contour(5)]))));
    page.decode(across(worker.encode(figureMessage(2, [contour(7)], 'out-1'))));
    run(3, 'b');
    const b0 = across(worker.encode(figureMessage(3, [contour(5)])));
    const b1 = across(worker.encode(figureMessage(3, [contour(7)], 'out-1', 'output-update')));
    const bAsA = across(worker.encode(figureMessage(3, [contour(0)], 'out-2')));
    expect(tracesOf(b0)[0]).toEqual({ 'stepwise:same-as-last-run': true });
    expect(tracesOf(b1)[0]).toEqual({ 'stepwise:same-as-last-run': true });
    expect(tracesOf(bAsA)[0]).toEqual(contour(0)); // another output: never seen there
    expect(tracesOf(page.decode(b0))).toEqual([contour(5)]);
    expect(tracesOf(page.decode(b1))).toEqual([contour(7)]);
  });

  it('starts afresh with a new worker, and after a message that could not be posted', () => {
    const { worker, page, run } = ends();
    run(1, 'bowl');
    page.decode(across(worker.encode(figureMessage(1, [contour()]))));
    // A restart: the page forgets, the new worker knows nothing, so it sends whole.
    page.reset();
    const fresh = new RepeatedTraces();
    fresh.noteRequest(request(2, 'bowl'));
    page.noteRequest(request(2, 'bowl'));
    const sent = across(fresh.encode(figureMessage(2, [contour()])));
    expect(tracesOf(sent)).toEqual([contour()]);
    expect(tracesOf(page.decode(sent))).toEqual([contour()]);
    // A post that failed: the page never got it, so the next one is whole.
    run(3, 'bowl');
    const failed = figureMessage(3, [contour(2)]);
    fresh.encode(failed);
    fresh.unsent(failed);
    run(4, 'bowl');
    expect(tracesOf(fresh.encode(figureMessage(4, [contour(2)])))).toEqual([contour(2)]);
  });

  it('leaves every other message as it is', () => {
    const { worker, run } = ends();
    run(1, 'cell');
    const messages: FromRuntime[] = [
      { type: 'started', runId: 1 },
      { type: 'output', runId: 1, output: { id: 'out-0', kind: 'text', text: 'hello' } },
      { type: 'done', runId: 1, ok: true, durationMs: 1 },
      figureMessage(99, [contour()]), // a run nobody asked for
    ];
    for (const message of messages) expect(worker.encode(message)).toBe(message);
  });
});
