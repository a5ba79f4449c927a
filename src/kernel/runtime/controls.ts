import type { ControlSpec, ControlValue } from '../types.ts';
import { formatNumber } from './inspect.ts';

/**
 * The input helpers' rules, as pure functions: the spec a call describes and the value it
 * returns, given the value the learner last chose (which survives re-runs).
 */
export interface SliderOptions { min?: number; max?: number; step?: number; label?: string }
export interface NumberOptions { min?: number; max?: number; step?: number; label?: string }
export interface SelectOptions<T> { value?: T; label?: string }
export interface CheckboxOptions { label?: string }
export interface StepperOptions {
  /** The step shown first (default 0). */
  value?: number;
  label?: string;
  /** Milliseconds between steps while playing (default 400). */
  intervalMs?: number;
  /**
   * What each step stands for, one per step, shown next to the position ("64 (step 6 of 10)");
   * the stepper still returns the step, so read `values[step]`.
   */
  values?: readonly (string | number)[];
}

export interface DragPointOptions { label?: string }
export interface DragPointsOptions {
  label?: string;
  /** Fewest points the learner can leave (default 0). */
  min?: number;
  /** Most points the learner can add (default 50). */
  max?: number;
}
export interface DragDirectionOptions { label?: string }

export type ControlRequest =
  | { type: 'slider'; initial: number; options: SliderOptions }
  | { type: 'number'; initial: number; options: NumberOptions }
  | { type: 'select'; choices: (string | number)[]; options: SelectOptions<string | number> }
  | { type: 'checkbox'; initial: boolean; options: CheckboxOptions }
  | { type: 'button'; label: string }
  | { type: 'stepper'; count: number; options: StepperOptions }
  | { type: 'point'; initial: unknown; options: DragPointOptions }
  | { type: 'points'; initial: unknown; options: DragPointsOptions }
  | { type: 'direction'; initial: unknown; options: DragDirectionOptions };

export function resolveControl(request: ControlRequest, name: string, chosen: ControlValue | undefined): { spec: ControlSpec; value: ControlValue } {
  switch (request.type) {
    case 'slider': {
      const { initial, options } = request;
      const min = options.min ?? Math.min(0, initial);
      const max = options.max ?? Math.max(min + 1, initial === 0 ? 1 : Math.abs(initial) * 2);
      if (!(max > min)) throw new Error(`slider '${name}': max (${max}) must be greater than min (${min})`);
      const step = options.step ?? (Number.isInteger(min) && Number.isInteger(max) && Number.isInteger(initial) ? 1 : (max - min) / 100);
      const value = snap(typeof chosen === 'number' ? chosen : initial, min, max, step);
      return { spec: { type: 'slider', label: options.label ?? name, min, max, step }, value };
    }
    case 'number': {
      const { initial, options } = request;
      let value = typeof chosen === 'number' && Number.isFinite(chosen) ? chosen : initial;
      if (options.min !== undefined) value = Math.max(options.min, value);
      if (options.max !== undefined) value = Math.min(options.max, value);
      return { spec: { type: 'number', label: options.label ?? name, min: options.min, max: options.max, step: options.step }, value };
    }
    case 'select': {
      const { choices, options } = request;
      if (choices.length === 0) throw new Error(`select '${name}': give at least one option`);
      const fallback = options.value !== undefined && choices.includes(options.value) ? options.value : choices[0];
      const value = chosen !== undefined && choices.includes(chosen as string | number) ? (chosen as string | number) : fallback;
      return { spec: { type: 'select', label: options.label ?? name, options: choices }, value };
    }
    case 'checkbox':
      return { spec: { type: 'checkbox', label: request.options.label ?? name }, value: typeof chosen === 'boolean' ? chosen : request.initial };
    case 'button':
      return { spec: { type: 'button', label: request.label }, value: typeof chosen === 'number' ? chosen : 0 };
    case 'stepper': {
      const { count, options } = request;
      if (!Number.isInteger(count) || count < 1) throw new Error(`stepper '${name}': count must be a whole number ≥ 1, got ${count}`);
      const start = typeof chosen === 'number' ? chosen : (options.value ?? 0);
      const value = Math.min(count - 1, Math.max(0, Math.round(start)));
      const spec: ControlSpec = { type: 'stepper', label: options.label ?? name, count, intervalMs: options.intervalMs ?? 400 };
      if (options.values !== undefined) spec.values = stepValues(options.values, count, name);
      return { spec, value };
    }
    case 'point': {
      const initial = pair(request.initial);
      if (!initial) throw new Error(`dragPoint '${name}': the default must be [x, y] with finite numbers, got ${describe(request.initial)}`);
      return { spec: { type: 'point', label: request.options.label ?? name }, value: pair(chosen) ?? initial };
    }
    case 'points': {
      const { options } = request;
      const min = options.min ?? 0;
      const max = options.max ?? 50;
      if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 0 && max >= Math.max(min, 1))) throw new Error(`dragPoints '${name}': min and max must be whole numbers with 0 ≤ min ≤ max and max ≥ 1, got min ${min}, max ${max}`);
      const initial = pairs(request.initial);
      if (!initial) throw new Error(`dragPoints '${name}': the default must be a list of [x, y] points with finite numbers, got ${describe(request.initial)}`);
      if (initial.length < min || initial.length > max) throw new Error(`dragPoints '${name}': the default has ${initial.length} points, outside min ${min} … max ${max}`);
      const picked = pairs(chosen);
      const value = picked && picked.length >= min && picked.length <= max ? picked : initial;
      return { spec: { type: 'points', label: options.label ?? name, min, max }, value };
    }
    case 'direction': {
      const initial = unit(request.initial);
      if (!initial) throw new Error(`dragDirection '${name}': the default must be a non-zero [x, y], got ${describe(request.initial)}`);
      return { spec: { type: 'direction', label: request.options.label ?? name }, value: unit(chosen) ?? initial };
    }
  }
}

/** A fresh [x, y] of finite numbers, or undefined when the value is not one. */
function pair(value: unknown): number[] | undefined {
  return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v)) ? [value[0], value[1]] : undefined;
}

function pairs(value: unknown): number[][] | undefined {
  if (!Array.isArray(value)) return undefined;
  const found = value.map(pair);
  return found.every((p) => p !== undefined) ? (found as number[][]) : undefined;
}

/** The direction of a non-zero [x, y], as a unit vector. */
function unit(value: unknown): number[] | undefined {
  const p = pair(value);
  const length = p && Math.hypot(p[0], p[1]);
  return p && length ? [p[0] / length, p[1] / length] : undefined;
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A stepper's values as the text shown for each step: one per step, each a name or a finite number. */
function stepValues(values: unknown, count: number, name: string): string[] {
  if (!Array.isArray(values)) throw new Error(`stepper '${name}': values must be an array with one value per step, got ${typeof values}`);
  if (values.length !== count) throw new Error(`stepper '${name}': values has ${values.length} entries but there are ${count} steps; give one value per step`);
  return values.map((v: unknown, i) => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return formatNumber(v);
    throw new Error(`stepper '${name}': values[${i}] is ${String(v)}, expected a number or a name`);
  });
}

/** Clamps to [min, max] and rounds to the step grid (rounding error removed). */
function snap(value: number, min: number, max: number, step: number): number {
  const clamped = Math.min(max, Math.max(min, value));
  const steps = Math.round((clamped - min) / step);
  return Math.min(max, Number.parseFloat((min + steps * step).toPrecision(12)));
}
