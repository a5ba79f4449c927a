/**
 * The kernel's contract with the rest of the app: plain data only, so it crosses the page ↔
 * sandbox boundary by structured clone and tests can compare it with toEqual.
 */
import type { Figure } from '../plot/figure.ts';
import type { CellError } from './cell-contract.ts';

/** A control rendered for an input helper (`slider`, `select`, …). */
export type ControlSpec =
  | { type: 'slider'; label: string; min: number; max: number; step: number }
  | { type: 'number'; label: string; min?: number; max?: number; step?: number }
  | { type: 'select'; label: string; options: (string | number)[] }
  | { type: 'checkbox'; label: string }
  | { type: 'button'; label: string }
  /**
   * A slider over 0..count-1 with play/pause; `intervalMs` between frames while playing;
   * `values`, when given, is what each step stands for, as shown ("64" for dₖ at step 6).
   */
  | { type: 'stepper'; label: string; count: number; intervalMs: number; values?: string[] }
  /**
   * Figure inputs: values the learner sets on a figure (withInputs) or in the cell's boxes.
   * A point is [x, y]; points a list of them (between min and max points); a direction a unit [x, y].
   */
  | { type: 'point'; label: string }
  | { type: 'points'; label: string; min: number; max: number }
  | { type: 'direction'; label: string };

/** A figure input's value: a point or direction [x, y], or a list of points. */
export type ShapeValue = number[] | number[][];
export type ControlValue = number | string | boolean | ShapeValue;

/**
 * One thing a cell shows. `id` is the order in which the run showed it (`out-0`, `out-1`, …), so
 * the same output of the next run has the same id and the page can redraw it in place.
 */
export type Output =
  | { id: string; kind: 'text'; text: string }
  | { id: string; kind: 'figure'; figure: Figure }
  | { id: string; kind: 'table'; columns: string[]; rows: (string | number | boolean | null)[][]; totalRows: number }
  | { id: string; kind: 'markdown'; markdown: string }
  | { id: string; kind: 'log'; level: 'log' | 'info' | 'warn' | 'error' | 'debug'; text: string }
  | { id: string; kind: 'control'; name: string; control: ControlSpec; value: ControlValue }
  | { id: string; kind: 'progress'; label: string; value: number; max: number };

export type OutputKind = Output['kind'];

/** An output before the runtime gives it an id. */
export type OutputBody = Output extends infer O ? (O extends Output ? Omit<O, 'id'> : never) : never;

/** A cell's error (defined with the rest of the analyser–runtime contract). */
export type { CellError };

export type CellState = 'idle' | 'queued' | 'running' | 'done' | 'error';

/** Everything the UI needs to draw a cell's run. A fresh object on every change. */
export interface CellView {
  state: CellState;
  outputs: Output[];
  error?: CellError;
  /** Wall time of the last finished run, or of the current run so far when it started. */
  durationMs?: number;
  /** TensorFlow.js tensors alive in the runtime after this cell's last run. */
  tensors?: number;
  /** `performance.now()` on the page when the current run started (for a live timer). */
  startedAt?: number;
  /** Names this cell declares, and the names of other cells it reads (from analysis): the dependency graph. */
  declares: string[];
  reads: string[];
}

export type KernelStatus = 'starting' | 'ready' | 'busy' | 'restarting' | 'dead';

/** A cell as the kernel receives it: an id stable across edits, and its TypeScript source. */
export interface CellSource {
  id: string;
  source: string;
}

/**
 * A running notebook. The browser one runs cells in the sandbox (kernel/host); the headless one
 * in a sandboxed Node process (kernel/node). Both share analysis, graph and scheduler.
 */
export interface KernelSession {
  /** Replaces the notebook's cells. Re-analyses changed sources; runs nothing. */
  setCells(cells: CellSource[]): void;
  /** Runs every cell in dependency order. Resolves when the run finishes or is superseded. */
  runAll(): Promise<void>;
  /**
   * Runs these cells and everything downstream of them, each once, in topological order. A held
   * cell among `cellIds` is released: the learner asked for it by name.
   */
  run(cellIds: string[]): Promise<void>;
  /**
   * Keeps a cell from running, failing with `error` instead (and its readers stale), until its
   * source changes or it is run by name: the tab stopped while it ran on an earlier visit.
   */
  hold(cellId: string, error: CellError): void;
  /**
   * Sets a control's value (the control named `name` shown by `cellId`) and re-runs from there;
   * `onScreen`: the cells whose figures the learner sees, whose inputs run first.
   */
  setControl(cellId: string, name: string, value: ControlValue, onScreen?: readonly string[]): Promise<void>;
  /**
   * Starts each control from these values (by control name, as `setControl` names it) instead of
   * its default, and forgets the values set since: the learner's values kept from an earlier
   * visit, or `{}` to go back to the defaults. Takes effect on the next run.
   */
  restoreControls(values: Record<string, ControlValue>): void;
  /** Stops the running cell (a fresh worker replaces a stuck one) and restores upstream state. */
  interrupt(): Promise<void>;
  /** Throws away all state and starts a fresh worker; cells go back to idle. */
  restart(): Promise<void>;
  view(cellId: string): CellView | undefined;
  onCellChange(listener: (cellId: string, view: CellView) => void): () => void;
  onStatus(listener: (status: KernelStatus, message?: string) => void): () => void;
  dispose(): void;
}
