import { describe, expect, it } from 'vitest';
import { dotAt, hline, line, PlotInputError, ringAt, scatter, subplots, vband, vline, withMarks } from '../../src/plot/index.ts';
import { expectPlainFigure } from './plain-data.ts';

describe('marks', () => {
  it('vline and hline span the whole chart along the other axis, on the subplot asked for', () => {
    expect(vline(0.3, { dash: 'dash', color: 'red' })).toEqual({
      type: 'line', xref: 'x', yref: 'y domain', x0: 0.3, x1: 0.3, y0: 0, y1: 1, line: { color: 'red', width: 2, dash: 'dash' },
    });
    expect(hline(2, { subplot: 2, width: 1 })).toMatchObject({ xref: 'x2 domain', yref: 'y2', x0: 0, x1: 1, y0: 2, y1: 2, line: { width: 1 } });
  });

  it('a vband is shaded under the traces; a named mark gets a legend entry', () => {
    expect(vband(0.5, 1, { color: 'orange', name: 'predicted positive' })).toEqual({
      type: 'rect', layer: 'below', xref: 'x', yref: 'y domain', x0: 0.5, x1: 1, y0: 0, y1: 1,
      fillcolor: 'orange', opacity: 0.12, line: { width: 0 }, name: 'predicted positive', showlegend: true,
    });
  });

  it('ringAt and dotAt are circles of a fixed size in pixels anchored at the point', () => {
    expect(ringAt(0.2, 0.9, { size: 10 })).toMatchObject({ type: 'circle', xsizemode: 'pixel', ysizemode: 'pixel', xanchor: 0.2, yanchor: 0.9, x0: -5, x1: 5, y0: -5, y1: 5, line: { width: 3 } });
    expect(dotAt(1, 2, { color: 'black' })).toMatchObject({ fillcolor: 'black', x0: -7, x1: 7 });
  });

  it('withMarks adds the marks after the figure’s own shapes and leaves its inputs unchanged', () => {
    const chart = withMarks(line([0, 1, 2], [0, 1, 4]), vline(1));
    const marked = withMarks(chart, [ringAt(1, 1)], vband(0, 0.5, { name: 'early' }));
    expect((marked.layout.shapes as { type: string }[]).map((s) => s.type)).toEqual(['line', 'circle', 'rect']);
    expect(marked.layout.showlegend).toBe(true);
    expect(chart.layout.shapes).toHaveLength(1);
    expect(marked.data).toEqual(chart.data);
    expect(marked.data).not.toBe(chart.data);
    expectPlainFigure(marked);
    const grid = withMarks(subplots([scatter([[0, 0]]), scatter([[1, 1]])]), vline(0.5, { subplot: 2 }));
    expect((grid.layout.shapes as { xref: string }[])[0].xref).toBe('x2');
  });

  it('on a logarithmic axis a line or band keeps its data value (Plotly 3 places shapes there by value); a ring is refused', () => {
    const logged = withMarks(line([1, 10, 100], [1, 2, 3], { logX: true }), vline(10), vband(10, 100));
    expect((logged.layout.shapes as Record<string, number>[]).map((s) => [s.x0, s.x1])).toEqual([[10, 10], [10, 100]]);
    expect(() => withMarks(line([1, 10], [1, 2], { logY: true }), ringAt(1, 1))).toThrow(/withMarks.*ring or a dot cannot be placed on a logarithmic y axis/);
    expect(withMarks(line([1, 10], [1, 2], { logY: true }), ringAt(1, 1, { subplot: 2 })).layout.shapes).toHaveLength(1); // another chart's axes
  });

  it('rejects a position that is not a finite number, a size or a subplot that cannot be, naming the mark', () => {
    expect(() => vline(Number.NaN)).toThrow(PlotInputError);
    expect(() => vline(Number.NaN)).toThrow(/vline.*finite number, got NaN/);
    expect(() => ringAt(0, 0, { size: 0 })).toThrow(/ringAt.*size must be a positive number/);
    expect(() => dotAt(0, 0, { subplot: 0 })).toThrow(/dotAt.*subplot must be a whole number/);
    expect(() => withMarks({} as never, vline(1))).toThrow(/withMarks.*first argument must be a figure/);
  });
});
