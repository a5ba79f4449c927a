/**
 * A figure's accessible name, so a screen reader says what the chart shows: its title; else what
 * its cell's first comment says; else its panels' titles (subplots); else where it is. Never
 * plain "Figure", which names none of the charts on a page.
 */
import type { Figure } from '../../plot/figure.ts';

export interface FigurePlace {
  /** The cell's number as shown ([3] → 3). */
  cellNumber: number;
  /** The figure's number among the cell's figures (1-based) and how many the cell shows. */
  figureNumber: number;
  figureCount: number;
  /** The cell's first comment, if any. */
  comment?: string;
}

export function figureLabel(figure: Figure, place: FigurePlace): string {
  const title = plainText(typeof figure.layout.title === 'string' ? figure.layout.title : figure.layout.title?.text);
  if (title) return title;
  const which = place.figureCount > 1 ? ` (figure ${place.figureNumber} of ${place.figureCount})` : '';
  if (place.comment) return `${place.comment}${which}`;
  const panels = panelTitles(figure);
  if (panels.length > 0) return panels.join('; ');
  return `Figure ${place.figureNumber} of cell ${place.cellNumber}`;
}

/** Titles that subplots() puts above its panels: text annotations placed on the paper, without an arrow. */
function panelTitles(figure: Figure): string[] {
  const annotations = Array.isArray(figure.layout.annotations) ? (figure.layout.annotations as Record<string, unknown>[]) : [];
  return annotations
    .filter((note) => note.xref === 'paper' && note.yref === 'paper' && note.showarrow === false)
    .map((note) => plainText(typeof note.text === 'string' ? note.text : undefined))
    .filter((text): text is string => text !== undefined && text !== '');
}

/** Plotly titles may carry a little HTML (<b>, <br>): the name is its text. */
function plainText(text: string | undefined): string | undefined {
  return text?.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}
