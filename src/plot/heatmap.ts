/**
 * A matrix as coloured cells, read like a matrix: row 0 at the top. Used for confusion matrices,
 * attention weights and correlation matrices, with each cell's value written in it.
 */
import { diverging, sequential, type Colorscale } from './colors.ts';
import { checkSameLength, describe, fail, toNumbers } from './errors.ts';
import { plot, type Figure, type Trace } from './figure.ts';
import { finiteExtent } from './scale.ts';
import { axis, baseLayout, type ChartOptions } from './layout.ts';

/** A colourscale: `'sequential'`, `'diverging'`, a Plotly name such as `'Viridis'`, or explicit stops. */
export type ColorscaleOption = 'sequential' | 'diverging' | string | Colorscale;

/** Options of `heatmap`. */
export interface HeatmapOptions extends ChartOptions {
  /** Column labels (tokens, predicted classes…). @example { x: ['cat', 'sat', 'on'] } */
  x?: readonly (string | number)[];
  /** Row labels, top to bottom. @example { y: ['setosa', 'versicolor', 'virginica'] } */
  y?: readonly (string | number)[];
  /** Write each value in its cell (default: when there are at most 400 cells). @example { showValues: false } */
  showValues?: boolean;
  /** Decimals of the written values (default: 0 for whole numbers, else 2). @example { digits: 3 } */
  digits?: number;
  /** Colourscale (default: diverging around 0 for signed data, else sequential). @example { colorscale: 'diverging' } */
  colorscale?: ColorscaleOption;
  /** Value at the low end of the colourscale. @example { zmin: 0 } */
  zmin?: number;
  /** Value at the high end of the colourscale. @example { zmax: 1 } */
  zmax?: number;
  /** Colour bar title. @example { zTitle: 'attention' } */
  zTitle?: string;
}

/** Most cells that get their value written in by default; beyond that the text is unreadable. */
const MAX_WRITTEN_CELLS = 400;

/**
 * Heatmap of a matrix `z` (rows top to bottom), with labels and values written in the cells.
 * @example heatmap(confusionMatrix(yTrue, yPred), { x: names, y: names, xTitle: 'predicted', yTitle: 'true' })
 * @example heatmap(attention, { x: tokens, y: tokens, zmin: 0, zmax: 1 })
 */
export function heatmap(z: readonly (readonly number[])[], opts: HeatmapOptions = {}): Figure {
  const rows = toMatrix(z, 'heatmap');
  const nRows = rows.length;
  const nCols = rows[0].length;
  if (opts.x !== undefined) checkSameLength(opts.x.length, nCols, 'heatmap', 'x', 'columns', 'column');
  if (opts.y !== undefined) checkSameLength(opts.y.length, nRows, 'heatmap', 'y', 'rows', 'row');
  const [min, max] = finiteExtent(rows);
  const signed = min < 0 && max > 0;
  const trace: Trace = {
    type: 'heatmap',
    // Cells sit at integer positions; labels go on the ticks so repeated labels (a token that
    // appears twice) stay separate cells instead of merging into one category.
    x: range(nCols),
    y: range(nRows),
    z: rows,
    colorscale: resolveColorscale(opts.colorscale ?? (signed ? 'diverging' : 'sequential')),
    colorbar: { thickness: 12, ...(opts.zTitle !== undefined ? { title: { text: opts.zTitle } } : {}) },
    xgap: 1,
    ygap: 1,
    hovertemplate: `${opts.yTitle ?? 'row'}: %{y}<br>${opts.xTitle ?? 'column'}: %{x}<br>value: %{z}<extra></extra>`,
  };
  if (opts.zmin !== undefined) trace.zmin = opts.zmin;
  if (opts.zmax !== undefined) trace.zmax = opts.zmax;
  if (signed && opts.colorscale === undefined && opts.zmin === undefined && opts.zmax === undefined) trace.zmid = 0;
  if (opts.showValues ?? nRows * nCols <= MAX_WRITTEN_CELLS) {
    const digits = opts.digits ?? (rows.every((row) => row.every(Number.isInteger)) ? 0 : 2);
    trace.text = rows.map((row) => row.map((v) => v.toFixed(digits)));
    trace.texttemplate = '%{text}';
  }
  // Axes replaced rather than merged: a matrix has no grid or zero lines, so no colours for them either.
  const layout = {
    ...baseLayout(opts, [trace]),
    xaxis: axis(opts.xTitle, { ...ticks(opts.x, nCols), showgrid: false, zeroline: false }),
    yaxis: axis(opts.yTitle, { ...ticks(opts.y, nRows), showgrid: false, zeroline: false, autorange: 'reversed' }),
  };
  return plot([trace], layout);
}

/** A Plotly colourscale from the option: our two scales by name, else passed through. */
export function resolveColorscale(option: ColorscaleOption): string | Colorscale {
  if (option === 'sequential') return sequential;
  if (option === 'diverging') return diverging;
  return option;
}

/** A rectangular matrix of finite numbers. */
function toMatrix(z: unknown, where: string): number[][] {
  if (!Array.isArray(z) || z.length === 0) fail(where, `z must be a non-empty matrix (an array of rows), got ${describe(z)}`);
  const rows = z.map((row, i) => toNumbers(row, where, `z[${i}]`));
  if (rows[0].length === 0) fail(where, 'z rows are empty; expected at least one column');
  rows.forEach((row, i) => {
    if (row.length !== rows[0].length) fail(where, `z row ${i} has ${row.length} values, expected ${rows[0].length} (every row must have the same length)`);
  });
  return rows;
}

/** Tick labels at every cell: the given labels, or the indices for a small matrix. */
function ticks(labels: readonly (string | number)[] | undefined, count: number): Record<string, unknown> {
  if (labels !== undefined) return { tickmode: 'array', tickvals: range(count), ticktext: labels.map(String) };
  return count <= 30 ? { tickmode: 'array', tickvals: range(count), ticktext: range(count).map(String) } : {};
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
