import { describe, expect, it } from 'vitest';
import { bar, line, lines, palette } from '../../src/plot/index.ts';
import { expectPlainFigure } from './plain-data.ts';

describe('line and lines', () => {
  it('line(x, y) draws one curve with the given style', () => {
    const fig = line([1, 2, 3], [4, 5, 6], { name: 'fit', dash: 'dash', markers: true, color: 'black', xTitle: 'x', yTitle: 'y' });
    expect(fig.data).toEqual([{
      type: 'scatter', mode: 'lines+markers', x: [1, 2, 3], y: [4, 5, 6], name: 'fit',
      line: { color: 'black', width: 2, dash: 'dash' }, marker: { color: 'black', size: 6 },
    }]);
    expect(fig.layout).toMatchObject({ xaxis: { title: { text: 'x' } }, yaxis: { title: { text: 'y' } }, showlegend: false });
    expectPlainFigure(fig);
  });

  it('line(y) uses 0, 1, 2, … as x and takes options as the second argument', () => {
    const fig = line([0.9, 0.5, 0.3], { logY: true, title: 'loss' });
    expect(fig.data[0]).toMatchObject({ x: [0, 1, 2], y: [0.9, 0.5, 0.3], mode: 'lines', line: { color: palette[0], dash: 'solid' } });
    expect(fig.layout).toMatchObject({ title: { text: 'loss' }, yaxis: { type: 'log' } });
  });

  it('lines draws named series in palette order, with a legend', () => {
    const fig = lines({ train: [3, 2, 1], test: [4, 3, 3] }, { x: [10, 20, 30] });
    expect(fig.data.map((t) => [t.name, t.x, t.y, (t.line as { color: string }).color])).toEqual([
      ['train', [10, 20, 30], [3, 2, 1], palette[0]],
      ['test', [10, 20, 30], [4, 3, 3], palette[1]],
    ]);
    expect(fig.layout.showlegend).toBe(true);
  });

  it('lines takes a list of series with their own x and style', () => {
    const fig = lines([{ y: [1, 2], name: 'a' }, { x: [5, 6, 7], y: [1, 1, 1], name: 'b', dash: 'dot', markers: true }], { logX: true });
    expect(fig.data[0]).toMatchObject({ x: [0, 1], mode: 'lines' });
    expect(fig.data[1]).toMatchObject({ x: [5, 6, 7], mode: 'lines+markers', line: { dash: 'dot' } });
    expect(fig.layout.xaxis).toMatchObject({ type: 'log' });
  });

  it('line and lines report mismatched lengths and empty input', () => {
    expect(() => line([1, 2], [1, 2, 3])).toThrow('line: y has 3 values but there are 2 x values');
    expect(() => lines({ a: [1, undefined as unknown as number] })).toThrow('lines (series a): y[1] is undefined, expected a number');
    expect(() => lines([])).toThrow('lines: there are no series to draw');
  });
});

describe('bar', () => {
  it('bar draws one value per category on a category axis', () => {
    const fig = bar([10, 2, 'c'], [0.5, 0.2, 0.3], { name: 'importance', yTitle: 'importance' });
    expect(fig.data).toEqual([{ type: 'bar', x: ['10', '2', 'c'], y: [0.5, 0.2, 0.3], marker: { color: palette[0] }, name: 'importance' }]);
    expect(fig.layout).toMatchObject({ xaxis: { type: 'category' }, yaxis: { title: { text: 'importance' } }, showlegend: false });
    expectPlainFigure(fig);
  });

  it('bar groups named series side by side', () => {
    const fig = bar(['kNN', 'tree'], { train: [1, 0.9], test: [0.8, 0.7] });
    expect(fig.data.map((t) => [t.name, t.y])).toEqual([['train', [1, 0.9]], ['test', [0.8, 0.7]]]);
    expect(fig.layout).toMatchObject({ barmode: 'group', showlegend: true });
  });

  it('bar horizontal puts categories on y, first at the top', () => {
    const fig = bar(['a', 'b'], [1, 2], { horizontal: true });
    expect(fig.data[0]).toMatchObject({ orientation: 'h', x: [1, 2], y: ['a', 'b'] });
    expect(fig.layout.yaxis).toMatchObject({ type: 'category', autorange: 'reversed' });
  });

  it('bar reports a length mismatch', () => {
    expect(() => bar(['a', 'b'], { train: [1] })).toThrow('bar: values.train has 1 values but there are 2 categories; give one per category');
  });
});
