import { loadPlotly, type Plotly } from '../../src/ui/output/load-plotly.ts';

/** A Plotly graph element as the tests read it: what Plotly keeps on it after a draw. */
export type Drawn = HTMLElement & { data: unknown; layout: unknown; calcdata: unknown };

/**
 * Hands `use` an empty element of the given CSS size in the page and Plotly's cartesian bundle,
 * loaded as the page loads it (a script, not a module the test server would pre-bundle mid-run);
 * purges and removes the element afterwards.
 */
export async function withPlotlyElement<T>(css: string, use: (Plotly: Plotly, element: Drawn) => Promise<T>): Promise<T> {
  const Plotly = await loadPlotly('cartesian');
  const element = document.createElement('div') as unknown as Drawn;
  element.style.cssText = css;
  document.body.appendChild(element);
  try {
    return await use(Plotly, element);
  } finally {
    Plotly.purge(element);
    element.remove();
  }
}
