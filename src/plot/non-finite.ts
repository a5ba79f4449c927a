/**
 * Values from a computation that diverged. A learning rate too large sends a loss to Infinity
 * and then NaN; that is the experiment, not a mistake, so a chart draws what is finite and says
 * in the figure what it left out. Values that are not numbers at all are still refused.
 */
import { describe, fail } from './errors.ts';

/** Numbers ready to draw: a non-finite one is a gap (null, which Plotly leaves undrawn). */
export interface Drawable {
  values: (number | null)[];
  /** Indices of the values that were not finite. */
  dropped: number[];
  /** Whether any dropped value was ±Infinity, and whether any was NaN. */
  infinite: boolean;
  nan: boolean;
}

/** A copy of `values` with ±Infinity and NaN as null; anything that is not a number is an error. */
export function toDrawable(values: unknown, where: string, name: string): Drawable {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) fail(where, `${name} must be an array of numbers, got ${describe(values)}`);
  const out: Drawable = { values: [], dropped: [], infinite: false, nan: false };
  Array.from(values as ArrayLike<unknown>).forEach((v, i) => {
    if (typeof v !== 'number') fail(where, `${name}[${i}] is ${describe(v)}, expected a number`);
    if (Number.isFinite(v)) {
      out.values.push(v);
      return;
    }
    out.values.push(null);
    out.dropped.push(i);
    if (Number.isNaN(v)) out.nan = true;
    else out.infinite = true;
  });
  return out;
}

/** The points of a curve: a point is a gap wherever its x or its y is not finite. */
export interface DrawableCurve extends Omit<Drawable, 'values'> {
  x: (number | null)[];
  y: (number | null)[];
}

/** x and y of one curve (of equal length, checked by the caller) with shared gaps. */
export function drawableCurve(x: Drawable, y: Drawable): DrawableCurve {
  const dropped = [...new Set([...x.dropped, ...y.dropped])].sort((a, b) => a - b);
  const gap = new Set(dropped);
  const keep = (values: (number | null)[]) => values.map((v, i) => (gap.has(i) ? null : v));
  return { x: keep(x.values), y: keep(y.values), dropped, infinite: x.infinite || y.infinite, nan: x.nan || y.nan };
}

/**
 * What a curve left out, for the figure, on two lines (a long note would run past the plot):
 * `stochastic: 601 of 1001 points not shown<br>(values became infinite from epoch 2.04 on)`. `position(i)` names point i ("epoch 2.04", "step 408").
 */
export function droppedNote(label: string | undefined, total: number, drop: Pick<Drawable, 'dropped' | 'infinite' | 'nan'>, position: (i: number) => string): string {
  const { dropped } = drop;
  const first = dropped[0];
  const kind = drop.infinite && drop.nan ? 'infinite or NaN' : drop.infinite ? 'infinite' : 'NaN';
  // Contiguous to the end is a run that diverged; otherwise the values are scattered.
  const toTheEnd = dropped.length === total - first;
  const when = toTheEnd ? `from ${position(first)} on` : `first at ${position(first)}`;
  const count = `${dropped.length} of ${total} point${total === 1 ? '' : 's'} not shown`;
  return `${label ? `${label}: ` : ''}${count}<br>(values became ${kind} ${when})`;
}

/**
 * One annotation listing the notes in the plot's top-right corner: a run that diverged has no
 * points there (they are the ones left out), and a loss that converged sits low.
 */
export function notesAnnotation(notes: readonly string[]): Record<string, unknown> {
  return {
    text: notes.join('<br>'),
    xref: 'paper', yref: 'paper', x: 0.99, y: 0.99, xanchor: 'right', yanchor: 'top',
    align: 'right', showarrow: false, font: { size: 11 },
    // Half-transparent grey behind the text keeps it readable over lines in either theme.
    bgcolor: 'rgba(128,128,128,0.15)',
  };
}
