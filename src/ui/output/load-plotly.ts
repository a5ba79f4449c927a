/**
 * Plotly, loaded on demand: the cartesian partial bundle for figures that need no more, the full
 * bundle once a figure needs it (see plotly-bundle.ts). Once the full bundle is on the page it
 * draws every figure, cartesian ones too, so no third download is ever needed. Each bundle is
 * run as a classic script (plotly-url-plugin.ts says why).
 */
import plotlyUrls from 'virtual:stepwise-plotly-url';
import type { PlotlyBundle } from './plotly-bundle.ts';

/** What the page uses of Plotly; both bundles have the same API. */
export interface Plotly {
  react(element: HTMLElement, data: unknown[], layout: unknown, config: unknown): Promise<unknown>;
  purge(element: HTMLElement): void;
}

const loading: Partial<Record<PlotlyBundle, Promise<Plotly>>> = {};

/** Runs a bundle's script; it leaves Plotly as `window.Plotly` (the full bundle's replacing the cartesian one's). */
function runScript(url: string): Promise<Plotly> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.onload = () => resolve((window as unknown as { Plotly: Plotly }).Plotly);
    script.onerror = () => reject(new Error(`Plotly did not load from ${url}: reload the page to try again.`));
    document.head.appendChild(script);
  });
}

/** The bundle that will draw a figure needing `bundle`; the performance marks let the benchmarks see when each arrived. */
export function loadPlotly(bundle: PlotlyBundle = 'cartesian'): Promise<Plotly> {
  const chosen = loading.full ? 'full' : bundle;
  return (loading[chosen] ??= runScript(plotlyUrls[chosen]).then((plotly) => {
    performance.mark('stepwise:plotly-loaded', { detail: chosen });
    return plotly;
  }));
}

/**
 * Has the cartesian bundle downloaded (and, with its compile hint, compiled off this thread)
 * without running it: its evaluation, one long task, can then wait for a better moment
 * (ui/notebook/NotebookView.tsx) without the download waiting too.
 */
export function prefetchPlotly(): void {
  if (loading.cartesian || loading.full) return;
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'script';
  link.href = plotlyUrls.cartesian;
  document.head.appendChild(link);
}
