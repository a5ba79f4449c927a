import { describe, expect, it } from 'vitest';
import { colorFor, palette, PlotInputError, scatter } from '../../src/plot/index.ts';
import { expectPlainFigure } from './plain-data.ts';

const X = [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]];

describe('scatter', () => {
  it('scatter draws one marker trace with the first two columns as x and y', () => {
    const fig = scatter([[1, 2, 99], [3, 4, 99]], { name: 'points' });
    expect(fig.type).toBe('stepwise.figure');
    expect(fig.data).toHaveLength(1);
    expect(fig.data[0]).toMatchObject({ type: 'scatter', mode: 'markers', x: [1, 3], y: [2, 4], name: 'points' });
    expectPlainFigure(fig);
  });

  it('scatter accepts columns { x, y }', () => {
    const fig = scatter({ x: [1, 2, 3], y: [6, 5, 4] });
    expect(fig.data[0]).toMatchObject({ x: [1, 2, 3], y: [6, 5, 4] });
  });

  it('scatter with labels makes one trace per label, sorted, named "class k" and coloured by colorFor', () => {
    const fig = scatter(X, { labels: [2, 0, 2, 1, 0] });
    expect(fig.data.map((t) => t.name)).toEqual(['class 0', 'class 1', 'class 2']);
    expect(fig.data[0]).toMatchObject({ x: [2, 8], y: [3, 9] });
    expect(fig.data[1]).toMatchObject({ x: [6], y: [7] });
    expect(fig.data[2]).toMatchObject({ x: [0, 4], y: [1, 5] });
    expect(fig.data.map((t) => (t.marker as { color: string }).color)).toEqual([colorFor(0), colorFor(1), colorFor(2)]);
    expect(fig.layout.showlegend).toBe(true);
    expect(fig.layout.legend).toBeUndefined();
    expectPlainFigure(fig);
  });

  it('scatter uses labelNames given as an array or an object, and "noise" for -1', () => {
    const byArray = scatter(X.slice(0, 3), { labels: [0, 1, -1], labelNames: ['setosa', 'versicolor'] });
    expect(byArray.data.map((t) => t.name)).toEqual(['noise', 'setosa', 'versicolor']);
    const byObject = scatter(X.slice(0, 2), { labels: [0, 1], labelNames: { 1: 'spam' } });
    expect(byObject.data.map((t) => t.name)).toEqual(['class 0', 'spam']);
  });

  it('scatter with string labels names traces by the label and colours them in palette order', () => {
    const fig = scatter(X.slice(0, 3), { labels: ['dog', 'cat', 'dog'] });
    expect(fig.data.map((t) => t.name)).toEqual(['cat', 'dog']);
    expect(fig.data.map((t) => (t.marker as { color: string }).color)).toEqual([palette[0], palette[1]]);
  });

  it('scatter splits per-point sizes and text with the labels', () => {
    const fig = scatter(X.slice(0, 3), { labels: [1, 0, 1], size: [5, 6, 7], text: ['a', 'b', 'c'] });
    expect(fig.data[0].text).toEqual(['b']);
    expect((fig.data[0].marker as { size: number[] }).size).toEqual([6]);
    expect(fig.data[1].text).toEqual(['a', 'c']);
    expect((fig.data[1].marker as { size: number[] }).size).toEqual([5, 7]);
  });

  it('scatter with numeric color draws one trace on a colour scale with a colour bar', () => {
    const fig = scatter(X.slice(0, 3), { color: [0.1, 0.5, 0.9], colorTitle: 'residual' });
    expect(fig.data).toHaveLength(1);
    expect(fig.data[0].marker).toMatchObject({ color: [0.1, 0.5, 0.9], showscale: true, colorbar: { title: { text: 'residual' } } });
  });

  it('scatter switches to scattergl above 2,000 points, not at 2,000', () => {
    const points = (n: number) => Array.from({ length: n }, (_, i) => [i, i % 7]);
    expect(scatter(points(2000)).data[0].type).toBe('scatter');
    expect(scatter(points(2001)).data[0].type).toBe('scattergl');
    const labelled = scatter(points(2001), { labels: points(2001).map((_, i) => i % 3) });
    expect(labelled.data.map((t) => t.type)).toEqual(['scattergl', 'scattergl', 'scattergl']);
  });

  it('scatter sets the chart defaults: titles, no legend for one trace, transparent background, constant uirevision', () => {
    const fig = scatter(X, { title: 'Iris', xTitle: 'petal length', yTitle: 'petal width', name: 'flowers' });
    expect(fig.layout).toMatchObject({
      title: { text: 'Iris' },
      xaxis: { title: { text: 'petal length' } },
      yaxis: { title: { text: 'petal width' } },
      showlegend: false,
      paper_bgcolor: 'rgba(0,0,0,0)',
      plot_bgcolor: 'rgba(0,0,0,0)',
      uirevision: 'stepwise',
    });
    expect(fig.layout.font).toBeUndefined();
    expect(scatter(X.slice(0, 1)).layout.uirevision).toBe(fig.layout.uirevision);
  });

  it('scatter reports bad input with what and where', () => {
    expect(() => scatter(X, { labels: [0, 1] })).toThrow(new PlotInputError('scatter', 'labels has 2 values but there are 5 points; give one per point'));
    expect(() => scatter([[1, 2], [3]])).toThrow('scatter: X row 1 has 1 values, expected at least 2');
    expect(() => scatter([[1, 2], [3, '4' as never]])).toThrow('scatter: X[1][1] is a string "4", expected a number');
    expect(() => scatter({ x: [1, 2], y: [1] })).toThrow('scatter: y has 1 values but there are 2 x values');
    expect(() => scatter('abc' as never)).toThrow('scatter: points must be rows');
    expect(() => scatter(X.slice(0, 2), { labels: [0, undefined as never] })).toThrow('scatter: labels[1] is undefined, expected a number or a name');
    expect(() => scatter(X.slice(0, 2), { labels: [0, 1], color: [1, 2] })).toThrow('scatter: color as numbers colours points on a scale, but labels already give each class its colour');
    expect(() => scatter(X.slice(0, 2), { size: [1] })).toThrow('scatter: size has 1 values but there are 2 points; give one per point');
  });
});
