import type { RunReport } from '../kernel/node/run-notebook.ts';
import type { ControlSpec, ControlValue } from '../kernel/types.ts';

/**
 * What became of each `--set name=value`: a control takes a value it cannot show as its
 * default (a select's unknown option) or its nearest (a slider's range and step), which is
 * right in the app but would silently run another setting than the one asked for. Returns one
 * message per setting that did not run as given, and whether a name matched no control at all.
 */
export function checkSettings(given: Record<string, ControlValue>, report: RunReport): { messages: string[]; unknownName: boolean } {
  const shown = new Map<string, { control: ControlSpec; value: ControlValue }>();
  for (const cell of report.cells) {
    for (const output of cell.outputs) if (output.kind === 'control' && !shown.has(output.name)) shown.set(output.name, output);
  }
  const messages: string[] = [];
  let unknownName = false;
  for (const [name, value] of Object.entries(given)) {
    const found = shown.get(name);
    if (!found) {
      unknownName = true;
      const names = [...shown.keys()];
      messages.push(`--set ${name}: no control is called ${name}; ${names.length > 0 ? `this notebook's controls are ${names.join(', ')}` : 'this notebook has no controls'}`);
    } else if (JSON.stringify(found.value) !== JSON.stringify(value)) {
      messages.push(`--set ${name}=${JSON.stringify(value)}: ${describeControl(name, found.control)}, so it ran with ${JSON.stringify(found.value)}`);
    }
  }
  return { messages, unknownName };
}

function describeControl(name: string, control: ControlSpec): string {
  switch (control.type) {
    case 'slider':
      return `slider ${name} goes from ${control.min} to ${control.max} in steps of ${control.step}`;
    case 'number':
      return `number ${name} takes numbers${control.min !== undefined ? ` from ${control.min}` : ''}${control.max !== undefined ? ` up to ${control.max}` : ''}`;
    case 'select':
      return `select ${name} offers ${control.options.map((option) => JSON.stringify(option)).join(', ')}`;
    case 'checkbox':
      return `checkbox ${name} takes true or false`;
    case 'stepper':
      return `stepper ${name} takes a step from 0 to ${control.count - 1}`;
    case 'button':
      return `button ${name} counts clicks (a whole number)`;
    case 'point':
      return `point ${name} takes [x, y]`;
    case 'points':
      return `points ${name} takes ${control.min} to ${control.max} points [[x, y], …]`;
    case 'direction':
      return `direction ${name} takes a non-zero [x, y] (kept as a unit vector)`;
  }
}
