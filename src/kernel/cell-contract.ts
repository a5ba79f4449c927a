/**
 * The contract between the analyser (which rewrites a cell's code on the page) and the runtime
 * (which runs it in the sandbox): the reserved names of the rewritten body, the helpers a cell
 * receives, the modules it may import, and the shape of a cell's error. Both sides import this
 * file and nothing else of each other, so the sandbox bundle carries no analyser code.
 */

/** Reserved names the rewritten body uses to talk to the runtime. */
export const RUNTIME_PARAM = '__sw';
export const LAST_VALUE = '__sw_last';

/** Helpers that make a control: a call assigned to a top-level name makes a control named after it. */
export const INPUT_HELPERS = ['slider', 'number', 'select', 'checkbox', 'button', 'stepper', 'dragPoint', 'dragPoints', 'dragDirection'] as const;

/** Helpers made per run and passed to the cell as parameters (they shadow any global of the same name). */
export const PER_RUN_HELPERS = ['console', 'display', 'md', 'progress', 'tick', 'sleep', 'live', ...INPUT_HELPERS] as const;

/** Modules a cell may import; everything in them is also available as globals. */
export const IMPORTABLE_MODULES = ['@tensorflow/tfjs', 'ml-matrix', 'stepwise'] as const;

/**
 * An error shown on a cell. Lines and columns are 1-based and point into the cell's own
 * TypeScript source. `kind` says whose fault it is and so what the learner can do.
 */
export interface CellError {
  kind: 'syntax' | 'runtime' | 'duplicate' | 'cycle' | 'upstream' | 'timeout' | 'interrupted' | 'crash';
  message: string;
  line?: number;
  column?: number;
  /** For 'upstream': the id of the failed cell this one is waiting on. */
  upstreamCellId?: string;
}
