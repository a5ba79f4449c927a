/**
 * Combining figures: traces laid over a chart, a layout patched. Both return new figures and
 * leave their inputs unchanged, so a cell can reuse a base chart.
 */
import { fail } from './errors.ts';
import { isFigure, plot, type Figure, type Layout, type Trace } from './figure.ts';
import { hideUnnamed, legendLayout, mergeLayout } from './layout.ts';

/**
 * The figure with more traces drawn on top: traces, arrays of traces, or other figures' traces.
 * The legend is shown when more than one trace is then named.
 * @example overlay(contour(loss, box), path(sgdSteps, { name: 'SGD' }), path(adamSteps, { name: 'Adam' }))
 * @example overlay(scatter(X, { labels: y }), line(xs, fitted, { name: 'fit' }))
 */
export function overlay(figure: Figure, ...layers: (Trace | readonly Trace[] | Figure)[]): Figure {
  if (!isFigure(figure)) fail('overlay', 'the first argument must be a figure, e.g. overlay(contour(...), path(points))');
  const added = layers.flatMap((layer, i): Trace[] => {
    if (isFigure(layer)) return layer.data;
    if (Array.isArray(layer)) return layer as Trace[];
    if (typeof layer === 'object' && layer !== null) return [layer as Trace];
    return fail('overlay', `layer ${i + 1} must be a trace, an array of traces or a figure, got ${String(layer)}`);
  });
  const data = hideUnnamed([...figure.data, ...added].map((t) => structuredClone(t)));
  const layout = structuredClone(figure.layout);
  return { ...plot(data, { ...layout, ...legendLayout(data) }), ...configOf(figure) };
}

/**
 * The figure with its layout patched (a deep merge, so `{ xaxis: { range } }` keeps the axis title).
 * @example withLayout(scatter(X), { xaxis: { range: [0, 1] }, height: 250 })
 */
export function withLayout(figure: Figure, patch: Layout): Figure {
  if (!isFigure(figure)) fail('withLayout', 'the first argument must be a figure, e.g. withLayout(line(losses), { height: 250 })');
  return { ...plot(structuredClone(figure.data), mergeLayout(structuredClone(figure.layout), structuredClone(patch))), ...configOf(figure) };
}

function configOf(figure: Figure): { config?: Record<string, unknown> } {
  return figure.config ? { config: structuredClone(figure.config) } : {};
}
