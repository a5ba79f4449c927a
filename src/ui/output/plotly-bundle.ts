/**
 * Which of Plotly's official bundles a figure needs. The cartesian partial bundle
 * (plotly.js-cartesian-dist-min, ~0.5 MB gzip) takes a third of the full one's (~1.5 MB) time to
 * load and evaluate on a first visit; the full bundle is loaded only for a figure with a trace
 * type the partial one lacks (3-D, WebGL, maps, …).
 */
import type { Trace } from '../../plot/figure.ts';

/** The trace types of the cartesian bundle, as its README lists them. */
export const CARTESIAN_TRACES: ReadonlySet<string> = new Set([
  'bar', 'box', 'contour', 'heatmap', 'histogram', 'histogram2d', 'histogram2dcontour', 'image', 'pie', 'scatter', 'scatterternary', 'violin',
]);

export type PlotlyBundle = 'cartesian' | 'full';

/** The smallest bundle that draws every trace (a trace without a type is a scatter, as in Plotly). */
export function bundleFor(data: readonly Trace[]): PlotlyBundle {
  return data.every((trace) => CARTESIAN_TRACES.has(String(trace.type ?? 'scatter'))) ? 'cartesian' : 'full';
}
