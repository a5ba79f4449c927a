import { describe, expect, it } from 'vitest';
import { keepDrawnArrays } from '../../src/ui/output/keep-drawn-arrays.ts';
import { withPlotlyElement } from './plotly-element.ts';
import { drawnMargins, marginsKey, withKeptMargins, type DrawnMargins } from '../../src/ui/output/kept-margins.ts';

/**
 * A heatmap with a colour bar, equal axis scales and the legend at the bottom of the figure (as
 * fit-figure.ts places it): Plotly's automargin gives it a fractional bottom margin (78.4 px).
 */
const figure = (title: string) => structuredClone({
  data: [
    { type: 'heatmap', x: [-4, 0, 4], y: [-3, 0, 3], z: [[0, 0.5, 1], [0.5, 1, 0.5], [1, 0.5, 0]], colorbar: { thickness: 12, title: { text: 'P(class 1)' } } },
    { type: 'scatter', mode: 'markers', name: 'class 0', x: [-2, 1], y: [-1, 2] },
    { type: 'scatter', mode: 'markers', name: 'class 1', x: [2, -1], y: [1, -2] },
  ],
  layout: {
    title: { text: title, yref: 'container', y: 1, yanchor: 'top', pad: { t: 38 } }, height: 480,
    margin: { l: 50, r: 114, t: 70, b: 48 },
    legend: { orientation: 'h', x: 0, xanchor: 'left', y: 0, yanchor: 'bottom', xref: 'container', yref: 'container' },
    xaxis: { title: { text: 'x₁' }, automargin: true, range: [-4.3, 4.4], constrain: 'domain' },
    yaxis: { title: { text: 'x₂' }, automargin: true, range: [-3.2, 3.8], scaleanchor: 'x', scaleratio: 1, constrain: 'domain' },
  },
});

describe('a figure redrawn from its kept margins', () => {
  it('keeps the margins it was drawn with, so a redraw with only a new title does not recalculate its traces', async () => {
    await withPlotlyElement('width: 892px', async (Plotly, element) => {
      let margins: DrawnMargins | undefined;
      const recalculated: boolean[] = [];
      const drawnSizes: string[] = [];
      for (let i = 0; i < 5; i++) {
        const next = figure(`prior ${i}`);
        const key = marginsKey(next.layout, 892, false);
        const before = element.calcdata;
        await Plotly.react(element, keepDrawnArrays(next.data, element.data), keepDrawnArrays(withKeptMargins(next.layout, key, margins), element.layout), {});
        recalculated.push(element.calcdata !== before);
        margins = drawnMargins(element, key);
        drawnSizes.push(JSON.stringify(margins?.drawn));
      }
      expect(recalculated).toEqual([true, false, false, false, false]);
      expect(new Set(drawnSizes.slice(1)).size, drawnSizes.join(' ')).toBe(1);
    });
  });
});
