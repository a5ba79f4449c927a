/**
 * Plotly, loaded on demand: the cartesian partial bundle for figures that need no more, the full
 * bundle once a figure needs it (see plotly-bundle.ts). Once the full bundle is on the page it
 * draws every figure, cartesian ones too, so no third download is ever needed.
 */
import plotlyUrl from 'virtual:stepwise-plotly-url';
import type { PlotlyBundle } from './plotly-bundle.ts';

/** What the page uses of Plotly; both bundles have the same API. */
export interface Plotly {
  react(element: HTMLElement, data: unknown[], layout: unknown, config: unknown): Promise<unknown>;
  purge(element: HTMLElement): void;
}

const loading: Partial<Record<PlotlyBundle, Promise<Plotly>>> = {};

const importBundle = (bundle: PlotlyBundle): Promise<unknown> =>
  bundle === 'full' ? import('plotly.js-dist-min') : import('plotly.js-cartesian-dist-min');

/** The bundle that will draw a figure needing `bundle`; the performance marks let the benchmarks see when each arrived. */
export function loadPlotly(bundle: PlotlyBundle = 'cartesian'): Promise<Plotly> {
  const chosen = loading.full ? 'full' : bundle;
  return (loading[chosen] ??= importBundle(chosen).then((module) => {
    performance.mark('stepwise:plotly-loaded', { detail: chosen });
    return ((module as { default?: Plotly }).default ?? module) as Plotly;
  }));
}

/**
 * Has the cartesian bundle fetched and compiled (off this thread) without running it: its
 * evaluation, one long task, can then wait for a better moment (ui/notebook/NotebookView.tsx)
 * without the download and the compile waiting too.
 */
export function prefetchPlotly(): void {
  if (plotlyUrl === undefined || loading.cartesian || loading.full) return;
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = plotlyUrl;
  document.head.appendChild(link);
}
