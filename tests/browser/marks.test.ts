import { describe, expect, it } from 'vitest';
import { keepDrawnArrays } from '../../src/ui/output/keep-drawn-arrays.ts';
import { withPlotlyElement } from './plotly-element.ts';
import { line, ringAt, scatter, vband, vline, withLayout, withMarks, type Figure } from '../../src/plot/index.ts';


const points = [[0.1, 0.2], [0.4, 0.8], [0.9, 0.5]];
const chart = (t: number): Figure =>
  structuredClone(withMarks(
    withLayout(scatter(points), { xaxis: { range: [0, 1] }, yaxis: { range: [0, 1] } }),
    vband(t, 1, { color: 'orange' }), vline(t, { dash: 'dash' }), ringAt(0.4, 0.8, { size: 20 }),
  ));

describe('marks drawn by Plotly', () => {
  it('sit where they were placed, keep their size in pixels, and move without the traces being recalculated', async () => {
    await withPlotlyElement('width: 500px; height: 400px', async (Plotly, element) => {
      const first = chart(0.5);
      await Plotly.react(element, first.data, first.layout, {});
      const box = () => element.querySelector('.nsewdrag')!.getBoundingClientRect();
      const shapes = () => [...element.querySelectorAll<SVGPathElement>('.shapelayer path')].map((path) => path.getBoundingClientRect());
      const [shaded, line, circle] = shapes();
      // The band from x = 0.5 to the right edge, over the whole height; the line at x = 0.5.
      expect(shaded.left).toBeCloseTo(box().left + box().width / 2, 0);
      expect(shaded.height).toBeCloseTo(box().height, 0);
      expect(line.left + line.width / 2).toBeCloseTo(box().left + box().width / 2, 0);
      // The ring: 20 px wide (plus its 3 px line), centred on (0.4, 0.8).
      expect(circle.width).toBeGreaterThanOrEqual(20);
      expect(circle.width).toBeLessThanOrEqual(24);
      expect(circle.left + circle.width / 2).toBeCloseTo(box().left + 0.4 * box().width, 0);
      expect(circle.top + circle.height / 2).toBeCloseTo(box().top + 0.2 * box().height, 0);

      const calculated = element.calcdata;
      const second = chart(0.75);
      await Plotly.react(element, keepDrawnArrays(second.data, element.data), keepDrawnArrays(second.layout, element.layout), {});
      // The line is the one shape with no width (Plotly may order its layers' shapes differently after a redraw).
      const moved = shapes().find((shape) => shape.width < 1)!;
      expect(moved.left).toBeCloseTo(box().left + 0.75 * box().width, 0);
      expect(element.calcdata).toBe(calculated);
    });
  });

  it('a line on a logarithmic axis sits at its data value', async () => {
    await withPlotlyElement('width: 500px; height: 400px', async (Plotly, element) => {
      const chart = withMarks(withLayout(line([1, 10, 100], [1, 2, 3], { logX: true }), { xaxis: { range: [0, 2] } }), vline(10));
      await Plotly.react(element, chart.data, chart.layout, {});
      const box = element.querySelector('.nsewdrag')!.getBoundingClientRect();
      // At x = 10: the middle of a log axis from 1 to 100.
      const at = element.querySelector('.shapelayer path')!.getBoundingClientRect();
      expect(at.left + at.width / 2).toBeCloseTo(box.left + box.width / 2, 0);
    });
  });
});
