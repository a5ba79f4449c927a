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
  /** Names other cells declare that this cell reads, passed as parameters in this order. */
  reads: string[];
  /** Names this cell declares, stored in the worker's environment after a successful run. */
  declares: string[];
  /** Current values of this cell's controls, by control name. */
  controls: Record<string, ControlValue>;
  /** Seed for Math.random and rng() defaults at the start of this run. */
  seed: number;
  /**
   * In a pass: the cell holds a value and was not asked for, so it runs only if a name it reads
   * changed in an earlier run of the same pass; otherwise it keeps its value ('kept').
   */
  mayKeep?: boolean;
  /**
   * 'stream': a live() value of the cell goes on after the run, each chunk updating the name and
   * its readers (the page). Otherwise live() computes every chunk within the run (headless).
   */
  liveValues?: 'stream';
}

export type ToRuntime =
  | RunRequest
  /**
   * Runs one after another, without a round trip to the scheduler between them: a run whose cell
   * reads a name that a failed or skipped run of the pass declares is 'skipped'; one that
   * `mayKeep` and reads no name changed in the pass is 'kept'.
   */
  | { type: 'pass'; runs: RunRequest[] }
  /** Drops the runs not started yet (they are answered 'dropped'): the scheduler plans again. */
  | { type: 'drop-queued' }
  /** Stops an async run at its next await of a runtime helper (tick, sleep, update). */
  | { type: 'cancel'; runId: number }
  /** Drops names from the environment (their cell was deleted or no longer declares them). */
  | { type: 'forget'; names: string[] }
  /**
   * The cell's last run is over for good (the cell was deleted, or failed before it could run):
   * the timers it set stop, and what they would still show or throw is dropped.
   */
  | { type: 'retire'; cellId: string }
  /** The page re-ran the readers of this run's newest live value: its next chunk may run. */
  | { type: 'live-continue'; runId: number }
  /** Stops every live value where it is (the learner interrupted). */
  | { type: 'stop-live' }
  /** Answer `settled` once the timers cells set that are due within `withinMs` have fired. */
  | { type: 'settle'; withinMs: number };

export type FromRuntime =
  | { type: 'ready' }
  /** A run's code starts now (the runs of a pass start one after another). */
  | { type: 'started'; runId: number }
  /** A run of a pass not needed: the names its cell reads came back unchanged. */
  | { type: 'kept'; runId: number }
  /** A run of a pass not started: a cell it reads from failed or was skipped. */
  | { type: 'skipped'; runId: number }
  /** Runs not started when the scheduler asked to drop them. */
  | { type: 'dropped'; runIds: number[] }
  | { type: 'output'; runId: number; output: Output }
  /**
   * A finished run's live() value has a new chunk: the name it declares holds it now, so its
   * readers are due. Its next chunk waits for 'live-continue' with this run id; `last`: none follows.
   */
  | { type: 'live-value'; runId: number; last: boolean }
  /** A run's live() value ended without a new value (its generator threw or returned nothing). */
  | { type: 'live-ended'; runId: number }
  | { type: 'output-update'; runId: number; output: Output }
  /**
   * `tensors`: TensorFlow.js tensors alive after the run (a count that grows on re-runs is a leak).
   * `unchanged`: the names the cell declares whose values equal those of its previous run
   * (same-value.ts), so cells reading only these need not run again.
   * `live`: the run's live() value goes on after it ('live-value' messages follow).
   */
  | { type: 'done'; runId: number; ok: true; durationMs: number; tensors?: number; unchanged?: string[]; live?: true }
  | { type: 'done'; runId: number; ok: false; durationMs: number; error: CellError; tensors?: number }
  /**
   * An error a finished run caused later (a timer callback threw, a promise it made was rejected
   * with no handler): shown on that run's cell as if the cell had thrown it.
   */
  | { type: 'late-error'; runId: number; error: CellError }
  /** An error that no cell can be blamed for. */
  | { type: 'fault'; message: string }
  /** Cell code closed the runtime (`self.close()`); `cellId` is the cell whose code did it. */
  | { type: 'closed'; cellId?: string }
  | { type: 'settled' };

const RUNTIME_TYPES = new Set(['ready', 'started', 'kept', 'skipped', 'dropped', 'output', 'output-update', 'done', 'late-error', 'fault', 'closed', 'settled', 'live-value', 'live-ended']);

/** Checks the shape of a message that claims to come from the runtime. */
export function isFromRuntime(value: unknown): value is FromRuntime {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !RUNTIME_TYPES.has(type)) return false;
  if (type === 'ready' || type === 'settled') return true;
  if (type === 'closed') return ['undefined', 'string'].includes(typeof (value as { cellId?: unknown }).cellId);
  if (type === 'fault') return typeof (value as { message?: unknown }).message === 'string';
  if (type === 'dropped') return Array.isArray((value as { runIds?: unknown }).runIds) && (value as { runIds: unknown[] }).runIds.every((id) => typeof id === 'number');
  return typeof (value as { runId?: unknown }).runId === 'number';
}
