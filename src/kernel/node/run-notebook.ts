import { codeCells, parseNotebook, type CodeBlock } from '../../notebook/index.ts';
import type { TypeWarning } from '../../typecheck/cell-type-checker.ts';
import { typeCheckCells } from '../../typecheck/node-type-check.ts';
import type { CellError, ControlValue, KernelSession, Output } from '../types.ts';
import { createNodeSession } from './create-node-session.ts';
import type { SandboxLimits } from './sandbox-command.ts';

/** One code cell's result in a headless run (the shape `stepwise run --json` prints). */
export interface CellReport {
  /** 0-based position among the notebook's code cells. */
  index: number;
  /** 1-based line of the cell's opening fence in the file. */
  fileLine: number;
  status: 'ok' | 'error';
  durationMs: number;
  outputs: Output[];
  error?: CellError;
  /** The cell's type errors (with `typeCheck`; only when there are some). They do not fail the run. */
  warnings?: TypeWarning[];
}

export interface RunReport {
  ok: boolean;
  cells: CellReport[];
  /** Live TensorFlow.js tensors after each run of the whole notebook (see `repeat`). */
  tensorsAfterRun: number[];
}

export interface RunOptions extends SandboxLimits {
  timeoutMs?: number;
  controls?: Record<string, ControlValue>;
  /** Run the whole notebook this many times (default 1): a tensor count that grows leaks. */
  repeat?: number;
  /** With `repeat`: stop after a run that leaves no tensor alive (nothing is kept, so nothing can leak). */
  repeatOnlyWithTensors?: boolean;
  /** Also type-check the cells as the editor does, reporting type errors as `warnings`. */
  typeCheck?: boolean;
}

/** How long after the last cell the report waits for timers cells set (a late error is the cell's). */
const SETTLE_MS = 1000;

/**
 * Runs every code cell of a notebook in a fresh sandboxed Node process with the same analysis,
 * graph, scheduler and runtime as the browser. Throws NotebookFormatError for a malformed file.
 */
export async function runNotebook(source: string | Uint8Array, file: string, options: RunOptions = {}): Promise<RunReport> {
  const notebook = parseNotebook(source, file);
  const cells = codeCells(notebook);
  const { timeoutMs = 30_000, controls, memoryMb, allowNetwork } = options;
  const session = createNodeSession({ timeoutMs, initialControls: controls, memoryMb, allowNetwork });
  try {
    // While the sandbox process starts (its runtime takes a second to load), the type check runs
    // here; it ends before the first cell is sent, so its work is not counted in the cells' times.
    const warnings = options.typeCheck ? await typeCheckCells(cells) : {};
    session.setCells(cells.map((c) => ({ id: c.id, source: c.source })));
    let tensors = 0;
    session.onCellChange((_, view) => {
      if (view.tensors !== undefined) tensors = view.tensors;
    });
    const tensorsAfterRun: number[] = [];
    for (let i = 0; i < (options.repeat ?? 1); i++) {
      await session.runAll();
      // A timer a cell set may still throw (or show more): wait for those due soon.
      await session.settle(SETTLE_MS);
      tensorsAfterRun.push(tensors);
      if (options.repeatOnlyWithTensors && tensors === 0) break;
    }
    const reports = cellReports(session, cells, warnings);
    return { ok: reports.every((r) => r.status === 'ok'), cells: reports, tensorsAfterRun };
  } finally {
    session.dispose();
  }
}

/** What each cell of a session shows now, in the notebook's order, as the report gives it. */
export function cellReports(session: KernelSession, cells: Pick<CodeBlock, 'id' | 'line'>[], warnings: Record<string, TypeWarning[]> = {}): CellReport[] {
  return cells.map((cell, index): CellReport => {
    const view = session.view(cell.id)!;
    const ok = view.state === 'done';
    const cellWarnings = warnings[cell.id] ?? [];
    return {
      index,
      fileLine: cell.line,
      status: ok ? 'ok' : 'error',
      durationMs: Math.round((view.durationMs ?? 0) * 10) / 10,
      outputs: view.outputs,
      ...(ok || !view.error ? {} : { error: view.error }),
      ...(cellWarnings.length > 0 ? { warnings: cellWarnings } : {}),
    };
  });
}
