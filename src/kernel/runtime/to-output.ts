import { AbstractMatrix } from 'ml-matrix';
import { isFigure } from '../../plot/figure.ts';
import { limitFigure } from '../../plot/limit-points.ts';
import type { OutputBody } from '../types.ts';
import { inspect } from './inspect.ts';
import { checkFigure } from './check-figure.ts';
import { approximateSize, FIGURE_SIZE_LIMIT, formatMegabytes, TABLE_CELL_LIMIT, truncateText } from './output-bounds.ts';

/** What `md` returns: Markdown text that displays as rendered Markdown. */
export interface Markdown {
  readonly type: 'stepwise.markdown';
  readonly markdown: string;
}

export function isMarkdown(value: unknown): value is Markdown {
  return typeof value === 'object' && value !== null && (value as Markdown).type === 'stepwise.markdown';
}

export const TABLE_ROW_LIMIT = 50;

type TableCell = string | number | boolean | null;

/**
 * Chooses how a value is shown: a figure, Markdown, a table (arrays of records, 2-D arrays, a
 * Matrix), or text. Returns undefined for `undefined`, which shows nothing. Throws for a
 * malformed figure (check-figure.ts) or one too large to show. Text is cut to its bounds
 * (output-bounds.ts).
 */
export function toOutput(value: unknown): OutputBody | undefined {
  if (value === undefined) return undefined;
  // Reduced here, not only in the page: posting millions of points to the page takes seconds.
  // What is still too large after that is refused rather than sent.
  if (isFigure(value)) return { kind: 'figure', figure: boundedFigure(limitFigure(checkFigure(value))) };
  if (isMarkdown(value)) return { kind: 'markdown', markdown: truncateText(value.markdown) };
  const table = toTable(value);
  if (table) return { kind: 'table', ...table };
  return { kind: 'text', text: truncateText(inspect(value)) };
}

function boundedFigure<F>(figure: F): F {
  const size = approximateSize(figure, FIGURE_SIZE_LIMIT);
  if (size > FIGURE_SIZE_LIMIT) {
    throw new Error(`This figure is too large to show (over ${formatMegabytes(FIGURE_SIZE_LIMIT)} of data): plot fewer points, e.g. every n-th one`);
  }
  return figure;
}

function toTable(value: unknown): { columns: string[]; rows: TableCell[][]; totalRows: number } | undefined {
  if (AbstractMatrix.isMatrix(value)) {
    const m = value as AbstractMatrix;
    return fromRows(m.to2DArray(), m.columns);
  }
  if (!Array.isArray(value) || value.length === 0) return undefined;
  if (value.every((row) => Array.isArray(row) || (ArrayBuffer.isView(row) && !(row instanceof DataView)))) {
    const rows = value.map((row) => Array.from(row as ArrayLike<unknown>));
    const width = Math.max(...rows.map((r) => r.length));
    // A 2-D array of numbers (or other scalars): a table with numbered columns.
    if (rows.every((r) => r.every(isScalar))) return fromRows(rows, width);
    return undefined;
  }
  if (value.every((row) => isPlainRecord(row))) {
    const columns: string[] = [];
    for (const row of value) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
    const rows = value.slice(0, TABLE_ROW_LIMIT).map((row) => columns.map((c) => cell((row as Record<string, unknown>)[c])));
    return { columns, rows, totalRows: value.length };
  }
  return undefined;
}

function fromRows(rows: unknown[][], width: number): { columns: string[]; rows: TableCell[][]; totalRows: number } {
  const columns = Array.from({ length: width }, (_, i) => String(i));
  return { columns, rows: rows.slice(0, TABLE_ROW_LIMIT).map((r) => columns.map((_, i) => cell(r[i]))), totalRows: rows.length };
}

function cell(v: unknown): TableCell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return truncateText(v, TABLE_CELL_LIMIT);
  return truncateText(inspect(v), TABLE_CELL_LIMIT);
}

function isScalar(v: unknown): boolean {
  return v === null || ['number', 'string', 'boolean'].includes(typeof v);
}

function isPlainRecord(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
