/** Errors a cell shows for what others did: a failed upstream cell, a name declared twice; and malformed figures. */
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeSession } from '../../src/kernel/node/create-node-session.ts';
import { toOutput } from '../../src/kernel/runtime/to-output.ts';
import { plot } from '../../src/plot/figure.ts';
import type { Session } from '../../src/kernel/session.ts';
import type { CellView } from '../../src/kernel/types.ts';

let session: Session;
afterEach(() => session?.dispose());

const cells = (...sources: string[]) => sources.map((source, i) => ({ id: `c${i}`, source }));
const texts = (view: CellView | undefined) => (view?.outputs ?? []).filter((o) => o.kind === 'text').map((o) => (o as { text: string }).text);

describe('stale cells below a failed one', () => {
  it('keep their last output, say which cell failed, and run again when it is fixed', async () => {
    session = createNodeSession();
    session.setCells(cells('const a = 1', 'a * 2'));
    await session.runAll();
    session.setCells(cells('const a = missing', 'a * 2'));
    await session.run(['c0']);
    expect(session.view('c1')).toMatchObject({ state: 'error', error: { kind: 'upstream', upstreamCellId: 'c0', message: expect.stringContaining('Stale: cell 1 failed') } });
    expect(texts(session.view('c1'))).toEqual(['2']);

    session.setCells(cells('const a = 5', 'a * 2'));
    await session.run(['c0']);
    expect(session.view('c1')).toMatchObject({ state: 'done', error: undefined });
    expect(texts(session.view('c1'))).toEqual(['10']);
  });
});

describe('a name declared by two cells', () => {
  it('a cell reading it names both cells, and runs once one of them is renamed', async () => {
    session = createNodeSession();
    session.setCells(cells('const a = 1', 'const a = 2', 'a + 1'));
    await session.runAll();
    expect(session.view('c2')!.error).toMatchObject({ kind: 'duplicate', message: expect.stringContaining('`a` is declared by 2 cells (cell 1 and cell 2)') });
    expect(session.view('c2')!.error!.message).not.toContain('No cell declares');

    session.setCells(cells('const a = 1', 'const b = 2', 'a + 1'));
    await session.run(['c1']);
    expect(['c0', 'c1', 'c2'].map((id) => session.view(id)!.state)).toEqual(['done', 'done', 'done']);
    expect(texts(session.view('c2'))).toEqual(['2']);
  });
});

describe('figures', () => {
  it('a value marked as a figure but with a null layout or bad traces is refused with a clear message', () => {
    const bad = { type: 'stepwise.figure', data: [{ type: 'scatter', x: [1], y: [1] }], layout: null };
    expect(() => toOutput(bad)).toThrow("A figure's layout must be an object (or left out), got null");
    expect(() => toOutput({ type: 'stepwise.figure', data: 'x', layout: {} })).toThrow("A figure's data must be an array of traces, got \"x\"");
    expect(() => toOutput({ type: 'stepwise.figure', data: [null], layout: {} })).toThrow("A figure's trace 0 must be an object");
    expect(toOutput({ type: 'stepwise.figure', data: [] })).toEqual({ kind: 'figure', figure: { type: 'stepwise.figure', data: [], layout: {} } });
    const good = plot({ type: 'scatter', x: [1], y: [2] });
    expect(toOutput(good)).toEqual({ kind: 'figure', figure: good });
  });

  it('a cell whose value or display is a malformed figure fails with that message, at the display line', async () => {
    session = createNodeSession();
    session.setCells(cells(
      "({ type: 'stepwise.figure', data: [], layout: null })",
      "const ok = 1\ndisplay({ type: 'stepwise.figure', data: [], layout: null })",
    ));
    await session.runAll();
    expect(session.view('c0')).toMatchObject({ state: 'error', outputs: [], error: { kind: 'runtime', message: expect.stringContaining("A figure's layout must be an object") } });
    expect(session.view('c1')).toMatchObject({ state: 'error', error: { kind: 'runtime', line: 2, message: expect.stringContaining("A figure's layout must be an object") } });
  });
});
