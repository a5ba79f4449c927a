import { describe, expect, it } from 'vitest';
import { histogram, palette } from '../../src/plot/index.ts';
import { countInBins, equalWidthEdges, sturges } from '../../src/plot/bins.ts';
import { expectPlainFigure } from './plain-data.ts';
import fixtures from './fixtures/histograms.json';

type Case = { name: string; values: number[]; bins: number | number[]; range: [number, number] | null; density: boolean; counts: number[]; edges: number[] };

describe('histogram', () => {
  it('histogram bins by hand: 10 values in 4 bins over [0, 8], the maximum in the last bin', () => {
    // Edges 0, 2, 4, 6, 8. Bins [0,2) [2,4) [4,6) [6,8]: 0 1 1.5 | 2 3 | 4 5.9 | 6 7.5 8.
    const fig = histogram([0, 1, 1.5, 2, 3, 4, 5.9, 6, 7.5, 8], { bins: 4 });
    expect(fig.data[0]).toMatchObject({ type: 'bar', x: [1, 3, 5, 7], y: [3, 2, 2, 3], width: [2, 2, 2, 2] });
    expect(fig.data[0].customdata).toEqual([[0, 2], [2, 4], [4, 6], [6, 8]]);
    expect(fig.layout).toMatchObject({ barmode: 'overlay', bargap: 0, yaxis: { title: { text: 'count' } } });
    expectPlainFigure(fig);
  });

  it.each(fixtures.cases as Case[])('histogram matches numpy.histogram: $name', (c) => {
    const fig = histogram(c.values, { bins: c.bins, range: c.range ?? undefined, density: c.density });
    const trace = fig.data[0] as { x: number[]; y: number[]; width: number[]; customdata: number[][] };
    const edges = [...trace.customdata.map((b) => b[0]), trace.customdata.at(-1)![1]];
    expect(edges).toHaveLength(c.edges.length);
    edges.forEach((e, i) => expect(e).toBeCloseTo(c.edges[i], 12));
    trace.y.forEach((y, i) => expect(y).toBeCloseTo(c.counts[i], 12));
  });

  it('histogram overlays named samples on shared bins with the palette colours', () => {
    const fig = histogram({ before: [0, 1, 2, 3], after: [2, 3, 4, 5, 6] }, { bins: 3 });
    expect(fig.data.map((t) => t.name)).toEqual(['before', 'after']);
    // Shared edges over the union [0, 6]: [0,2) [2,4) [4,6].
    expect(fig.data[0]).toMatchObject({ x: [1, 3, 5], y: [2, 2, 0] });
    expect(fig.data[1]).toMatchObject({ x: [1, 3, 5], y: [0, 2, 3] });
    expect(fig.data.map((t) => (t.marker as { color: string }).color)).toEqual([palette[0], palette[1]]);
    expect(fig.layout.showlegend).toBe(true);
  });

  it('histogram density bars have area 1', () => {
    const fig = histogram([0.1, 0.2, 0.2, 0.9, 1.7, 3], { bins: 5, density: true });
    const { y, width } = fig.data[0] as { y: number[]; width: number[] };
    expect(y.reduce((s, d, i) => s + d * width[i], 0)).toBeCloseTo(1, 12);
    expect(fig.layout.yaxis).toMatchObject({ title: { text: 'density' } });
  });

  it('sturges gives ⌈log2 n⌉ + 1 bins, the default', () => {
    expect([1, 2, 8, 9, 100].map(sturges)).toEqual([1, 2, 4, 5, 8]);
    expect((histogram(Array.from({ length: 100 }, (_, i) => i)).data[0].x as number[]).length).toBe(8);
  });

  it('countInBins leaves out values outside the edges and equalWidthEdges widens a single value', () => {
    expect(countInBins([-1, 0, 0.5, 1, 1.01], [0, 0.5, 1], 'test')).toEqual([1, 2]);
    expect(equalWidthEdges([2, 2], 2, undefined, 'test')).toEqual([1.5, 2, 2.5]);
  });

  it('histogram reports bad input', () => {
    expect(() => histogram([1, 2, Number.NaN])).toThrow('histogram: values[2] is NaN, expected a finite number');
    expect(() => histogram([1, 2], { bins: 0 })).toThrow('histogram: bins must be an integer ≥ 1, got 0');
    expect(() => histogram([1, 2], { bins: [0, 1, 1] })).toThrow('histogram: bin edges must increase, but edge 2 (1) ≤ edge 1 (1)');
    expect(() => histogram([1, 2], { range: [3, 1] })).toThrow('histogram: range must be [min, max] with min < max, got [3,1]');
    expect(() => histogram({})).toThrow('histogram: there are no samples to draw');
  });
});
