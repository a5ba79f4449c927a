import type { RunContext } from './run-context.ts';

/**
 * The run whose cell code is executing now. The scheduler runs one cell at a time, so this is
 * the run that global helpers (and library code's console calls) belong to.
 */
let current: RunContext | undefined;

export function setActiveRun(run: RunContext | undefined): void {
  current = run;
}

export function activeRun(): RunContext | undefined {
  return current;
}

export function requireActiveRun(helper: string): RunContext {
  if (!current) throw new Error(`${helper}() can only be called while a cell runs`);
  return current;
}
