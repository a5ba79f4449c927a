import { describe, expect, it } from 'vitest';
import { sameData } from '../../src/plot/same-data.ts';
import { sameSource, type FigureSource } from '../../src/ui/output/figure-source.ts';
import { prepareFigure } from '../../src/ui/output/prepare-figure.ts';
import { lines } from '../../src/plot/index.ts';

describe('sameData: plain data equal all the way down', () => {
  it('compares objects, arrays and typed arrays by contents', () => {
    expect(sameData({ a: [1, { b: 'x' }], c: null }, { a: [1, { b: 'x' }], c: null })).toBe(true);
    expect(sameData(new Float64Array([1, Number.NaN]), new Float64Array([1, Number.NaN]))).toBe(true);
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData(new Float64Array([1]), new Float32Array([1]))).toBe(false);
    expect(sameData([1], { 0: 1 })).toBe(false);
  });
});

describe('sameSource: a figure that need not be handed to Plotly again', () => {
  const chart = (k: number) => lines([{ x: [0, 1, 2], y: [0, k, 2 * k], name: 'loss' }], { title: 'Loss' });
  const source = (k: number, over: Partial<FigureSource> = {}): FigureSource => ({ figure: structuredClone(chart(k)), theme: 'light', width: 640, pinned: [], ...over });

  it('an equal spec from a re-run (a fresh copy, as from the sandbox) is the same picture', () => {
    const shown = source(1);
    expect(sameSource(source(1, { pinned: shown.pinned }), shown)).toBe(true);
  });

  it('new data, another theme, another width or another pin is a new picture', () => {
    const shown = source(1);
    const same = { pinned: shown.pinned };
    expect(sameSource(source(2, same), shown)).toBe(false);
    expect(sameSource(source(1, { ...same, theme: 'dark' }), shown)).toBe(false);
    expect(sameSource(source(1, { ...same, width: 656 }), shown)).toBe(false);
    expect(sameSource(source(1, { pinned: [] }), shown)).toBe(false);
  });

  it('what Plotly writes into the prepared figure it draws does not reach the spec kept', () => {
    const shown = source(1);
    const drawn = prepareFigure(shown.figure, shown.theme, shown.width);
    // Plotly writes autoranges and sizes back into the layout and traces it is given.
    (drawn.layout.xaxis as Record<string, unknown>).range = [0, 2];
    drawn.layout.width = 640;
    (drawn.data[0] as Record<string, unknown>).uid = 'abc';
    expect(sameSource(source(1, { pinned: shown.pinned }), shown)).toBe(true);
  });
});
