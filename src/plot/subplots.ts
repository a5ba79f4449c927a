/**
 * Several charts side by side in one figure: each figure's traces move onto their own pair of
 * axes (x2/y2, x3/y3, …) or 3-D scene, whose domain is its cell of a grid in paper
 * coordinates; titles become annotations above the cells.
 */
import { describe, fail } from './errors.ts';
import { isFigure, plot, type Figure, type Layout, type Trace } from './figure.ts';
import { baseLayout, hasColorbar, hideUnnamed, isPlainObject, legendLayout } from './layout.ts';
import { isThreeD } from './trace-kinds.ts';

/** Options of `subplots`. */
export interface SubplotsOptions {
  /** Charts per row (default: 2, or 1 for a single chart). @example { columns: 3 } */
  columns?: number;
  /** A title above each chart (default: each figure's own title). @example { titles: ['k = 2', 'k = 3', 'k = 4'] } */
  titles?: readonly string[];
  /** Zooming or panning one x axis moves them all. @example { sharedX: true } */
  sharedX?: boolean;
  /** Zooming or panning one y axis moves them all. @example { sharedY: true } */
  sharedY?: boolean;
  /** Title of the whole figure. @example { title: 'Clusters as k grows' } */
  title?: string;
  /** Height in pixels (default 260 per row). @example { height: 500 } */
  height?: number;
  /** Width in pixels (default: the cell's width). @example { width: 800 } */
  width?: number;
}

/** Gaps between cells as fractions of the figure: room for tick labels, axis titles and cell titles. */
const H_GAP = 0.08;
const V_GAP = 0.14;
const ROW_HEIGHT = 260;

/** Paper-coordinate domains of the cell of chart k. */
export function cellDomain(k: number, columns: number, rows: number): { x: [number, number]; y: [number, number] } {
  const row = Math.floor(k / columns);
  const column = k % columns;
  const width = (1 - H_GAP * (columns - 1)) / columns;
  const height = (1 - V_GAP * (rows - 1)) / rows;
  const left = column * (width + H_GAP);
  const top = 1 - row * (height + V_GAP);
  // Clamped: rounding can leave the bottom row at -5.6e-17, which Plotly rejects as a domain.
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return { x: [clamp(left), clamp(left + width)], y: [clamp(top - height), clamp(top)] };
}

/**
 * A grid of figures merged into one, row by row.
 * @example subplots([scatter(X, { labels: km2 }), scatter(X, { labels: km3 })], { titles: ['k = 2', 'k = 3'], sharedX: true, sharedY: true })
 */
export function subplots(figures: readonly Figure[], opts: SubplotsOptions = {}): Figure {
  if (!Array.isArray(figures) || figures.length === 0) fail('subplots', `figures must be a non-empty array of figures, got ${describe(figures)}`);
  figures.forEach((f, k) => {
    if (!isFigure(f)) fail('subplots', `figures[${k}] is ${describe(f)}, expected a figure (from scatter, line, heatmap, …)`);
    if (Object.keys(f.layout).some((key) => /^(xaxis|yaxis|scene)\d+$/.test(key))) {
      fail('subplots', `figures[${k}] already has subplots; pass the single charts instead`);
    }
  });
  const columns = opts.columns ?? Math.min(figures.length, 2);
  if (!Number.isInteger(columns) || columns < 1) fail('subplots', `columns must be an integer ≥ 1, got ${describe(columns)}`);
  if (opts.titles !== undefined && opts.titles.length !== figures.length) {
    fail('subplots', `titles has ${opts.titles.length} entries but there are ${figures.length} figures; give one title per figure`);
  }
  const rows = Math.ceil(figures.length / columns);
  const layout: Layout = {};
  const annotations: Record<string, unknown>[] = [];
  const data: Trace[] = [];
  figures.forEach((figure, k) => {
    const domain = cellDomain(k, columns, rows);
    const suffix = k === 0 ? '' : String(k + 1);
    const threeD = figure.data.some(isThreeD);
    if (threeD) {
      layout[`scene${suffix}`] = { ...objectOr(figure.layout.scene), domain: { x: domain.x, y: domain.y } };
    } else {
      layout[`xaxis${suffix}`] = { ...objectOr(figure.layout.xaxis), domain: domain.x, anchor: `y${suffix}`, ...(opts.sharedX && k > 0 ? { matches: 'x' } : {}) };
      layout[`yaxis${suffix}`] = { ...objectOr(figure.layout.yaxis), domain: domain.y, anchor: `x${suffix}`, ...(opts.sharedY && k > 0 ? { matches: 'y' } : {}) };
    }
    for (const trace of figure.data) data.push(placeTrace(structuredClone(trace), suffix, threeD, domain));
    for (const note of (figure.layout.annotations as Record<string, unknown>[] | undefined) ?? []) annotations.push(placeAnnotation(note, suffix, domain));
    const title = opts.titles?.[k] ?? titleText(figure.layout.title);
    if (title !== undefined) {
      annotations.push({
        text: title, x: (domain.x[0] + domain.x[1]) / 2, y: domain.y[1], xref: 'paper', yref: 'paper',
        xanchor: 'center', yanchor: 'bottom', showarrow: false, font: { size: 13 },
      });
    }
  });
  shareLegendEntries(data);
  hideUnnamed(data);
  const base = baseLayout({ title: opts.title, width: opts.width, height: opts.height ?? rows * ROW_HEIGHT + (opts.title ? 40 : 0) }, data);
  delete base.xaxis;
  delete base.yaxis;
  // Bar settings are figure-wide in Plotly; the first figure that sets one decides.
  const barSettings = Object.fromEntries(['barmode', 'bargap'].flatMap((key) => {
    const owner = figures.find((f) => f.layout[key] !== undefined);
    return owner ? [[key, owner.layout[key]]] : [];
  }));
  return plot(data, { ...base, ...barSettings, ...layout, annotations, ...legendLayout(data) });
}

/** A trace moved onto cell k's axes or scene, its colour bar beside its cell. */
function placeTrace(trace: Trace, suffix: string, threeD: boolean, domain: { x: [number, number]; y: [number, number] }): Trace {
  if (threeD) trace.scene = `scene${suffix}`;
  else Object.assign(trace, { xaxis: `x${suffix}`, yaxis: `y${suffix}` });
  if (hasColorbar(trace)) {
    // A scatter's colour bar belongs to its marker; a heatmap's, contour's or surface's to the trace.
    const owner = isPlainObject(trace.marker) && trace.marker.showscale === true ? trace.marker : trace;
    owner.colorbar = {
      ...objectOr(owner.colorbar),
      x: domain.x[1] + 0.01, xanchor: 'left', y: (domain.y[0] + domain.y[1]) / 2, yanchor: 'middle',
      len: domain.y[1] - domain.y[0], thickness: 10,
    };
  }
  return trace;
}

/** An annotation of one figure, moved with it: axis references renamed, paper positions scaled into the cell. */
function placeAnnotation(note: Record<string, unknown>, suffix: string, domain: { x: [number, number]; y: [number, number] }): Record<string, unknown> {
  const out = structuredClone(note);
  if (out.xref === 'paper') out.x = domain.x[0] + Number(out.x ?? 0.5) * (domain.x[1] - domain.x[0]);
  else out.xref = `x${suffix}`;
  if (out.yref === 'paper') out.y = domain.y[0] + Number(out.y ?? 0.5) * (domain.y[1] - domain.y[0]);
  else out.yref = `y${suffix}`;
  return out;
}

/** The same name in several charts ("class 0") is one legend entry that toggles all of them. */
function shareLegendEntries(data: Trace[]): void {
  const seen = new Set<string>();
  for (const trace of data) {
    if (typeof trace.name !== 'string' || trace.showlegend === false) continue;
    trace.legendgroup = trace.name;
    if (seen.has(trace.name)) trace.showlegend = false;
    seen.add(trace.name);
  }
}

function titleText(title: Layout['title']): string | undefined {
  return typeof title === 'string' ? title : title?.text;
}

function objectOr(value: unknown): Record<string, unknown> {
  return isPlainObject(value) ? value : {};
}
