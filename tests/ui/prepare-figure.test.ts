import { describe, expect, it } from 'vitest';
import { prepareFigure, WEBGL_LINE_POINTS, WEBGL_POINTS } from '../../src/ui/output/prepare-figure.ts';
import { plot } from '../../src/plot/figure.ts';
import { overlay, path } from '../../src/plot/index.ts';

describe('prepareFigure', () => {
  it('switches big marker traces to WebGL and leaves small ones as SVG', () => {
    const big = Array.from({ length: WEBGL_POINTS + 1 }, (_, i) => i);
    const figure = plot([{ type: 'scatter', mode: 'markers', x: big, y: big }, { type: 'scatter', mode: 'markers', x: [1], y: [1] }]);
    const { data } = prepareFigure(figure, 'light');
    expect(data.map((trace) => trace.type)).toEqual(['scattergl', 'scatter']);
  });

  it('keeps lines as SVG (one path, drawn faster than WebGL) until they are far bigger', () => {
    const points = (n: number) => Array.from({ length: n }, (_, i) => i);
    const figure = plot([
      { type: 'scatter', x: points(WEBGL_POINTS * 3), y: points(WEBGL_POINTS * 3) },
      { type: 'scatter', mode: 'lines', x: points(WEBGL_LINE_POINTS), y: points(WEBGL_LINE_POINTS) },
      { type: 'scatter', mode: 'lines', x: points(WEBGL_LINE_POINTS + 1), y: points(WEBGL_LINE_POINTS + 1) },
      { type: 'scatter', mode: 'lines+markers', x: points(WEBGL_POINTS + 1), y: points(WEBGL_POINTS + 1) },
    ]);
    expect(prepareFigure(figure, 'light').data.map((trace) => trace.type)).toEqual(['scatter', 'scatter', 'scattergl', 'scattergl']);
  });

  it('fits the cell width, keeps a set height, and names the PNG after the title', () => {
    const { layout, config } = prepareFigure(plot([], { title: 'Noisy line', width: 900, height: 300 }), 'dark');
    expect(layout.width).toBeUndefined();
    expect(layout.height).toBe(300);
    expect((config.toImageButtonOptions as { filename: string }).filename).toBe('noisy-line');
    expect(config.displaylogo).toBe(false);
  });

  it('applies the theme without changing the figure it was given', () => {
    const figure = plot([{ type: 'scatter', x: [1], y: [2] }]);
    const before = structuredClone(figure);
    const dark = prepareFigure(figure, 'dark');
    expect((dark.layout.font as { color: string }).color).not.toBe((prepareFigure(figure, 'light').layout.font as { color: string }).color);
    expect(figure).toEqual(before);
  });

  it("lets tick labels overflow on every cartesian axis (Plotly measures each label otherwise), unless the figure chose", () => {
    const figure = plot([{ type: 'scatter', x: [1], y: [2] }, { type: 'scatter', x: [1], y: [2], xaxis: 'x2', yaxis: 'y3' }], {
      yaxis: { title: { text: 'y' } },
      yaxis2: { ticklabeloverflow: 'hide past domain' },
    });
    const { layout } = prepareFigure(figure, 'light');
    const overflow = (key: string) => (layout[key] as { ticklabeloverflow?: string } | undefined)?.ticklabeloverflow;
    expect(['xaxis', 'yaxis', 'xaxis2', 'yaxis3'].map(overflow)).toEqual(['allow', 'allow', 'allow', 'allow']);
    expect(overflow('yaxis2')).toBe('hide past domain');
    expect((layout.yaxis as { title: { text: string } }).title.text).toBe('y');
  });

  it("draws a long path's line apart from its few visible markers, and leaves a dotted path whole", () => {
    const points = Array.from({ length: 2500 }, (_, i) => [Math.cos(i / 100), Math.sin(i / 100)]);
    const figure = overlay(plot([]), path(points, { name: 'SGD', markers: false }), path(points.slice(0, 60), { name: 'Adam' }));
    const { data } = prepareFigure(figure, 'light');
    expect(data.map((trace) => [trace.type, trace.mode, trace.name])).toEqual([
      ['scatter', 'lines', 'SGD'],
      ['scatter', 'markers', 'SGD'],
      ['scatter', 'lines+markers', 'Adam'],
    ]);
    const [line, marks] = data;
    expect((line.x as number[]).length).toBe(2500);
    expect(marks).toMatchObject({ x: [points[0][0], points[2499][0]], showlegend: false, hoverinfo: 'skip', legendgroup: line.legendgroup });
    expect(marks.marker).toMatchObject({ size: [11, 14], symbol: ['circle', 'star'] });
  });

  it('keeps the label of a path cut short on its visible end', () => {
    const points = Array.from({ length: 100 }, (_, i) => [i / 10, 0]);
    const { data } = prepareFigure(overlay(plot([]), path(points, { markers: false, within: { x: [-1, 5], y: [-1, 1] } })), 'light');
    expect(data.map((trace) => trace.mode)).toEqual(['lines', 'markers+text']);
    expect(data[1].text).toEqual(['', 'left the chart at step 51']);
    expect(data[0].text).toBeUndefined();
  });
});
