import { describe, expect, it } from 'vitest';
import { contour, surface } from '../../src/plot/index.ts';
import { linspace } from '../../src/plot/grid.ts';
import { expectPlainFigure } from './plain-data.ts';

const f = (x: number, y: number) => x * x + 3 * y;

describe('contour and surface', () => {
  it('linspace includes both ends, like numpy.linspace', () => {
    expect(linspace(-1, 1, 5)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(linspace(0, 0.3, 4)[3]).toBe(0.3);
  });

  it('contour samples f on the grid with z[j][i] = f(x[i], y[j])', () => {
    const fig = contour(f, { x: [-1, 1], y: [0, 2], resolution: [5, 3] });
    const trace = fig.data[0] as { type: string; x: number[]; y: number[]; z: number[][] };
    expect(trace.type).toBe('contour');
    expect(trace.x).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(trace.y).toEqual([0, 1, 2]);
    expect(trace.z).toHaveLength(3);
    trace.y.forEach((y, j) => trace.x.forEach((x, i) => expect(trace.z[j][i]).toBe(f(x, y))));
    expectPlainFigure(fig);
  });

  it('contour draws `levels` evenly spaced levels from the lowest to the highest value', () => {
    const fig = contour(f, { x: [-1, 1], y: [0, 2], resolution: 11, levels: 8 });
    // min f = 0 at (0, 0); max f = 1 + 6 = 7 at (±1, 2).
    expect(fig.data[0]).toMatchObject({ autocontour: false, contours: { start: 0, end: 7, size: 7 / 8, coloring: 'fill' } });
    expect(contour(f, { x: [0, 1], y: [0, 1], fill: false }).data[0].contours).toMatchObject({ coloring: 'lines' });
  });

  it('contour with logScale holds log10 f, labels the colour bar in decades and hovers f itself', () => {
    const g = (x: number, y: number) => 10 ** (x + y);
    const fig = contour(g, { x: [-1, 1], y: [0, 1], resolution: [3, 2], zTitle: 'loss', logScale: true });
    const trace = fig.data[0] as { z: number[][]; customdata: number[][]; colorbar: Record<string, unknown> };
    expect(trace.z).toEqual([[-1, 0, 1], [0, 1, 2]]);
    expect(trace.customdata[1][2]).toBeCloseTo(100, 12);
    expect(trace.colorbar).toMatchObject({ tickvals: [-1, 0, 1, 2], ticktext: ['0.1', '1', '10', '100'], title: { text: 'loss (log scale)' } });
  });

  it('contour turns non-finite values of f into gaps', () => {
    const fig = contour((x) => Math.log(x), { x: [-1, 1], y: [0, 1], resolution: 3 });
    expect((fig.data[0].z as number[][])[0]).toEqual([NaN, NaN, 0]);
    expect(JSON.parse(JSON.stringify(fig)).data[0].z[0]).toEqual([null, null, 0]);
  });

  it('contour reports a bad box, f and logScale on non-positive values', () => {
    expect(() => contour(f, { x: [1, -1], y: [0, 1] })).toThrow('contour: x must be [min, max] with min < max, got [1,-1]');
    expect(() => contour(f, { x: [0, 1], y: [0, 1], resolution: 1 })).toThrow('contour: resolution must be an integer ≥ 2, got 1');
    expect(() => contour(42 as never, { x: [0, 1], y: [0, 1] })).toThrow('contour: the first argument must be a function (x, y) => number, got 42');
    expect(() => contour(() => 'a' as never, { x: [0, 1], y: [0, 1] })).toThrow('contour: f(0, 0) returned a string "a"; the function must return a number');
    expect(() => contour((x) => x, { x: [0, 1], y: [0, 1], logScale: true })).toThrow('contour: logScale needs positive values, but f(0, 0) = 0');
  });

  it('surface samples f like contour and puts the axis titles on the 3-D scene', () => {
    const fig = surface(f, { x: [-1, 1], y: [0, 2] }, { resolution: 4, xTitle: 'w', yTitle: 'b', zTitle: 'loss' });
    const trace = fig.data[0] as { type: string; x: number[]; y: number[]; z: number[][] };
    expect(trace.type).toBe('surface');
    trace.y.forEach((y, j) => trace.x.forEach((x, i) => expect(trace.z[j][i]).toBe(f(x, y))));
    expect(fig.layout.scene).toMatchObject({ xaxis: { title: { text: 'w' } }, yaxis: { title: { text: 'b' } }, zaxis: { title: { text: 'loss' } } });
    expect(fig.layout.xaxis).toBeUndefined();
    expect(fig.layout.uirevision).toBe('stepwise');
    expectPlainFigure(fig);
  });
});
