import { describe, expect, it } from 'vitest';
import { keepDrawnArrays } from '../../src/ui/output/keep-drawn-arrays.ts';
import { withPlotlyElement } from './plotly-element.ts';

/** A figure as it reaches the page: a fresh copy each time (structured clone). */
const figure = (title: string, threshold: number, ys = [1, 3, 2]) =>
  structuredClone({
    data: [{ type: 'scatter', mode: 'markers', name: 'cases', x: [1, 2, 3], y: ys }],
    layout: {
      title: { text: title },
      yaxis: { tickvals: [1, 2, 3], ticktext: ['low', 'mid', 'high'] },
      shapes: [{ type: 'line', x0: threshold, x1: threshold, y0: 0, y1: 4 }],
    },
  });

/** Draws `first`, then `second`; says whether Plotly recalculated the traces for the second draw. */
async function recalculated(keep: boolean, first: ReturnType<typeof figure>, second: ReturnType<typeof figure>): Promise<boolean> {
  return withPlotlyElement('width: 400px; height: 300px', async (Plotly, element) => {
    await Plotly.react(element, first.data, first.layout, {});
    // Plotly's per-trace results (calcdata) are replaced when it recalculates, kept when it only restyles.
    const before = element.calcdata;
    const data = keep ? keepDrawnArrays(second.data, element.data) : second.data;
    const layout = keep ? keepDrawnArrays(second.layout, element.layout) : second.layout;
    await Plotly.react(element, data, layout, {});
    return element.calcdata !== before;
  });
}

describe('a redraw whose data arrays equal those on screen', () => {
  it('is not recalculated when its title and a shape move, once the drawn arrays are kept', async () => {
    expect(await recalculated(true, figure('t = 1.5', 1.5), figure('t = 2.5', 2.5))).toBe(false);
  });

  it('(is recalculated in full when the equal arrays are fresh copies: what keeping them avoids)', async () => {
    expect(await recalculated(false, figure('t = 1.5', 1.5), figure('t = 2.5', 2.5))).toBe(true);
  });

  it('is recalculated when a data array did change', async () => {
    expect(await recalculated(true, figure('t', 1.5), figure('t', 1.5, [1, 3, 4]))).toBe(true);
  });
});
