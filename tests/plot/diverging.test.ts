import { describe, expect, it } from 'vitest';
import { line, lines, path, PlotInputError, scatter } from '../../src/plot/index.ts';
import { expectPlainFigure } from './plain-data.ts';

/** The texts of a figure's annotations. */
function notes(fig: { layout: Record<string, unknown> }): string[] {
  return ((fig.layout.annotations as { text: string }[] | undefined) ?? []).map((a) => a.text);
}

describe('line and lines given a diverging run', () => {
  it('draw the finite values, leave the others as gaps and say in the figure what was dropped', () => {
    const loss = [4, 2, 9, 1e200, Infinity, NaN, NaN];
    const fig = lines([{ y: loss, name: 'SGD' }, { y: [3, 2, 1, 0.5, 0.4, 0.3, 0.2], name: 'Adam' }], { xTitle: 'update' });
    expect(fig.data[0].y).toEqual([4, 2, 9, 1e200, null, null, null]);
    expect(fig.data[0].x).toEqual([0, 1, 2, 3, null, null, null]);
    expect(notes(fig)).toEqual(['SGD: 3 of 7 points not shown<br>(values became infinite or NaN from update 4 on)']);
    expectPlainFigure(fig);
  });

  it('name the x value where the values gave out, and scattered gaps by their first one', () => {
    const fig = line([0, 0.5, 1, 1.5], [1, NaN, 2, 3], { name: 'loss' });
    expect(notes(fig)).toEqual(['loss: 1 of 4 points not shown<br>(values became NaN first at x = 0.5)']);
    const xGone = line([0, Infinity, 2], [1, 2, 3]);
    expect(xGone.data[0]).toMatchObject({ x: [0, null, 2], y: [1, null, 3] });
    expect(notes(xGone)).toEqual(['1 of 3 points not shown<br>(values became infinite first at point 1)']);
  });

  it('list each series that dropped values in one annotation and add none when all are finite', () => {
    const fig = lines({ a: [1, Infinity], b: [-Infinity, 2], c: [1, 2] });
    expect(notes(fig)).toEqual(['a: 1 of 2 points not shown<br>(values became infinite from x = 1 on)<br>b: 1 of 2 points not shown<br>(values became infinite first at x = 0)']);
    expect(fig.layout.annotations).toHaveLength(1);
    expect(lines({ c: [1, 2] }).layout.annotations).toBeUndefined();
  });

  it('still refuse values that are not numbers and mismatched lengths', () => {
    expect(() => lines({ a: [1, '2' as unknown as number] })).toThrow(PlotInputError);
    expect(() => lines({ a: [1, '2' as unknown as number] })).toThrow('lines (series a): y[1] is a string "2", expected a number');
    expect(() => line([1, null as unknown as number])).toThrow('line: y[1] is null, expected a number');
    expect(() => line([1, 2], [1, NaN, 3])).toThrow('line: y has 3 values but there are 2 x values');
  });
});

describe('path given a diverging run', () => {
  it('stops at the first non-finite iterate and labels the last drawn one', () => {
    const trace = path([[0, 0], [1, 1], [10, -10], [Infinity, -Infinity], [NaN, NaN]]);
    expect(trace.x).toEqual([0, 1, 10]);
    expect(trace.mode).toBe('lines+markers+text');
    expect(trace.text).toEqual(['', '', 'values became infinite at step 3']);
    expect((trace.marker as { symbol: string[] }).symbol.at(-1)).toBe('x');
    expect(path([[0, 0], [NaN, 1]]).text).toEqual(['values became NaN at step 1']);
  });

  it('with `within` ends where the path leaves the window, on its edge, with the step named', () => {
    const box = { x: [-1, 1], y: [-1, 1] };
    const trace = path([[0, 0], [0.5, 0], [3, 0.5], [-20, 9], [400, -300]], { within: box });
    expect(trace.x).toEqual([0, 0.5, 1]);
    expect(trace.y).toEqual([0, 0, 0.1]);
    expect(trace.text).toEqual(['', '', 'left the chart at step 2']);
    // Leaving through the right edge from below: the label goes left of the point and above the line.
    expect(trace.textposition).toBe('top left');
    // Leaving through the top edge: below the point, on the side away from the line that arrives.
    expect(path([[-0.5, 0], [-0.5, 4]], { within: box })).toMatchObject({ y: [0, 1], textposition: 'bottom right' });
    expect(path([[-0.5, -1], [0.5, 3]], { within: box })).toMatchObject({ x: [-0.5, 0], y: [-1, 1], textposition: 'bottom right' });
    expect(path([[0.5, -1], [-0.5, 3]], { within: box })).toMatchObject({ x: [0.5, 0], textposition: 'bottom left' });
  });

  it('inside the window or without a cut it is drawn whole, and cutLabel: false keeps only the marker', () => {
    const whole = path([[0, 0], [0.5, 0.5]], { within: { x: [-1, 1], y: [-1, 1] } });
    expect(whole).toMatchObject({ mode: 'lines+markers', x: [0, 0.5] });
    expect(whole.text).toBeUndefined();
    const quiet = path([[0, 0], [5, 0]], { within: { x: [-1, 1], y: [-1, 1] }, cutLabel: false });
    expect(quiet).toMatchObject({ mode: 'lines+markers', x: [0, 1] });
    expect(quiet.text).toBeUndefined();
  });

  it('still refuses a non-finite start, non-numbers and a bad window', () => {
    expect(() => path([[NaN, 0], [1, 1]])).toThrow('path: points[0] is [NaN, 0]; the start of a path must be finite');
    expect(() => path([[0, 0], [1, 'a' as unknown as number]])).toThrow('path: points[1][1] is a string "a", expected a number');
    expect(() => path([[0, 0]], { within: { x: [1, 0], y: [0, 1] } })).toThrow('path: within.x must be [min, max] with min < max');
  });
});

describe('scatter given a diverging run', () => {
  it('leaves out points with a non-finite coordinate, keeps labels aligned, and says how many', () => {
    const fig = scatter([[0, 0], [1, NaN], [2, 2], [Infinity, 3]], { labels: [0, 1, 0, 1] });
    expect(fig.data.map((t) => [t.name, t.x, t.y])).toEqual([['class 0', [0, 2], [0, 2]], ['class 1', [null, null], [null, null]]]);
    expect(notes(fig)).toEqual(['2 of 4 points not shown<br>(values became infinite or NaN first at point 1)']);
    expect(scatter({ x: [1, 2], y: [3, 4] }).layout.annotations).toBeUndefined();
    expect(() => scatter({ x: [1, 2], y: [3, undefined as unknown as number] })).toThrow('scatter: y[1] is undefined, expected a number');
  });
});
