import type { Figure } from '../../plot/figure.ts';
import { describeValue } from '../../ml/core/describe-value.ts';

/**
 * A value marked as a figure, checked before it goes to the page: Plotly (and the page's theme
 * and sizing) would throw on a figure whose traces or layout are not objects, far from the cell
 * that made it. Throws a TypeError naming the bad part; a missing layout is an empty one.
 */
export function checkFigure(figure: Figure): Figure {
  const { data, layout, config } = figure as { data: unknown; layout: unknown; config: unknown };
  if (!Array.isArray(data)) throw new TypeError(`A figure's data must be an array of traces, got ${describeValue(data)}`);
  data.forEach((trace, i) => {
    if (!isObject(trace)) throw new TypeError(`A figure's trace ${i} must be an object like { type: 'scatter', x, y }, got ${describeValue(trace)}`);
  });
  if (layout !== undefined && !isObject(layout)) throw new TypeError(`A figure's layout must be an object (or left out), got ${describeValue(layout)}`);
  if (config !== undefined && !isObject(config)) throw new TypeError(`A figure's config must be an object (or left out), got ${describeValue(config)}`);
  return layout === undefined ? { ...figure, layout: {} } : figure;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
