import { describe, expect, it } from 'vitest';
import { keepDrawnArrays } from '../../src/ui/output/keep-drawn-arrays.ts';

describe('keepDrawnArrays', () => {
  const drawn = {
    data: [{ x: [1, 2, 3], y: [4, 5, 6], z: [[1, 2], [3, 4]], marker: { color: ['a', 'b', 'c'], size: 6 }, w: new Float64Array([1, 2]) }],
    layout: { yaxis: { tickvals: [0, 1] }, shapes: [{ type: 'line', x0: 0, x1: 0 }] },
  };

  it('swaps in the drawn array wherever the new one equals it, down objects and arrays of objects', () => {
    const next = structuredClone(drawn);
    next.data[0].y = [4, 5, 7];
    const kept = keepDrawnArrays(next, drawn);
    expect(kept).toEqual(next);
    expect(kept.data[0].x).toBe(drawn.data[0].x);
    expect(kept.data[0].z).toBe(drawn.data[0].z);
    expect(kept.data[0].marker.color).toBe(drawn.data[0].marker.color);
    expect(kept.data[0].w).toBe(drawn.data[0].w);
    expect(kept.layout.yaxis.tickvals).toBe(drawn.layout.yaxis.tickvals);
    expect(kept.data[0].y).toBe(next.data[0].y);
  });

  it('never shares objects (Plotly writes into them) and never changes what it is given', () => {
    const next = structuredClone(drawn);
    const copy = structuredClone(next);
    const kept = keepDrawnArrays(next, drawn);
    expect(kept.data[0]).not.toBe(drawn.data[0]);
    expect(kept.data[0].marker).not.toBe(drawn.data[0].marker);
    expect(kept.layout.shapes[0]).not.toBe(drawn.layout.shapes[0]);
    expect(kept.layout.shapes).not.toBe(drawn.layout.shapes);
    expect(next).toEqual(copy);
    expect(next.data[0].x).not.toBe(drawn.data[0].x);
  });

  it('keeps the new value where nothing was drawn there, or something of another kind', () => {
    const next = { data: [{ x: [1] }, { x: [2] }], layout: { a: [1], b: { c: 1 } } };
    const kept = keepDrawnArrays(next, { data: [{ x: { 0: 1 } }], layout: { a: 'x', b: [1] } });
    expect(kept).toEqual(next);
    expect(keepDrawnArrays(next, undefined)).toBe(next);
  });
});
