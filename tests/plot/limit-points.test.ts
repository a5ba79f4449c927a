import { describe, expect, it } from 'vitest';
import { blockAverage, limitFigure, limitPoints, lineIndices, MAX_GRID_SIDE, MAX_HISTOGRAM_VALUES, MAX_SCATTER_POINTS, strideIndices } from '../../src/plot/limit-points.ts';
import { prepareFigure } from '../../src/ui/output/prepare-figure.ts';
import { plot, type Trace } from '../../src/plot/figure.ts';
import { toOutput } from '../../src/kernel/runtime/to-output.ts';

const N = 1_000_000;

describe('lineIndices', () => {
  it('keeps each bucket’s first, lowest, highest and last point, in order', () => {
    // Two buckets of five: [0, 5, -1, 2, 3] and [4, 4, 9, 4, 1].
    const y = [0, 5, -1, 2, 3, 4, 4, 9, 4, 1];
    expect(Array.from(lineIndices(y, y.length, 8))).toEqual([0, 1, 2, 4, 5, 7, 9]);
  });

  it('skips gaps as extremes, and keeps a bucket of gaps by its ends', () => {
    const y = [null, NaN, 3, null, null, null];
    expect(Array.from(lineIndices(y, y.length, 8))).toEqual([0, 2, 3, 5]);
  });
});

describe('strideIndices', () => {
  it('takes every k-th index from the first, at most the budget', () => {
    expect(Array.from(strideIndices(10, 4))).toEqual([0, 3, 6, 9]);
    expect(Array.from(strideIndices(10, 5))).toEqual([0, 2, 4, 6, 8]);
    expect(strideIndices(N + 1, 1000).length).toBeLessThanOrEqual(1000);
  });
});

describe('blockAverage', () => {
  it('averages blocks by hand, skipping non-numbers, with partial blocks at the edges', () => {
    const z = [
      [1, 2, 3, 4, 5],
      [3, 4, 5, null, 7],
      [10, 20, 30, 40, 50],
    ];
    expect(blockAverage(z, 2, 2)).toEqual([
      [(1 + 2 + 3 + 4) / 4, (3 + 4 + 5) / 3, (5 + 7) / 2],
      [15, 35, 50],
    ]);
    expect(blockAverage([[NaN, null]], 1, 2)).toEqual([[null]]);
  });
});

describe('limitPoints', () => {
  it('returns small figures as the very same objects', () => {
    const data: Trace[] = [
      { type: 'scatter', x: new Float64Array(MAX_SCATTER_POINTS), y: new Float64Array(MAX_SCATTER_POINTS) },
      { type: 'heatmap', z: [[1, 2], [3, 4]] },
      { type: 'histogram', x: [1, 2, 3] },
      { type: 'bar', x: new Float64Array(N), y: new Float64Array(N) },
    ];
    const limited = limitPoints(data);
    expect(limited.data).toBe(data);
    expect(limited.notice).toBeUndefined();
  });

  it('reduces a long line from typed arrays to the budget, keeping its ends and extremes', () => {
    const x = Float64Array.from({ length: N }, (_, i) => i);
    const y = Float64Array.from({ length: N }, (_, i) => Math.sin(i / 1000));
    y[123_457] = 50;
    y[876_543] = -50;
    const trace = { type: 'scatter', mode: 'lines', x, y, name: 'signal' };
    const { data, notice } = limitPoints([trace]);
    const [reduced] = data as { x: Float64Array; y: Float64Array; name: string }[];
    expect(reduced.x).toBeInstanceOf(Float64Array);
    expect(reduced.x.length).toBe(reduced.y.length);
    expect(reduced.x.length).toBeLessThanOrEqual(MAX_SCATTER_POINTS);
    expect([reduced.x[0], reduced.x[reduced.x.length - 1]]).toEqual([0, N - 1]);
    expect(reduced.y.includes(50)).toBe(true);
    expect(reduced.y.includes(-50)).toBe(true);
    expect(reduced.x.every((value, i) => i === 0 || value > reduced.x[i - 1])).toBe(true);
    expect(notice).toBe(`Drawn ${reduced.x.length.toLocaleString('en-US')} of 1,000,000 points of “signal” (min/max per bucket)`);
    expect(trace.x).toBe(x); // the cell's value is not changed
  });

  it('thins markers by a uniform stride, with their per-point colours and plain arrays', () => {
    const n = MAX_SCATTER_POINTS * 3 + 1;
    const y = Array.from({ length: n }, (_, i) => i * 2);
    const color = Array.from({ length: n }, (_, i) => `c${i}`);
    const { data, notice } = limitPoints([{ type: 'scattergl', mode: 'markers', y, marker: { color, size: 4 } }]);
    const [reduced] = data as { x: Float64Array; y: number[]; marker: { color: string[]; size: number } }[];
    expect(Array.isArray(reduced.y)).toBe(true);
    expect(reduced.y.slice(0, 3)).toEqual([0, 8, 16]);
    expect(Array.from(reduced.x.subarray(0, 3))).toEqual([0, 4, 8]); // the original positions
    expect(reduced.marker.color.slice(0, 3)).toEqual(['c0', 'c4', 'c8']);
    expect(reduced.marker.size).toBe(4);
    expect(notice).toBe(`Drawn ${reduced.y.length.toLocaleString('en-US')} of 600,001 points (every 4th)`);
  });

  it('block-averages a big heatmap and its axis', () => {
    const rows = 4;
    const columns = MAX_GRID_SIDE * 2;
    const z = Array.from({ length: rows }, (_, r) => Float64Array.from({ length: columns }, (_, c) => r * columns + c));
    const x = Array.from({ length: columns }, (_, c) => c * 10);
    const { data, notice } = limitPoints([{ type: 'heatmap', z, x }]);
    const [reduced] = data as { z: number[][]; x: number[]; y: Float64Array }[];
    expect(reduced.z.length).toBe(rows);
    expect(reduced.z[0].length).toBe(MAX_GRID_SIDE);
    expect(reduced.z[1][0]).toBe((columns + columns + 1) / 2);
    expect(reduced.x.slice(0, 2)).toEqual([5, 25]);
    expect(Array.from(reduced.y)).toEqual([0, 1, 2, 3]);
    expect(notice).toBe('Drawn 4×1,000 of 4×2,000 cells (block averages)');
  });

  it('averages a transposed heatmap’s x axis along z’s rows', () => {
    const z = Array.from({ length: MAX_GRID_SIDE * 2 }, () => [1, 2]);
    const x = Array.from({ length: MAX_GRID_SIDE * 2 }, (_, i) => i);
    const [reduced] = limitPoints([{ type: 'heatmap', transpose: true, z, x, y: ['a', 'b'] }]).data as { z: number[][]; x: number[]; y: string[] }[];
    expect(reduced.z[0]).toEqual([1, 2]);
    expect(reduced.x.slice(0, 2)).toEqual([0.5, 2.5]);
    expect(reduced.y).toEqual(['a', 'b']);
  });

  it('samples a histogram’s raw values above its budget', () => {
    const x = new Float32Array(MAX_HISTOGRAM_VALUES * 2);
    const { data, notice } = limitPoints([{ type: 'histogram', x }]);
    expect((data[0].x as Float32Array).length).toBe(MAX_HISTOGRAM_VALUES);
    expect(data[0].x).toBeInstanceOf(Float32Array);
    expect(notice).toBe('Binned 1,000,000 of 2,000,000 values (every 2nd)');
  });
});

describe('prepareFigure with big traces', () => {
  it('draws the reduced trace with WebGL and shows the notice as an annotation after the figure’s own', () => {
    const y = new Float64Array(N);
    const figure = plot({ type: 'scatter', mode: 'lines', y }, { annotations: [{ text: 'mine' }] });
    const { data, layout } = prepareFigure(figure, 'light', 800);
    expect(data[0].type).toBe('scattergl');
    expect((data[0].y as Float64Array).length).toBeLessThanOrEqual(MAX_SCATTER_POINTS);
    const notes = layout.annotations as { text: string }[];
    expect(notes.map((note) => note.text)).toEqual(['mine', expect.stringMatching(/^Drawn [\d,]+ of 1,000,000 points/)]);
  });

  it('adds no annotation to a small figure', () => {
    const { layout } = prepareFigure(plot({ type: 'scatter', y: [1, 2, 3] }), 'light', 800);
    expect(layout.annotations).toBeUndefined();
  });
});

describe('limitFigure', () => {
  it('returns a figure within budget as itself, and adds the notice after the figure’s own annotations', () => {
    const small = plot({ type: 'scatter', y: [1, 2] });
    expect(limitFigure(small)).toBe(small);
    const big = plot({ type: 'scatter', mode: 'markers', y: new Float64Array(N) }, { annotations: [{ text: 'mine' }] });
    const limited = limitFigure(big);
    expect((limited.layout.annotations as { text: string }[]).map((note) => note.text)).toEqual(['mine', 'Drawn 200,000 of 1,000,000 points (every 5th)']);
    expect(limitFigure(limited)).toBe(limited); // the page's second pass finds nothing over budget
  });

  it('is applied to a figure before the runtime posts it to the page', () => {
    const output = toOutput(plot({ type: 'scatter', mode: 'lines', x: new Float64Array(N), y: new Float64Array(N) }));
    if (output?.kind !== 'figure') throw new Error(`expected a figure, got ${output?.kind}`);
    expect((output.figure.data[0].y as Float64Array).length).toBeLessThanOrEqual(MAX_SCATTER_POINTS);
  });
});
