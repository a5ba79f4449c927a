/**
 * Caps how much a figure hands to Plotly. Millions of points freeze the page for tens of seconds
 * (Plotly computes and draws them on the main thread, and cannot be interrupted), so each trace
 * type has a budget; a trace above it is reduced deterministically and the figure says so:
 * - lines: per bucket of consecutive points, its first, lowest, highest and last point, in order,
 *   so the line keeps its shape, its ends and its extremes;
 * - markers: every k-th point (a uniform stride);
 * - heatmap / contour: z grids above MAX_GRID_SIDE a side, averaged over blocks;
 * - histogram: every k-th value (the bars keep their shape; counts scale down by k).
 * Figures within budget come back as the same objects: this runs on every slider move.
 * The cell runtime reduces a figure before posting it (millions of points cost seconds to copy
 * from the worker to the page), and the page once more before drawing.
 */
import type { Figure, Trace } from './figure.ts';

/** Points per scatter trace; up to this many Plotly draws smoothly with WebGL. */
export const MAX_SCATTER_POINTS = 200_000;
/** Rows and columns of a heatmap's or contour's z grid. */
export const MAX_GRID_SIDE = 1000;
/** Raw values of a histogram trace. */
export const MAX_HISTOGRAM_VALUES = 1_000_000;

type Values = ArrayLike<unknown>;

export interface LimitedTraces {
  data: Trace[];
  /** What was reduced, e.g. "Drawn 200,000 of 5,000,000 points"; undefined when nothing was. */
  notice?: string;
}

/** The figure with its traces within budget and the notice as an annotation; the same figure when nothing is over. */
export function limitFigure(figure: Figure): Figure {
  const { data, notice } = limitPoints(figure.data);
  if (notice === undefined) return figure;
  const annotations = Array.isArray(figure.layout.annotations) ? figure.layout.annotations : [];
  return { ...figure, data, layout: { ...figure.layout, annotations: [...annotations, noticeAnnotation(notice)] } };
}

export function limitPoints(data: Trace[]): LimitedTraces {
  let limited: Trace[] | undefined;
  const notes: string[] = [];
  data.forEach((trace, i) => {
    const reduced = limitTrace(trace);
    if (reduced === undefined) return;
    (limited ??= data.slice())[i] = reduced.trace;
    notes.push(reduced.note);
  });
  return limited === undefined ? { data } : { data: limited, notice: notes.join('; ') };
}

/** The notice as a Plotly annotation, small and grey, above the plot's top-left corner. */
export function noticeAnnotation(notice: string): Record<string, unknown> {
  return { text: notice, xref: 'paper', yref: 'paper', x: 0, y: 1, xanchor: 'left', yanchor: 'bottom', showarrow: false, font: { size: 11, color: '#888' }, name: 'stepwise-reduced' };
}

function limitTrace(trace: Trace): { trace: Trace; note: string } | undefined {
  switch (trace.type ?? 'scatter') {
    case 'scatter':
    case 'scattergl':
      return limitScatter(trace);
    case 'heatmap':
    case 'heatmapgl':
    case 'contour':
      return limitGrid(trace);
    case 'histogram':
      return limitHistogram(trace);
    default:
      return undefined;
  }
}

const count = (n: number): string => n.toLocaleString('en-US');
/** 2nd, 3rd, 4th, 11th, 21st … */
const ordinal = (n: number): string => {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
};
const isValues = (value: unknown): value is Values => Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
const lengthOf = (value: unknown): number => (isValues(value) ? value.length : 0);

function limitScatter(trace: Trace): { trace: Trace; note: string } | undefined {
  const n = Math.max(lengthOf(trace.x), lengthOf(trace.y));
  if (n <= MAX_SCATTER_POINTS) return undefined;
  const mode = typeof trace.mode === 'string' ? trace.mode : 'lines'; // Plotly's default above 20 points
  const lines = mode.includes('lines') || (trace.fill !== undefined && trace.fill !== 'none');
  const kept = lines ? lineIndices(trace.y ?? trace.x, n, MAX_SCATTER_POINTS) : strideIndices(n, MAX_SCATTER_POINTS);
  const reduced = pickPerPoint(trace, n, kept);
  // Without x (or y) Plotly counts points from 0: the kept points keep their original positions.
  if (!isValues(trace.x)) reduced.x = Float64Array.from(kept);
  else if (!isValues(trace.y)) reduced.y = Float64Array.from(kept);
  const how = lines ? 'min/max per bucket' : `every ${ordinal(Math.ceil(n / MAX_SCATTER_POINTS))}`;
  return { trace: reduced, note: `Drawn ${count(kept.length)} of ${count(n)} points${nameOf(trace)} (${how})` };
}

function limitHistogram(trace: Trace): { trace: Trace; note: string } | undefined {
  const n = Math.max(lengthOf(trace.x), lengthOf(trace.y));
  if (n <= MAX_HISTOGRAM_VALUES) return undefined;
  const kept = strideIndices(n, MAX_HISTOGRAM_VALUES);
  const step = Math.ceil(n / MAX_HISTOGRAM_VALUES);
  return { trace: pickPerPoint(trace, n, kept), note: `Binned ${count(kept.length)} of ${count(n)} values${nameOf(trace)} (every ${ordinal(step)})` };
}

const nameOf = (trace: Trace): string => (typeof trace.name === 'string' && trace.name !== '' ? ` of “${trace.name}”` : '');

/** Indices 0, k, 2k, … with k chosen so that at most `budget` remain. */
export function strideIndices(n: number, budget: number): Uint32Array {
  const step = Math.ceil(n / budget);
  const kept = new Uint32Array(Math.ceil(n / step));
  for (let i = 0, j = 0; i < n; i += step, j++) kept[j] = i;
  return kept;
}

/**
 * For a line of n points: buckets of consecutive points, and of each its first, lowest, highest
 * and last point (by `values`), in their order, at most `budget` in all. Non-numbers (gaps) are
 * never a bucket's extreme.
 */
export function lineIndices(values: unknown, n: number, budget: number): Uint32Array {
  const ys: Values = isValues(values) ? values : [];
  const buckets = Math.max(1, Math.floor(budget / 4));
  const size = Math.ceil(n / buckets);
  const kept = new Uint32Array(Math.min(n, buckets * 4));
  let j = 0;
  for (let start = 0; start < n; start += size) {
    const end = Math.min(n, start + size) - 1;
    let low = -1;
    let high = -1;
    for (let i = start; i <= end; i++) {
      const y = ys[i];
      if (typeof y !== 'number' || Number.isNaN(y)) continue;
      if (low < 0 || y < (ys[low] as number)) low = i;
      if (high < 0 || y > (ys[high] as number)) high = i;
    }
    const picks = [start, low, high, end].filter((i) => i >= 0).sort((a, b) => a - b);
    let last = -1;
    for (const i of picks) if (i !== last) kept[j++] = last = i;
  }
  return kept.slice(0, j);
}

/** The per-point arrays of a trace (length n, at top level or in marker / line), picked at `kept`. */
function pickPerPoint(trace: Trace, n: number, kept: Uint32Array): Trace {
  const pickIn = (object: Record<string, unknown>): Record<string, unknown> => {
    const result: Record<string, unknown> = { ...object };
    for (const [key, value] of Object.entries(object)) if (isValues(value) && value.length === n) result[key] = pick(value, kept);
    return result;
  };
  const result = pickIn(trace) as Trace;
  for (const key of ['marker', 'line', 'error_x', 'error_y']) {
    const part = trace[key];
    if (part !== null && typeof part === 'object' && !isValues(part)) result[key] = pickIn(part as Record<string, unknown>);
  }
  return result;
}

function pick(values: Values, kept: Uint32Array): Values {
  if (Array.isArray(values)) return Array.from(kept, (i) => values[i]);
  const Typed = (values as unknown as { constructor: new (length: number) => { [i: number]: unknown } & Values }).constructor;
  const result = new Typed(kept.length);
  for (let j = 0; j < kept.length; j++) result[j] = values[kept[j]];
  return result;
}

function limitGrid(trace: Trace): { trace: Trace; note: string } | undefined {
  const z = trace.z;
  if (!isValues(z) || z.length === 0) return undefined;
  const rows = z.length;
  let columns = 0;
  for (let r = 0; r < rows; r++) columns = Math.max(columns, lengthOf(z[r]));
  if (rows <= MAX_GRID_SIDE && columns <= MAX_GRID_SIDE) return undefined;
  const rowStep = Math.ceil(rows / MAX_GRID_SIDE);
  const columnStep = Math.ceil(columns / MAX_GRID_SIDE);
  const averaged = blockAverage(z as ArrayLike<Values>, rowStep, columnStep);
  const reduced: Trace = { ...trace, z: averaged };
  // Transposed, z's rows run along x.
  const transposed = trace.transpose === true;
  reduced.x = transposed ? blockAxis(trace.x, rows, rowStep) : blockAxis(trace.x, columns, columnStep);
  reduced.y = transposed ? blockAxis(trace.y, columns, columnStep) : blockAxis(trace.y, rows, rowStep);
  // Per-cell hover text no longer matches the averaged cells.
  for (const key of ['text', 'hovertext', 'customdata']) if (isValues(trace[key]) && lengthOf(trace[key]) === rows) delete reduced[key];
  const newColumns = averaged[0]?.length ?? 0;
  return { trace: reduced, note: `Drawn ${count(averaged.length)}×${count(newColumns)} of ${count(rows)}×${count(columns)} cells${nameOf(trace)} (block averages)` };
}

/** Means of rowStep × columnStep blocks, skipping non-numbers; a block of none is null (a gap). */
export function blockAverage(z: ArrayLike<Values>, rowStep: number, columnStep: number): (number | null)[][] {
  const rows = z.length;
  let columns = 0;
  for (let r = 0; r < rows; r++) columns = Math.max(columns, lengthOf(z[r]));
  const result: (number | null)[][] = [];
  for (let r0 = 0; r0 < rows; r0 += rowStep) {
    const row: (number | null)[] = [];
    for (let c0 = 0; c0 < columns; c0 += columnStep) {
      let sum = 0;
      let found = 0;
      for (let r = r0; r < Math.min(rows, r0 + rowStep); r++) {
        const line = z[r];
        if (!isValues(line)) continue;
        for (let c = c0; c < Math.min(line.length, c0 + columnStep); c++) {
          const value = line[c];
          if (typeof value === 'number' && Number.isFinite(value)) {
            sum += value;
            found++;
          }
        }
      }
      row.push(found === 0 ? null : sum / found);
    }
    result.push(row);
  }
  return result;
}

/**
 * A grid axis for the averaged cells: numeric centres averaged per block, bin edges (one more
 * than cells) taken at block boundaries, otherwise each block's first label; without an axis,
 * Plotly's 0, 1, 2 … as block centres.
 */
function blockAxis(axis: unknown, cells: number, step: number): unknown {
  const blocks = Math.ceil(cells / step);
  if (!isValues(axis)) return Float64Array.from({ length: blocks }, (_, b) => (b * step + Math.min(cells, (b + 1) * step) - 1) / 2);
  if (axis.length === cells + 1) return Array.from({ length: blocks + 1 }, (_, b) => axis[Math.min(cells, b * step)]);
  if (axis.length !== cells) return axis;
  return Array.from({ length: blocks }, (_, b) => {
    const members = Array.from({ length: Math.min(cells, (b + 1) * step) - b * step }, (_, i) => axis[b * step + i]);
    return members.every((value) => typeof value === 'number') ? (members as number[]).reduce((a, v) => a + v, 0) / members.length : members[0];
  });
}
