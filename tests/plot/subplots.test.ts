import { describe, expect, it } from 'vitest';
import { heatmap, line, scatter, subplots, surface, withLayout } from '../../src/plot/index.ts';
import { cellDomain } from '../../src/plot/subplots.ts';
import { expectPlainFigure } from './plain-data.ts';

const closeTo = (pair: number[]) => pair.map((v) => expect.closeTo(v, 12));

describe('subplots', () => {
  it('cellDomain splits the paper into columns and rows with gaps', () => {
    // 2 columns, gap 0.08: width (1 - 0.08) / 2 = 0.46. 2 rows, gap 0.14: height 0.43.
    expect(cellDomain(0, 2, 2)).toEqual({ x: closeTo([0, 0.46]), y: closeTo([0.57, 1]) });
    expect(cellDomain(1, 2, 2)).toEqual({ x: closeTo([0.54, 1]), y: closeTo([0.57, 1]) });
    expect(cellDomain(2, 2, 2)).toEqual({ x: closeTo([0, 0.46]), y: closeTo([0, 0.43]) });
    expect(cellDomain(0, 1, 1)).toEqual({ x: [0, 1], y: [0, 1] });
  });

  it('subplots moves each figure onto its own axes with the cell domains', () => {
    const figs = [line([1, 2, 3], { xTitle: 'epoch' }), scatter([[0, 1]]), heatmap([[1, 2]])];
    const fig = subplots(figs, { titles: ['loss', 'points', 'matrix'] });
    expect(fig.data.map((t) => [t.xaxis, t.yaxis])).toEqual([['x', 'y'], ['x2', 'y2'], ['x3', 'y3']]);
    expect(fig.layout.xaxis).toMatchObject({ domain: closeTo([0, 0.46]), anchor: 'y', title: { text: 'epoch' } });
    expect(fig.layout.xaxis2).toMatchObject({ domain: closeTo([0.54, 1]), anchor: 'y2' });
    expect(fig.layout.yaxis2).toMatchObject({ domain: closeTo([0.57, 1]), anchor: 'x2' });
    expect(fig.layout.xaxis3).toMatchObject({ domain: closeTo([0, 0.46]) });
    // The heatmap keeps its matrix orientation in its cell.
    expect(fig.layout.yaxis3).toMatchObject({ domain: closeTo([0, 0.43]), autorange: 'reversed' });
    expect(fig.layout.height).toBe(520);
    expectPlainFigure(fig);
  });

  it('subplots writes titles as annotations centred above each cell, from the figures by default', () => {
    const fig = subplots([line([1, 2], { title: 'train' }), line([2, 1], { title: 'test' })]);
    expect(fig.layout.annotations).toEqual([
      expect.objectContaining({ text: 'train', x: expect.closeTo(0.23, 12), y: 1, xref: 'paper', yref: 'paper', yanchor: 'bottom', showarrow: false }),
      expect.objectContaining({ text: 'test', x: expect.closeTo(0.77, 12), y: 1 }),
    ]);
    expect(fig.layout.title).toBeUndefined();
  });

  it('subplots sharedX and sharedY make later axes match the first', () => {
    const fig = subplots([line([1]), line([2]), line([3])], { columns: 3, sharedX: true, sharedY: true });
    expect(fig.layout.xaxis).not.toHaveProperty('matches');
    expect(fig.layout.xaxis2).toMatchObject({ matches: 'x' });
    expect(fig.layout.yaxis3).toMatchObject({ matches: 'y' });
  });

  it('subplots shows one legend entry per name across cells', () => {
    const a = scatter([[0, 0], [1, 1]], { labels: [0, 1] });
    const fig = subplots([a, a]);
    expect(fig.data.map((t) => [t.name, t.legendgroup, t.showlegend])).toEqual([
      ['class 0', 'class 0', undefined], ['class 1', 'class 1', undefined],
      ['class 0', 'class 0', false], ['class 1', 'class 1', false],
    ]);
    expect(fig.layout.showlegend).toBe(true);
  });

  it('subplots puts a 3-D figure in a scene with its cell as domain and colour bars beside their cell', () => {
    const fig = subplots([heatmap([[1]]), surface((x, y) => x + y, { x: [0, 1], y: [0, 1] }, { resolution: 2, zTitle: 'f' })]);
    expect(fig.data[1].scene).toBe('scene2');
    expect(fig.layout.scene2).toMatchObject({ domain: { x: closeTo([0.54, 1]), y: [0, 1] }, zaxis: { title: { text: 'f' } } });
    expect(fig.data[0].colorbar).toMatchObject({ x: expect.closeTo(0.47, 12), len: 1 });
  });

  it('subplots moves annotations with their figure', () => {
    const noted = withLayout(line([1, 2]), { annotations: [{ text: 'min', x: 1, y: 2 }, { text: 'corner', xref: 'paper', yref: 'paper', x: 0.5, y: 1 }] });
    const fig = subplots([line([0]), noted]);
    const notes = fig.layout.annotations as Record<string, unknown>[];
    expect(notes).toContainEqual({ text: 'min', x: 1, y: 2, xref: 'x2', yref: 'y2' });
    // Paper positions scale into cell 2: x 0.5 → 0.54 + 0.5 · 0.46.
    expect(notes).toContainEqual({ text: 'corner', xref: 'paper', yref: 'paper', x: expect.closeTo(0.77, 12), y: 1 });
  });

  it('subplots reports bad input', () => {
    expect(() => subplots([])).toThrow('subplots: figures must be a non-empty array of figures');
    expect(() => subplots([line([1]), 3 as never])).toThrow('subplots: figures[1] is 3, expected a figure');
    expect(() => subplots([line([1])], { titles: ['a', 'b'] })).toThrow('subplots: titles has 2 entries but there are 1 figures');
    expect(() => subplots([subplots([line([1]), line([2])])])).toThrow('subplots: figures[0] already has subplots');
    expect(() => subplots([line([1])], { columns: 0 })).toThrow('subplots: columns must be an integer ≥ 1, got 0');
  });
});
