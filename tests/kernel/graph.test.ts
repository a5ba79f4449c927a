import { describe, expect, it } from 'vitest';
import { analyzeCell } from '../../src/analysis/index.ts';
import { buildGraph, Topology } from '../../src/kernel/graph/index.ts';
import { cellsToRun, onScreenFirst, seedFor } from '../../src/kernel/scheduler.ts';

const graphOf = (...sources: string[]) => buildGraph(sources.map((s, i) => analyzeCell(`c${i}`, s)), (id) => `cell ${Number(id.slice(1)) + 1}`);

describe('buildGraph', () => {
  it('orders cells by dependency, not by position in the file', () => {
    const g = graphOf('const total = a + b', 'const b = a * 2', 'const a = 1');
    expect(g.order).toEqual(['c2', 'c1', 'c0']);
    expect(g.readsFromCells.get('c0')).toEqual(['a', 'b']);
    expect(g.errors.size).toBe(0);
  });

  it('keeps document order between independent cells', () => {
    expect(graphOf('const x = 1', 'const y = 2', 'const z = 3').order).toEqual(['c0', 'c1', 'c2']);
  });

  it('treats names no cell declares as globals, not inputs', () => {
    const g = graphOf('const m = new Matrix([[1]]); Math.max(1, 2); tf.zeros([1])');
    expect(g.readsFromCells.get('c0')).toEqual([]);
  });

  it('reports a name declared in two cells as an error on both and on the cells reading it', () => {
    const g = graphOf('const k = 1', 'const k = 2', 'k');
    expect(g.errors.get('c0')).toMatchObject({ kind: 'duplicate', message: expect.stringContaining('`k` is also declared in cell 2') });
    expect(g.errors.get('c1')).toMatchObject({ kind: 'duplicate', message: expect.stringContaining('`k` is also declared in cell 1') });
    // The cell reading `k` is told which cells declare it, not that none does.
    expect(g.errors.get('c2')).toMatchObject({ kind: 'duplicate', message: expect.stringContaining('`k` is declared by 2 cells (cell 1 and cell 2)') });
    expect(g.order.indexOf('c2')).toBe(2);
  });

  it('reports a cycle as an error on every cell in it', () => {
    const g = graphOf('const a = c + 1', 'const b = a + 1', 'const c = b + 1', 'const d = 4');
    for (const id of ['c0', 'c1', 'c2']) expect(g.errors.get(id)).toMatchObject({ kind: 'cycle', message: expect.stringContaining('cell 1 → cell 2 → cell 3 → cell 1') });
    expect(g.errors.has('c3')).toBe(false);
    expect(g.order).toContain('c3');
  });

  it('reports a cell assigning to another cell\'s name', () => {
    const g = graphOf('let n = 1', 'n = 2');
    expect(g.errors.get('c1')).toMatchObject({ kind: 'duplicate', message: expect.stringContaining('assigns to `n`, which cell 1 declares') });
  });
});

describe('Topology', () => {
  it('descendants and ancestors include the start nodes', () => {
    const t = new Topology(['a', 'b', 'c', 'd']);
    t.addEdge('a', 'b');
    t.addEdge('b', 'c');
    expect([...t.descendants(['b'])].sort()).toEqual(['b', 'c']);
    expect([...t.ancestors(['c'])].sort()).toEqual(['a', 'b', 'c']);
    expect(t.cycles()).toEqual([]);
  });
});

describe('cellsToRun', () => {
  it('runs the cell, its downstream, and upstream cells whose values are missing', () => {
    const g = graphOf('const a = 1', 'const b = a', 'const c = b', 'const other = 5');
    expect([...cellsToRun(g.topology, ['c1'], new Set(['c0']))].sort()).toEqual(['c1', 'c2']);
    expect([...cellsToRun(g.topology, ['c1'], new Set())].sort()).toEqual(['c0', 'c1', 'c2']);
  });
});

describe('onScreenFirst', () => {
  // c0 a control; c1, c2 slow cells in between; c3 the figure on screen, drawn by a helper at the end (c4).
  const g = graphOf('const noise = 1', 'const curves = noise * 2', 'const table = curves + 1', 'const fan = draw(noise)', 'const draw = (n: number) => n * noise');

  it('runs the cells on screen and what they read before the cells above them', () => {
    const dirty = g.order.filter((id) => id !== 'c0');
    expect(g.order).toEqual(['c0', 'c1', 'c2', 'c4', 'c3']);
    expect(onScreenFirst(g.topology, dirty, new Set(['c3']))).toEqual({ first: ['c4', 'c3'], rest: ['c1', 'c2'] });
  });

  it('keeps the topological order with nothing on screen, or only clean cells on screen (all in `rest`)', () => {
    const dirty = ['c1', 'c2'];
    expect(onScreenFirst(g.topology, dirty, new Set())).toEqual({ first: [], rest: dirty });
    expect(onScreenFirst(g.topology, dirty, new Set(['c3']))).toEqual({ first: [], rest: dirty });
    expect(onScreenFirst(g.topology, dirty, new Set(['c2']))).toEqual({ first: ['c1', 'c2'], rest: [] });
  });
});

describe('seedFor', () => {
  it('depends on the declared names only', () => {
    expect(seedFor(['data'])).toBe(seedFor(['data']));
    expect(seedFor(['data'])).not.toBe(seedFor(['noise']));
  });
});
