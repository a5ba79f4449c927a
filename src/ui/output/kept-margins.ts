/**
 * Plotly's automargin grows a figure's margins to fit its tick labels and axis titles, and when
 * a draw's margins come out different from the ones it started from, it draws the whole figure
 * again (plots.doAutoMargin). Each Plotly.react starts from the figure's declared margins, so a
 * redraw with new data (a control moved) whose labels need more than those was two draws, every
 * time. Measured on a scatter of 50–300 points whose labels push the margins: 65–97 ms a redraw,
 * 31–52 ms when it starts from the margins it was last drawn with.
 *
 * So a figure is redrawn from its last drawn margins: its labels fit unless they grew, and its
 * plot area stands still while a slider is dragged (tick labels changing width no longer shift
 * it). Margins only grow this way, so they start again from the declared ones whenever what
 * decides them changes: the width, the declared margin (fit-figure.ts sets it for title bands),
 * the legend's place, or pinned traces shown.
 */

export interface Margins {
  l: number;
  r: number;
  t: number;
  b: number;
}

/** What a figure's margins were last drawn from and came out as. */
export interface DrawnMargins {
  /** What decided them (see marginsKey). */
  key: string;
  drawn: Margins;
}

/** What a figure's margins depend on besides its labels: when it changes, margins start again from the declared ones. */
export function marginsKey(layout: Record<string, unknown>, width: number | undefined, pinned: boolean): string {
  return JSON.stringify([width ?? null, pinned, layout.margin ?? null, layout.legend ?? null, layout.showlegend ?? null]);
}

/** The layout to draw: the margins last drawn, when nothing but the labels may have changed since. */
export function withKeptMargins(layout: Record<string, unknown>, key: string, last: DrawnMargins | undefined): Record<string, unknown> {
  if (!last || last.key !== key) return layout;
  const margin = typeof layout.margin === 'object' && layout.margin !== null ? layout.margin : {};
  return { ...layout, margin: { ...margin, ...last.drawn } };
}

/** Reads the margins Plotly drew a figure with (its `_fullLayout._size`), for the next draw. */
export function drawnMargins(element: Element, key: string): DrawnMargins | undefined {
  const size = (element as { _fullLayout?: { _size?: Partial<Margins> } })._fullLayout?._size;
  if (!size || ![size.l, size.r, size.t, size.b].every((value) => typeof value === 'number' && Number.isFinite(value))) return undefined;
  // Whole pixels, rounded up: a fraction handed back (107.4) came out of Plotly as 107 on the next
  // draw and 107.4 on the one after, a changed layout each time, so every trace was redrawn at
  // every move even when none had changed (naive-bayes: 70–170 ms a prior move, 7–42 ms without).
  return { key, drawn: { l: Math.ceil(size.l!), r: Math.ceil(size.r!), t: Math.ceil(size.t!), b: Math.ceil(size.b!) } };
}
