import { describe, expect, it } from 'vitest';
import { contour, line, overlay, palette, path, plot, scatter, withLayout } from '../../src/plot/index.ts';
import { expectPlainFigure } from './plain-data.ts';

describe('path', () => {
  it('path draws the iterates as one trace with the start and end marked', () => {
    const trace = path([[0, 0], [1, 0.5], [2, 0.7]], { name: 'GD' });
    expect(trace).toMatchObject({
      type: 'scatter', mode: 'lines+markers', name: 'GD', x: [0, 1, 2], y: [0, 0.5, 0.7],
      line: { color: palette[3], dash: 'solid' },
      marker: { size: [11, 5, 14], symbol: ['circle', 'circle', 'star'] },
    });
  });

  it('path without start/end marks or markers has size-0 dots in between', () => {
    const trace = path([[0, 0], [1, 1], [2, 2]], { showStart: false, showEnd: false, markers: false });
    expect(trace.marker).toMatchObject({ size: [0, 0, 0], symbol: ['circle', 'circle', 'circle'] });
  });

  it('path takes a line width (2 px by default)', () => {
    expect(path([[0, 0], [1, 1]]).line).toMatchObject({ width: 2 });
    expect(path([[0, 0], [1, 1]], { width: 1.5 }).line).toMatchObject({ width: 1.5 });
  });

  it('path of [x, y, z] points is a scatter3d trace for a surface', () => {
    const trace = path([[0, 0, 1], [1, 1, 0.5]]);
    expect(trace).toMatchObject({ type: 'scatter3d', x: [0, 1], y: [0, 1], z: [1, 0.5], marker: { size: [11, 14] } });
  });

  it('path reports bad points', () => {
    expect(() => path([])).toThrow('path: points is empty');
    expect(() => path([[0, 0], [1]])).toThrow('path: points row 1 has 1 values, expected at least 2');
  });
});

describe('overlay and withLayout', () => {
  const base = contour((x, y) => x * x + y * y, { x: [-1, 1], y: [-1, 1], resolution: 3, title: 'loss' });

  it('overlay appends traces, arrays of traces and figures without changing the input', () => {
    const before = structuredClone(base);
    const fig = overlay(base, path([[1, 1], [0, 0]], { name: 'SGD' }), [path([[1, -1], [0, 0]], { name: 'Adam' })], line([0, 1], [0, 1]));
    expect(base).toEqual(before);
    expect(fig.data.map((t) => t.type)).toEqual(['contour', 'scatter', 'scatter', 'scatter']);
    expect(fig.data[1].name).toBe('SGD');
    // The unnamed contour and line stay out of the legend instead of appearing as "trace 3".
    expect(fig.data.map((t) => t.showlegend)).toEqual([false, undefined, undefined, false]);
    expect(fig.layout.title).toEqual({ text: 'loss' });
    expectPlainFigure(fig);
  });

  it('overlay shows the legend once more than one trace is named', () => {
    expect(overlay(base, path([[0, 0]], { name: 'SGD' })).layout.showlegend).toBe(false);
    const two = overlay(base, path([[0, 0]], { name: 'SGD' }), path([[0, 0]], { name: 'Adam' }));
    expect(two.layout).toMatchObject({ showlegend: true, legend: { orientation: 'h' } });
  });

  it('overlay keeps the traces independent of the inputs', () => {
    const p = path([[0, 0], [1, 1]]);
    const fig = overlay(base, p);
    (fig.data[1].x as number[])[0] = 99;
    expect((p.x as number[])[0]).toBe(0);
  });

  it('withLayout deep-merges a patch and leaves the input unchanged', () => {
    const fig = scatter([[0, 1], [2, 3]], { xTitle: 'a' });
    const patched = withLayout(fig, { xaxis: { range: [0, 5] }, height: 250 });
    expect(patched.layout.xaxis).toMatchObject({ title: { text: 'a' }, range: [0, 5] });
    expect(patched.layout.height).toBe(250);
    expect((fig.layout.xaxis as Record<string, unknown>).range).toBeUndefined();
    expect(patched.data).toEqual(fig.data);
  });

  it('a title given by withLayout to an untitled figure gets a titled chart’s room above the plot', () => {
    const untitled = scatter([[0, 1], [2, 3]]);
    const titled = withLayout(untitled, { title: { text: 'later' } });
    expect(titled.layout.margin).toMatchObject({ t: 45 });
    const grid = withLayout(plot([], { height: 300, margin: { t: 20 } }), { title: { text: 'grid' } });
    expect(grid.layout).toMatchObject({ height: 325, margin: { t: 45 } });
    // The patch's own margin, a figure titled already, and a patch without a title are left as they are.
    expect(withLayout(untitled, { title: { text: 'x' }, margin: { t: 30 } }).layout.margin).toMatchObject({ t: 30 });
    expect(withLayout(scatter([[0, 1]], { title: 'own' }), { title: { text: 'new' } }).layout.margin).toMatchObject({ t: 45 });
    expect(withLayout(untitled, { height: 200 }).layout.margin).toEqual(untitled.layout.margin);
  });

  it('overlay and withLayout keep a figure config and reject non-figures', () => {
    const withConfig = { ...plot([], {}), config: { displayModeBar: false } };
    expect(overlay(withConfig).config).toEqual({ displayModeBar: false });
    expect(withLayout(withConfig, {}).config).toEqual({ displayModeBar: false });
    expect(() => overlay([] as never)).toThrow('overlay: the first argument must be a figure');
    expect(() => overlay(base, 3 as never)).toThrow('overlay: layer 1 must be a trace, an array of traces or a figure, got 3');
    expect(() => withLayout({} as never, {})).toThrow('withLayout: the first argument must be a figure');
  });
});
