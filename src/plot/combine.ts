/**
 * Combining figures: traces laid over a chart, a layout patched. Both return new figures and
 * leave their inputs unchanged, so a cell can reuse a base chart.
 */
import { fail } from './errors.ts';
import { isFigure, plot, type Figure, type Layout, type Trace } from './figure.ts';
import { hideUnnamed, legendLayout, mergeLayout, TITLED_TOP_MARGIN, UNTITLED_TOP_MARGIN } from './layout.ts';

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
  const layout = roomForNewTitle(figure.layout, patch, mergeLayout(structuredClone(figure.layout), structuredClone(patch)));
  return { ...plot(structuredClone(figure.data), layout), ...configOf(figure) };
}

/**
 * A title given to a figure built without one gets the room above the plot that a builder gives
 * a titled chart (the plot area keeps its height), unless the patch sets the top margin itself:
 * without it the title ran into the plot's top, or into a grid's cell titles.
 */
function roomForNewTitle(before: Layout, patch: Layout, merged: Layout): Layout {
  const margin = (merged.margin ?? {}) as { t?: number };
  const top = margin.t ?? UNTITLED_TOP_MARGIN;
  const patchSetsTop = (patch.margin as { t?: unknown } | undefined)?.t !== undefined;
  if (hasTitle(before.title) || !hasTitle(patch.title) || patchSetsTop || top >= TITLED_TOP_MARGIN) return merged;
  const grown = typeof merged.height === 'number' && patch.height === undefined ? { height: merged.height + TITLED_TOP_MARGIN - top } : {};
  return { ...merged, ...grown, margin: { ...margin, t: TITLED_TOP_MARGIN } };
}

/** Plotly draws a title given as `{ text }` (a bare string is not drawn since Plotly 3). */
function hasTitle(title: unknown): boolean {
  const text = (title as { text?: unknown } | undefined)?.text;
  return typeof text === 'string' && text !== '';
}

function configOf(figure: Figure): { config?: Record<string, unknown> } {
  return figure.config ? { config: structuredClone(figure.config) } : {};
}
