/**
 * The layout every chart starts from. Theme-neutral: transparent backgrounds, grid lines in a
 * half-transparent grey, no font colour (applyTheme adds one for the page's theme). Margins are
 * small because a chart sits in a narrow notebook cell.
 */
import type { Layout, Trace } from './figure.ts';

/** Options every chart accepts. */
export interface ChartOptions {
  /** Title above the chart. @example { title: 'Training loss' } */
  title?: string;
  /** Title of the horizontal axis. @example { xTitle: 'epoch' } */
  xTitle?: string;
  /** Title of the vertical axis. @example { yTitle: 'loss' } */
  yTitle?: string;
  /** Height in pixels (default: the page's choice). @example { height: 300 } */
  height?: number;
  /** Width in pixels (default: the cell's width). @example { width: 400 } */
  width?: number;
  /** Show the legend or not (default: only when more than one trace is named). @example { showLegend: false } */
  showLegend?: boolean;
}

/** Options for charts with numeric axes that may be logarithmic. */
export interface LogAxisOptions {
  /** Logarithmic x axis, e.g. for a regularisation strength C. @example { logX: true } */
  logX?: boolean;
  /** Logarithmic y axis, e.g. for a loss that falls by orders of magnitude. @example { logY: true } */
  logY?: boolean;
}

/** Kept the same for every figure so Plotly keeps the learner's zoom when a slider redraws a chart. */
export const UI_REVISION = 'stepwise';

/** Grid and zero lines that read on light and dark backgrounds alike. */
export const NEUTRAL_GRID = 'rgba(128,128,128,0.25)';

const TRANSPARENT = 'rgba(0,0,0,0)';

/** An axis layout with a title (when given) and neutral grid lines (unless `extra` turns them off). */
export function axis(title: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...(title !== undefined ? { title: { text: title } } : {}),
    // Colours only for lines that are drawn: Plotly ignores the others, and its validator flags them.
    ...(extra.showgrid !== false ? { gridcolor: NEUTRAL_GRID } : {}),
    ...(extra.zeroline !== false ? { zerolinecolor: NEUTRAL_GRID } : {}),
    automargin: true,
    ...extra,
  };
}

/** A 3-D scene axis: a title and neutral grid lines (scene axes have no automargin). */
export function sceneAxis(title: string): Record<string, unknown> {
  return { title: { text: title }, gridcolor: NEUTRAL_GRID, zerolinecolor: NEUTRAL_GRID };
}

/** Plotly shows a legend for the traces that have a name and are not hidden from it. */
export function legendEntries(data: readonly Trace[]): number {
  return data.filter((t) => typeof t.name === 'string' && t.name !== '' && t.showlegend !== false).length;
}

const COLORBAR_TYPES = new Set(['heatmap', 'contour', 'surface', 'histogram2d', 'histogram2dcontour']);

/** Whether a trace draws a colour bar (Plotly's default for these types unless showscale is false). */
export function hasColorbar(trace: Trace): boolean {
  if (COLORBAR_TYPES.has(String(trace.type))) return trace.showscale !== false;
  return isPlainObject(trace.marker) && trace.marker.showscale === true;
}

/** Hides unnamed traces from a shown legend, where Plotly would list them as "trace 3". Changes `data`. */
export function hideUnnamed(data: Trace[]): Trace[] {
  for (const trace of data) {
    if ((typeof trace.name !== 'string' || trace.name === '') && trace.showlegend === undefined) trace.showlegend = false;
  }
  return data;
}

/**
 * The legend only when more than one trace is named (or as forced). Legend and colour bar both
 * sit right of the plot and would overlap, so next to a colour bar the legend goes above the plot.
 */
export function legendLayout(data: readonly Trace[], show?: boolean): Layout {
  const showlegend = show ?? legendEntries(data) > 1;
  if (!showlegend || !data.some(hasColorbar)) return { showlegend };
  return { showlegend, legend: { orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom' } };
}

/** Room above the plot area (px): for a title, or none. */
export const TITLED_TOP_MARGIN = 45;
export const UNTITLED_TOP_MARGIN = 20;

/** A chart's layout: title, axis titles, margins, legend rule and the constant uirevision. */
export function baseLayout(opts: ChartOptions & LogAxisOptions, data: readonly Trace[], extra: Layout = {}): Layout {
  const layout: Layout = {
    ...(opts.title !== undefined ? { title: { text: opts.title } } : {}),
    xaxis: axis(opts.xTitle, opts.logX ? { type: 'log' } : {}),
    yaxis: axis(opts.yTitle, opts.logY ? { type: 'log' } : {}),
    ...legendLayout(data, opts.showLegend),
    margin: { l: 50, r: 20, t: opts.title !== undefined ? TITLED_TOP_MARGIN : UNTITLED_TOP_MARGIN, b: 40 },
    paper_bgcolor: TRANSPARENT,
    plot_bgcolor: TRANSPARENT,
    hovermode: 'closest',
    uirevision: UI_REVISION,
    ...(opts.height !== undefined ? { height: opts.height } : {}),
    ...(opts.width !== undefined ? { width: opts.width } : {}),
  };
  return mergeLayout(layout, extra);
}

/** A deep merge of plain objects where `patch` wins; arrays and other values are replaced. */
export function mergeLayout<T extends Record<string, unknown>>(base: T, patch: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeLayout(current, value) : value;
  }
  return out as T;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}
