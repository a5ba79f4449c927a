import { describe, expect, it } from 'vitest';
import { fitToWidth, legendRows, MODEBAR_HEIGHT, wrapTitle } from '../../src/ui/output/fit-figure.ts';

const twoTraces = [
  { type: 'scatter', name: 'a' },
  { type: 'scatter', name: 'b' },
];
const LONG = 'Loss against update for each learning rate';

describe('fitToWidth', () => {
  it('leaves a wide figure with a short title as it was', () => {
    const layout = { title: { text: 'Noisy line' }, showlegend: true, margin: { t: 45 } };
    expect(fitToWidth(layout, 880, twoTraces)).toEqual(layout);
  });

  it('gives a title that would reach under the mode bar a band of its own below it', () => {
    const fitted = fitToWidth({ title: { text: LONG }, margin: { t: 45, l: 50 } }, 700, []);
    expect(fitted.title).toMatchObject({ text: LONG, yref: 'container', y: 1, yanchor: 'top', pad: { t: MODEBAR_HEIGHT } });
    expect((fitted.margin as { t: number; l: number }).t).toBeGreaterThan(MODEBAR_HEIGHT + 16);
    expect((fitted.margin as { l: number }).l).toBe(50);
  });

  it('on a narrow figure wraps a long title and grows the top margin for each line', () => {
    const fitted = fitToWidth({ title: { text: LONG }, margin: { t: 45 } }, 330, []);
    const lines = (fitted.title as { text: string }).text.split('<br>');
    expect(lines.length).toBe(2);
    expect(lines.join(' ')).toBe(LONG);
    const oneLine = fitToWidth({ title: { text: 'Learning curves' }, margin: { t: 45 } }, 330, []);
    expect((fitted.margin as { t: number }).t).toBeGreaterThan((oneLine.margin as { t: number }).t);
  });

  it('on a narrow figure puts a shown legend under the plot, relative to the figure so Plotly makes room for it', () => {
    const fitted = fitToWidth({ showlegend: true, legend: { font: { size: 11 } } }, 330, twoTraces);
    expect(fitted.legend).toEqual({ font: { size: 11 }, orientation: 'h', x: 0, xanchor: 'left', xref: 'container', y: 0, yanchor: 'bottom', yref: 'container' });
    // Plotly's own rule when showlegend is not set: a legend for more than one trace.
    expect(fitToWidth({}, 330, twoTraces).legend).toMatchObject({ orientation: 'h', yref: 'container' });
    expect(fitToWidth({}, 330, [twoTraces[0]]).legend).toBeUndefined();
    expect(fitToWidth({ showlegend: false }, 330, twoTraces).legend).toBeUndefined();
  });

  it('with the legend under a narrow plot, every x axis makes room for its tick labels and title (else Plotly draws the title over them)', () => {
    const grid = fitToWidth({ showlegend: true, xaxis: { title: { text: 'bits' } }, xaxis2: { domain: [0.55, 1] }, yaxis: {} }, 330, twoTraces);
    expect(grid.xaxis).toEqual({ title: { text: 'bits' }, automargin: true });
    expect(grid.xaxis2).toEqual({ domain: [0.55, 1], automargin: true });
    expect(grid.yaxis).toEqual({});
    expect(fitToWidth({ showlegend: true }, 330, twoTraces).xaxis).toEqual({ automargin: true });
    expect(fitToWidth({ showlegend: true, xaxis: { title: { text: 'bits' } } }, 700, twoTraces).xaxis).toEqual({ title: { text: 'bits' } });
  });

  it('on a narrow grid without a figure title, the plot starts below the mode bar so the top cells\' titles show', () => {
    const cellTitle = { text: 'error', x: 0.22, y: 1, xref: 'paper', yref: 'paper', xanchor: 'center', yanchor: 'bottom', showarrow: false };
    const layout = { annotations: [cellTitle], xaxis: { domain: [0, 0.45] }, margin: { t: 30, l: 40 } };
    expect(fitToWidth(layout, 330, []).margin).toEqual({ t: MODEBAR_HEIGHT + 20, l: 40 });
    expect(fitToWidth(layout, 880, []).margin).toEqual({ t: 30, l: 40 });
    // A note in the plot (an arrow, a label in data coordinates) is not a cell title.
    expect(fitToWidth({ annotations: [{ text: 'min', x: 1, y: 2, showarrow: true }], margin: { t: 30 } }, 330, []).margin).toEqual({ t: 30 });
  });

  it('moves a legend above the plot out of the title band', () => {
    const layout = { title: { text: LONG }, showlegend: true, legend: { orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom' } };
    expect(fitToWidth(layout, 700, twoTraces).legend).toMatchObject({ y: 0, yanchor: 'bottom', yref: 'container' });
  });

  it('reads a title given as a plain string and does not change the layout it was given', () => {
    const layout = { title: LONG };
    const fitted = fitToWidth(layout, 330, []);
    expect((fitted.title as { text: string }).text).toContain('<br>');
    expect(layout).toEqual({ title: LONG });
  });
});

describe('wrapTitle', () => {
  it('breaks at spaces, keeps given line breaks, and counts markup as no width', () => {
    expect(wrapTitle('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapTitle('a<br>b c', 10)).toEqual(['a', 'b c']);
    expect(wrapTitle('x<sub>1</sub> and x<sub>2</sub>', 12)).toEqual(['x<sub>1</sub> and x<sub>2</sub>']);
    expect(wrapTitle('averyveryverylongword here', 8)).toEqual(['averyveryverylongword', 'here']);
  });
});

describe('legendRows', () => {
  it('packs entries into rows of the given width, one row at least when there is an entry', () => {
    const named = (...names: string[]) => names.map((name) => ({ type: 'scatter', name }));
    expect(legendRows(named('a', 'b'), 330)).toBe(1);
    expect(legendRows(named('batch (|B| = 200)', 'stochastic (|B| = 1)', 'mini-batch (|B| = 16)', 'minimum θ*'), 330)).toBeGreaterThanOrEqual(2);
    expect(legendRows([{ type: 'scatter', name: 'hidden', showlegend: false }], 330)).toBe(0);
  });

  it('a narrow figure with a legend under the plot grows by its rows', () => {
    const fitted = fitToWidth({ height: 300, showlegend: true }, 330, twoTraces);
    expect(fitted.height).toBeGreaterThan(300);
  });

  it('counts the marks given a legend entry as entries too (Plotly lists them), not other shapes', () => {
    const one = [{ type: 'scatter', name: 'the curve with a long name' }];
    const marks = [{ type: 'circle', name: 'your threshold, ringed', showlegend: true }, { type: 'line', name: 'unlisted' }, { type: 'rect', name: 'a shaded band of predictions', showlegend: true }];
    const alone = fitToWidth({ height: 300 }, 330, one);
    const marked = fitToWidth({ height: 300, shapes: marks }, 330, one);
    expect(alone.height).toBe(300); // one entry: no legend
    expect(marked.legend).toMatchObject({ orientation: 'h', yref: 'container' });
    expect(marked.height).toBe(300 + legendRows([...one, { name: marks[0].name }, { name: marks[2].name }], 330) * 21 + 8); // 21 px a row
    expect(legendRows([...one, { name: marks[0].name }, { name: marks[2].name }], 330)).toBeGreaterThanOrEqual(2);
  });
});

describe('titles of subplot cells', () => {
  it('on a narrow figure a cell title wider than its cell gets a smaller font; one that fits keeps its own', () => {
    const layout = {
      margin: { l: 50, r: 20 },
      xaxis: { domain: [0, 0.46] },
      xaxis2: { domain: [0.54, 1] },
      annotations: [
        { text: 'η = 0.02: too small: crawls', x: 0.23, y: 1, xref: 'paper', yref: 'paper', yanchor: 'bottom', showarrow: false, font: { size: 13 } },
        { text: 'k = 2', x: 0.77, y: 1, xref: 'paper', yref: 'paper', yanchor: 'bottom', showarrow: false, font: { size: 13 } },
      ],
    };
    const [long, short] = fitToWidth(layout, 330, []).annotations as { font: { size: number } }[];
    expect(long.font.size).toBeLessThan(13);
    expect(long.font.size).toBeGreaterThanOrEqual(9);
    expect(short.font.size).toBe(13);
    expect((fitToWidth(layout, 880, []).annotations as { font: { size: number } }[])[0].font.size).toBe(13);
  });

  it('a narrow grid’s wrapped figure title is placed above the band of its cell titles', () => {
    const cells = {
      margin: { t: 45 },
      xaxis: { domain: [0, 0.46] },
      xaxis2: { domain: [0.54, 1] },
      title: { text: 'Scores and weights, dₖ = 8, T = 1, with a long tail' },
      annotations: [{ text: 'scores', x: 0.23, y: 1, xref: 'paper', yref: 'paper', yanchor: 'bottom', showarrow: false }],
    };
    const { annotations: _, ...plain } = cells;
    const withCellTitles = fitToWidth(cells, 330, []).margin as { t: number };
    const without = fitToWidth(plain, 330, []).margin as { t: number };
    expect(withCellTitles.t - without.t).toBe(20);
  });
});
