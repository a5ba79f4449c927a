import type { Figure, Trace } from '../../plot/figure.ts';
import type { Theme } from '../../plot/theme.ts';
import { sameData } from '../../plot/same-data.ts';

/**
 * What a figure on the page is drawn from: the spec the cell sent, and how the page shows it.
 * prepareFigure copies the spec (applyTheme copies all of it but its arrays of numbers, which
 * Plotly never writes into) before Plotly gets it, so the spec kept here is never changed by
 * Plotly writing ranges and sizes into what it draws.
 */
export interface FigureSource {
  figure: Figure;
  theme: Theme;
  width: number | undefined;
  pinned: Trace[];
}

/** The same picture: an equal spec, drawn in the same theme, at the same width, with the same pin. */
export function sameSource(a: FigureSource, b: FigureSource): boolean {
  return a.theme === b.theme && a.width === b.width && a.pinned === b.pinned && sameData(a.figure, b.figure);
}
