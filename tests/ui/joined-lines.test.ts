import { describe, expect, it } from 'vitest';
import { joinedLines } from '../../src/ui/output/joined-lines.ts';
import { prepareFigure } from '../../src/ui/output/prepare-figure.ts';
import { lines } from '../../src/plot/index.ts';
import type { Trace } from '../../src/plot/figure.ts';

const fanLine = (y: number[], color = 'grey'): Trace => ({ type: 'scatter', mode: 'lines', x: [0, 1], y, line: { color, width: 1 }, showlegend: false });

describe('joinedLines', () => {
  it('draws unnamed lines of one style as one trace, each after a null gap, in the order the styles first appear', () => {
    const joined = joinedLines([fanLine([1, 2]), fanLine([3, 4], 'red'), fanLine([5, 6]), fanLine([7, 8], 'red')]);
    expect(joined).toEqual([
      { ...fanLine([]), x: [0, 1, null, 0, 1], y: [1, 2, null, 5, 6] },
      { ...fanLine([], 'red'), x: [0, 1, null, 0, 1], y: [3, 4, null, 7, 8] },
    ]);
  });

  it('keeps apart what a learner can tell apart, and keeps every trace in its place around them', () => {
    const named: Trace = { ...fanLine([9, 9]), name: 'mean', showlegend: true };
    const withText: Trace = { ...fanLine([0, 0]), text: ['a', 'b'] };
    const markers: Trace = { ...fanLine([0, 0]), mode: 'lines+markers' };
    const otherWidth: Trace = { ...fanLine([2, 2]), line: { color: 'grey', width: 3 } };
    const data = [fanLine([1, 1]), named, fanLine([2, 2]), fanLine([3, 3]), withText, markers, otherWidth, fanLine([4, 4])];
    const joined = joinedLines(data);
    expect(joined.map((t) => t.y)).toEqual([[1, 1], [9, 9], [2, 2, null, 3, 3], [0, 0], [0, 0], [2, 2], [4, 4]]);
  });

  it('styles written in another key order are one style', () => {
    const a = fanLine([1, 1]);
    const b: Trace = { showlegend: false, line: { width: 1, color: 'grey' }, y: [2, 2], x: [0, 1], mode: 'lines', type: 'scatter' };
    expect(joinedLines([a, b])).toHaveLength(1);
  });

  it("on the page, a fan drawn with lines() is one trace beside its named curves", () => {
    const fits = Array.from({ length: 30 }, (_, k) => ({ x: [0, 1, 2], y: [k, k + 1, k], color: 'rgba(128,128,128,0.35)', width: 1 }));
    const figure = lines([...fits, { x: [0, 1, 2], y: [1, 2, 3], name: 'mean of the fits' }, { x: [0, 1, 2], y: [0, 0, 0], name: 'truth' }]);
    const { data } = prepareFigure(figure, 'light');
    expect(data.map((t) => t.name)).toEqual([undefined, 'mean of the fits', 'truth']);
    expect((data[0].y as unknown[]).length).toBe(30 * 3 + 29);
  });
});
