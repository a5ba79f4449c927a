/**
 * Whether a notebook's code looks like it draws figures: it calls one of the cell library's
 * figure makers (src/plot, checked against its exports by tests/ui/draws-figures.test.ts) or
 * builds a figure by hand (`layout`). Plotly takes over a second of CPU to evaluate, so the page
 * starts loading it with the kernel only for such notebooks; any other loads it at its first figure.
 */
export const FIGURE_MAKERS = [
  'plot',
  'scatter',
  'line',
  'lines',
  'heatmap',
  'contour',
  'surface',
  'bar',
  'histogram',
  'decisionBoundary',
  'path',
  'overlay',
  'withLayout',
  'subplots',
  'treeDiagram',
  'waterfall',
  'withInputs',
  'withMarks',
] as const;

const CALLS_A_FIGURE_MAKER = new RegExp(`\\b(?:${FIGURE_MAKERS.join('|')})\\s*\\(|\\blayout\\b`);

export function drawsFigures(sources: readonly string[]): boolean {
  return sources.some((source) => CALLS_A_FIGURE_MAKER.test(source));
}
