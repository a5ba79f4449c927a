/**
 * What present mode's Controls bar serves on a slide. The bar (dock/ControlDock.tsx) offers the
 * controls upstream of what is on screen that are not on screen themselves; a slide shows its
 * cells whole, so nothing is measured. In the notebook the dock follows figures; on a slide the
 * room looks at every result: a sentence or a table computed from a slider on an earlier slide
 * is what the presenter talks over, so its controls are offered as a figure's are.
 */
import type { Output } from '../../kernel/types.ts';
import type { OnScreen } from '../dock/on-screen.ts';
import { controlKey } from '../output/control-key.ts';

export interface SlideCell {
  id: string;
  /** What the cell shows now. */
  outputs: readonly Output[];
  /** The names of the controls it shows (kept while it re-runs: dock/steady-controls.ts). */
  controls: readonly string[];
}

/** The cells of a slide that show a result (anything but their own controls), and the controls already on it. */
export function slideOnScreen(cells: readonly SlideCell[]): OnScreen {
  return {
    figureCells: cells.filter((cell) => cell.outputs.some((output) => output.kind !== 'control')).map((cell) => cell.id),
    controls: new Set(cells.flatMap((cell) => cell.controls.map((name) => controlKey(cell.id, name)))),
  };
}
