/**
 * Messages between the scheduler (page or Node main thread) and the runtime (sandboxed worker or
 * sandboxed Node process). Plain data only.
 */
import type { CellError, ControlValue, Output } from './types.ts';

export interface RunRequest {
  type: 'run';
  runId: number;
  cellId: string;
  /** The rewritten JavaScript body (analysis/rewrite.ts). */
  body: string;
  /** Names of other cells' outputs this cell reads, passed as parameters in this order. */
  inputs: string[];
  /** Names this cell declares, stored in the worker's environment after a successful run. */
  outputs: string[];
  /** Current values of this cell's controls, by control name. */
  controls: Record<string, ControlValue>;
  /** Seed for Math.random and rng() defaults at the start of this run. */
  seed: number;
}

export type ToRuntime =
  | RunRequest
  /** Stops an async run at its next await of a runtime helper (tick, sleep, update). */
  | { type: 'cancel'; runId: number }
  /** Drops names from the environment (their cell was deleted or changed its outputs). */
  | { type: 'forget'; names: string[] };

export type FromRuntime =
  | { type: 'ready' }
  | { type: 'output'; runId: number; output: Output }
  | { type: 'output-update'; runId: number; output: Output }
  /** `tensors`: TensorFlow.js tensors alive after the run (a count that grows on re-runs is a leak). */
  | { type: 'done'; runId: number; ok: true; durationMs: number; tensors?: number }
  | { type: 'done'; runId: number; ok: false; durationMs: number; error: CellError; tensors?: number }
  /** An error outside any cell (e.g. a timer callback threw after its cell finished). */
  | { type: 'fault'; message: string };

const RUNTIME_TYPES = new Set(['ready', 'output', 'output-update', 'done', 'fault']);

/** Checks the shape of a message that claims to come from the runtime. */
export function isFromRuntime(value: unknown): value is FromRuntime {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !RUNTIME_TYPES.has(type)) return false;
  if (type === 'ready') return true;
  if (type === 'fault') return typeof (value as { message?: unknown }).message === 'string';
  return typeof (value as { runId?: unknown }).runId === 'number';
}
