import { describe, expect, it } from 'vitest';
import { PlotInputError, waterfall } from '../../src/plot/index.ts';
import { expectPlainFigure } from './plain-data.ts';

describe('waterfall', () => {
  it('waterfall(labels, steps, { start }) starts each bar where the previous one ended', () => {
    const fig = waterfall(['a', 'b', 'c'], [0.5, -2, 0.25], { start: 1, startLabel: 'E[f]', endLabel: 'f(x)', title: 'one row' });
    const [bars] = fig.data;
    expect(bars).toMatchObject({ type: 'bar', orientation: 'h', y: ['a', 'b', 'c'], x: [0.5, -2, 0.25], base: [1, 1.5, -0.5] });
    expect(bars.text).toEqual(['+0.50', '−2.00', '+0.25']);
    expect((bars.marker as { color: string[] }).color).toEqual(['#d62728', '#1f77b4', '#d62728']);
    // The dashed lines mark the start and the end, start + Σ steps.
    const shapes = fig.layout.shapes as { x0: number }[];
    expect(shapes.map((s) => s.x0)).toEqual([1, -0.25]);
    const annotations = fig.layout.annotations as { text: string }[];
    expect(annotations.map((a) => a.text)).toEqual(['E[f] = 1.00', 'f(x) = -0.25']);
    // Above the plot, each label on the side away from the other (the end is left of the start here).
    expect(annotations.map((a) => (a as { xanchor?: string }).xanchor)).toEqual(['left', 'right']);
    expect(fig.layout).toMatchObject({ title: { text: 'one row' }, yaxis: { type: 'category', autorange: 'reversed' } });
    expectPlainFigure(fig);
  });

  it('waterfall starts at 0 by default and honours colours and digits', () => {
    const fig = waterfall(['x'], [3], { upColor: 'green', digits: 0 });
    expect(fig.data[0]).toMatchObject({ base: [0], text: ['+3'], marker: { color: ['green'] } });
  });

  it('waterfall rejects steps that do not match the labels, with a message naming both', () => {
    expect(() => waterfall(['a', 'b'], [1])).toThrow(PlotInputError);
    expect(() => waterfall(['a', 'b'], [1])).toThrow(/steps/);
    expect(() => waterfall(['a'], [1], { start: Number.NaN })).toThrow(/start must be a finite number/);
  });
});
