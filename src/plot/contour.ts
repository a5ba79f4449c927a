/**
 * Level sets of a function over a box, e.g. a loss surface over two weights, on which an
 * optimiser's `path` can be overlaid.
 */
import { checkInteger } from './errors.ts';
import { plot, type Figure, type Trace } from './figure.ts';
import { evaluateGrid, type Box, type Grid, type Resolution } from './grid.ts';
import { resolveColorscale, type ColorscaleOption } from './heatmap.ts';
import { baseLayout, type ChartOptions } from './layout.ts';
import { decadeTicks, finiteExtent, log10Grid } from './scale.ts';

/** Options shared by `contour` and `surface`. */
export interface FieldOptions extends ChartOptions {
  /** Grid points per axis, or `[nx, ny]` (default 60). @example { resolution: 100 } */
  resolution?: Resolution;
  /** Colour by log10 of f, for values spread over orders of magnitude (f must be > 0). @example { logScale: true } */
  logScale?: boolean;
  /** Colourscale (default: sequential). @example { colorscale: 'diverging' } */
  colorscale?: ColorscaleOption;
  /** Colour bar title (default 'f'). @example { zTitle: 'loss' } */
  zTitle?: string;
}

/** Options of `contour`: the box to draw and how. */
export interface ContourOptions extends FieldOptions, Box {
  /** Number of evenly spaced levels between the lowest and highest value (default 20). @example { levels: 10 } */
  levels?: number;
  /** Fill between the levels (default) or draw the level lines only. @example { fill: false } */
  fill?: boolean;
}

/** Default grid points per axis: smooth enough for a cell-sized chart, 3,600 calls of f. */
export const DEFAULT_RESOLUTION = 60;

/**
 * Contour plot of f(x, y) over the box `{ x: [min, max], y: [min, max] }`.
 * @example contour((w, b) => mse(w, b), { x: [-3, 3], y: [-3, 3], xTitle: 'w', yTitle: 'b', zTitle: 'MSE' })
 * @example contour(rosenbrock, { x: [-2, 2], y: [-1, 3], logScale: true, levels: 30 })
 */
export function contour(f: (x: number, y: number) => number, opts: ContourOptions): Figure {
  const grid = evaluateGrid(f, opts, opts.resolution ?? DEFAULT_RESOLUTION, 'contour');
  const levels = opts.levels ?? 20;
  checkInteger(levels, 'contour', 'levels', 1);
  const z = opts.logScale ? log10Grid(grid, 'contour') : grid.z;
  const [min, max] = finiteExtent(z);
  const trace: Trace = {
    type: 'contour',
    x: grid.x,
    y: grid.y,
    z,
    // Explicit levels: Plotly's own choice (ncontours) is only a maximum and varies with the data.
    autocontour: false,
    contours: { start: min, end: max, size: (max - min) / levels || 1, coloring: opts.fill === false ? 'lines' : 'fill' },
    line: { width: 0.5 },
    ...fieldColoring(grid, z, opts),
  };
  return plot([trace], baseLayout(opts, [trace]));
}

/** Colourscale, colour bar and hover text of a sampled field; on a log scale the hover shows f itself. */
export function fieldColoring(grid: Grid, z: number[][], opts: FieldOptions): Record<string, unknown> {
  const title = opts.logScale ? `${opts.zTitle ?? 'f'} (log scale)` : (opts.zTitle ?? 'f');
  const colorbar: Record<string, unknown> = { thickness: 12, title: { text: title } };
  if (opts.logScale) Object.assign(colorbar, { tickmode: 'array', ...decadeTicks(z) });
  return {
    colorscale: resolveColorscale(opts.colorscale ?? 'sequential'),
    colorbar,
    ...(opts.logScale ? { customdata: grid.z } : {}),
    hovertemplate: `${opts.xTitle ?? 'x'}: %{x:.4g}<br>${opts.yTitle ?? 'y'}: %{y:.4g}<br>${opts.zTitle ?? 'f'}: ${opts.logScale ? '%{customdata:.4g}' : '%{z:.4g}'}<extra></extra>`,
  };
}
