import { describe, expect, it } from 'vitest';
import { prepareFigure, WEBGL_LINE_POINTS, WEBGL_POINTS } from '../../src/ui/output/prepare-figure.ts';
import { plot } from '../../src/plot/figure.ts';

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
});
