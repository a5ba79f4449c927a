/**
 * What the learner sees now: which cells have a figure in view, and which controls are fully in
 * view, between the sticky toolbar and the control dock (which covers the bottom of the window).
 */
export interface OnScreen {
  /** Ids of the cells with a figure mostly in view, in page order. */
  figureCells: string[];
  /** Keys of the controls (data-control) fully in view in their own cells. */
  controls: Set<string>;
}

/** A figure counts as in view when this much of it shows (or all of it, if it is smaller). */
const FIGURE_IN_VIEW_PX = 160;

export function measureOnScreen(page: ParentNode, band: { top: number; bottom: number }): OnScreen {
  const figureCells = figureCellsOnScreen(page, band);
  const controls = new Set<string>();
  for (const control of page.querySelectorAll<HTMLElement>('.cell [data-control]')) {
    const rect = control.getBoundingClientRect();
    if (rect.height > 0 && rect.top >= band.top && rect.bottom <= band.bottom) controls.add(control.dataset.control as string);
  }
  return { figureCells, controls };
}

/** Ids of the cells with a figure mostly in view (at least `minShownPx` of it, or all of it), in page order. */
export function figureCellsOnScreen(page: ParentNode, band: { top: number; bottom: number }, minShownPx = FIGURE_IN_VIEW_PX): string[] {
  const figureCells: string[] = [];
  for (const figure of page.querySelectorAll<HTMLElement>('.cell .figure')) {
    const rect = figure.getBoundingClientRect();
    const shown = Math.min(rect.bottom, band.bottom) - Math.max(rect.top, band.top);
    if (rect.height === 0 || shown < Math.min(minShownPx, rect.height)) continue;
    const cell = figure.closest<HTMLElement>('[data-block]')?.dataset.block;
    if (cell !== undefined && !figureCells.includes(cell)) figureCells.push(cell);
  }
  return figureCells;
}
