/**
 * A cell's controls as the dock lists them. While the cell re-runs, its controls come back one
 * output at a time, so for a moment the later ones are missing; the dock would remove their copies
 * and add them again, and a slider being dragged there would vanish under the pointer. So while
 * the cell runs, controls not back yet keep their last copy, in their last order.
 */
import type { Output } from '../../kernel/types.ts';

export type ControlOutput = Extract<Output, { kind: 'control' }>;

export function steadyControls(before: readonly ControlOutput[], now: readonly ControlOutput[], running: boolean): ControlOutput[] {
  if (!running) return [...now];
  const kept = before.map((old) => now.find((c) => c.name === old.name) ?? old);
  return [...kept, ...now.filter((c) => !before.some((old) => old.name === c.name))];
}
