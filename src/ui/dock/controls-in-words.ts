/** Control values as a learner reads them: "η (log₁₀) = -0.5, mode = mini-batch, start θ₀ = (0, 0)". */
import type { ControlValue, Output } from '../../kernel/types.ts';

type ControlOutput = Extract<Output, { kind: 'control' }>;

/** Longest text before the rest is cut with "…" (a legend title has little room). */
const MAX_LENGTH = 70;

export function controlsInWords(controls: readonly ControlOutput[]): string {
  const text = controls.filter((c) => c.control.type !== 'button').map((c) => `${c.control.label} = ${valueInWords(c)}`).join(', ');
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

function valueInWords(control: ControlOutput): string {
  const { value } = control;
  if (control.control.type === 'stepper') {
    const shown = control.control.values?.[value as number];
    return shown ?? `step ${value}`;
  }
  return format(value);
}

function format(value: ControlValue): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number.parseFloat(value.toPrecision(3)));
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string') return value;
  if (value.length > 0 && Array.isArray(value[0])) return `${value.length} points`;
  return `(${(value as number[]).map((v) => format(v)).join(', ')})`;
}
