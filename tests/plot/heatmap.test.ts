import { describe, expect, it } from 'vitest';
import { diverging, heatmap, sequential } from '../../src/plot/index.ts';
import { expectPlainFigure } from './plain-data.ts';

describe('heatmap', () => {
  const confusion = [[5, 1], [2, 7]];

  it('heatmap draws z at integer cells with labels on the ticks and row 0 at the top', () => {
    const fig = heatmap(confusion, { x: ['cat', 'dog'], y: ['cat', 'dog'], xTitle: 'predicted', yTitle: 'true' });
    expect(fig.data[0]).toMatchObject({ type: 'heatmap', x: [0, 1], y: [0, 1], z: confusion, colorscale: sequential });
    expect(fig.layout.xaxis).toMatchObject({ tickvals: [0, 1], ticktext: ['cat', 'dog'], title: { text: 'predicted' } });
    expect(fig.layout.yaxis).toMatchObject({ tickvals: [0, 1], ticktext: ['cat', 'dog'], autorange: 'reversed', title: { text: 'true' } });
    expect(fig.layout.yaxis).toMatchObject({ showgrid: false, zeroline: false });
    expect(fig.layout.yaxis).not.toHaveProperty('gridcolor');
    expectPlainFigure(fig);
  });

  it('heatmap writes whole numbers without decimals and others with 2, or the digits asked for', () => {
    expect(heatmap(confusion).data[0]).toMatchObject({ text: [['5', '1'], ['2', '7']], texttemplate: '%{text}' });
    expect(heatmap([[0.123, 0.5]]).data[0].text).toEqual([['0.12', '0.50']]);
    expect(heatmap([[0.123, 0.5]], { digits: 1 }).data[0].text).toEqual([['0.1', '0.5']]);
  });

  it('heatmap writes values only up to 400 cells unless asked', () => {
    const big = Array.from({ length: 21 }, (_, i) => Array.from({ length: 20 }, (_, j) => i + j));
    expect(heatmap(big.slice(0, 20)).data[0].texttemplate).toBe('%{text}');
    expect(heatmap(big).data[0].text).toBeUndefined();
    expect(heatmap(big, { showValues: true }).data[0].text).toHaveLength(21);
    expect(heatmap(confusion, { showValues: false }).data[0].text).toBeUndefined();
  });

  it('heatmap keeps repeated labels as separate cells', () => {
    const fig = heatmap([[1, 0, 0], [0, 1, 0], [0, 0, 1]], { x: ['the', 'cat', 'the'] });
    expect(fig.layout.xaxis).toMatchObject({ tickvals: [0, 1, 2], ticktext: ['the', 'cat', 'the'] });
  });

  it('heatmap of signed data defaults to the diverging scale centred on 0; explicit options win', () => {
    expect(heatmap([[-1, 2]]).data[0]).toMatchObject({ colorscale: diverging, zmid: 0 });
    const fixed = heatmap([[-1, 2]], { colorscale: 'Viridis', zmin: -2, zmax: 2, zTitle: 'weight' });
    expect(fixed.data[0]).toMatchObject({ colorscale: 'Viridis', zmin: -2, zmax: 2, colorbar: { title: { text: 'weight' } } });
    expect(fixed.data[0].zmid).toBeUndefined();
  });

  it('heatmap reports ragged rows and label counts', () => {
    expect(() => heatmap([[1, 2], [3]])).toThrow('heatmap: z row 1 has 1 values, expected 2 (every row must have the same length)');
    expect(() => heatmap(confusion, { x: ['a'] })).toThrow('heatmap: x has 1 values but there are 2 columns; give one per column');
    expect(() => heatmap([])).toThrow('heatmap: z must be a non-empty matrix');
  });
});
