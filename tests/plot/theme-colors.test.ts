import { describe, expect, it } from 'vitest';
import { applyTheme, colorFor, diverging, heatmap, palette, plot, scatter, sequential, subplots, surface } from '../../src/plot/index.ts';
import { THEME_COLORS } from '../../src/plot/theme.ts';
import { expectPlainFigure } from './plain-data.ts';

/** WCAG relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('colours', () => {
  it('palette has at least 10 distinct colours with 3:1 contrast on white and on a dark background', () => {
    expect(palette.length).toBeGreaterThanOrEqual(10);
    expect(new Set(palette).size).toBe(palette.length);
    for (const color of palette) {
      expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(3);
      expect(contrast(color, '#1e1e1e')).toBeGreaterThanOrEqual(3);
    }
  });

  it('colorFor gives integer labels their palette colour, wrapping, and names a stable colour', () => {
    expect(colorFor(0)).toBe(palette[0]);
    expect(colorFor(palette.length + 2)).toBe(palette[2]);
    expect(colorFor(-1)).toBe('#8c8c8c');
    expect(palette).toContain(colorFor('spam'));
    expect(colorFor('spam')).toBe(colorFor('spam'));
  });

  it('sequential and diverging colourscales run from 0 to 1 with increasing stops', () => {
    for (const scale of [sequential, diverging]) {
      expect(scale[0][0]).toBe(0);
      expect(scale.at(-1)![0]).toBe(1);
      scale.slice(1).forEach(([t], i) => expect(t).toBeGreaterThan(scale[i][0]));
    }
    // Diverging: the middle stop is the lightest, so 0 reads as "nothing".
    const middle = diverging.find(([t]) => t === 0.5)![1];
    expect(Math.max(...diverging.map(([, c]) => luminance(c)))).toBe(luminance(middle));
  });
});

describe('applyTheme', () => {
  it('applyTheme sets font, grid and axis-line colours for the theme', () => {
    const fig = applyTheme(scatter([[0, 1], [1, 2]], { xTitle: 'x' }), 'dark');
    const dark = THEME_COLORS.dark;
    expect(fig.layout.font).toEqual({ color: dark.font });
    for (const axis of ['xaxis', 'yaxis']) {
      expect(fig.layout[axis]).toMatchObject({ gridcolor: dark.grid, linecolor: dark.line, zerolinecolor: dark.zeroline });
    }
    expect(fig.layout.xaxis).toMatchObject({ title: { text: 'x' } });
    expect(fig.layout.paper_bgcolor).toBe('rgba(0,0,0,0)');
    expect(applyTheme(fig, 'light').layout.font).toEqual({ color: THEME_COLORS.light.font });
    expectPlainFigure(fig);
  });

  it('applyTheme is pure: the input figure is unchanged and shares only its arrays of numbers with the result', () => {
    const input = heatmap([[1, 2], [3, 4]], { title: 'm' });
    input.data.push({ type: 'bar', x: ['a', 'b'], y: [1, 2] });
    const before = structuredClone(input);
    const themed = applyTheme(input, 'dark');
    expect(input).toEqual(before);
    expect(themed.data).toEqual(input.data);
    // Plotly writes into what it draws, except arrays of numbers: every object and other array is a copy.
    expect(themed.data[0]).not.toBe(input.data[0]);
    expect(themed.data[1].x).not.toBe(input.data[1].x);
    (themed.data[0] as Record<string, unknown>).uid = 'written by Plotly';
    (themed.layout.xaxis as Record<string, unknown>).range = [0, 1];
    expect(input).toEqual(before);
    expect(themed.data[0].z).toBe(input.data[0].z);
    expect(themed.data[1].y).toBe(input.data[1].y);
    expect(themed.layout).not.toBe(input.layout);
    expect(applyTheme(before, 'dark')).toEqual(applyTheme(structuredClone(before), 'dark'));
  });

  it('applyTheme colours every subplot axis and 3-D scene axis', () => {
    const fig = applyTheme(subplots([scatter([[0, 0]]), scatter([[1, 1]]), surface((x, y) => x * y, { x: [0, 1], y: [0, 1] }, { resolution: 2 })]), 'light');
    const light = THEME_COLORS.light;
    expect(fig.layout.xaxis2).toMatchObject({ gridcolor: light.grid, domain: expect.any(Array) });
    expect(fig.layout.yaxis2).toMatchObject({ gridcolor: light.grid });
    for (const axis of ['xaxis', 'yaxis', 'zaxis']) {
      expect((fig.layout.scene3 as Record<string, unknown>)[axis]).toMatchObject({ gridcolor: light.grid, linecolor: light.line });
    }
  });

  it('applyTheme gives a bare plot() figure axes and a transparent background', () => {
    const fig = applyTheme(plot({ type: 'bar', x: [1], y: [2] }), 'dark');
    expect(fig.layout).toMatchObject({ xaxis: { gridcolor: THEME_COLORS.dark.grid }, paper_bgcolor: 'rgba(0,0,0,0)', plot_bgcolor: 'rgba(0,0,0,0)' });
    expect(() => applyTheme(fig, 'blue' as never)).toThrow("applyTheme: theme must be 'light' or 'dark', got \"blue\"");
  });
});
