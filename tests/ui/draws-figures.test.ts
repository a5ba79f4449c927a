import { describe, expect, it } from 'vitest';
import * as plotLibrary from '../../src/plot/index.ts';
import { drawsFigures, FIGURE_MAKERS } from '../../src/ui/output/draws-figures.ts';

/** The functions src/plot exports that make no figure (colours, themes, errors). */
const NOT_FIGURE_MAKERS = ['palette', 'colorFor', 'sequential', 'diverging', 'applyTheme', 'isFigure', 'PlotInputError', 'vline', 'hline', 'vband', 'ringAt', 'dotAt'];

describe('drawsFigures', () => {
  it('knows every figure maker the cell library exports', () => {
    const functions = Object.entries(plotLibrary).filter(([, value]) => typeof value === 'function').map(([name]) => name);
    expect(functions.filter((name) => !NOT_FIGURE_MAKERS.includes(name)).sort()).toEqual([...FIGURE_MAKERS].filter((name) => name !== 'withInputs').sort());
  });

  it('is true for code that calls a figure maker or builds a figure by hand', () => {
    expect(drawsFigures(['const a = 1', 'scatter(points)'])).toBe(true);
    expect(drawsFigures(['withInputs(line(xs, ys), point)'])).toBe(true);
    expect(drawsFigures(['const fig = { data: [trace], layout: { title: "t" } }'])).toBe(true);
    expect(drawsFigures(['treeDiagram (tree)'])).toBe(true);
  });

  it('is false for code that draws nothing, even with a figure maker\'s name inside another name', () => {
    expect(drawsFigures(['const a = 2', 'const b = a * 10\nb'])).toBe(false);
    expect(drawsFigures(['const outline = 3', 'barChart', 'myplot(1)'])).toBe(false);
    expect(drawsFigures([])).toBe(false);
  });
});
