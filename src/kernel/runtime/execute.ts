import { LAST_VALUE, PER_RUN_HELPERS, RUNTIME_PARAM, type CellError } from '../cell-contract.ts';
import { inspect } from './inspect.ts';
import { CancelledError, type RunContext } from './run-context.ts';

type AsyncFn = (...args: unknown[]) => Promise<{ values: Record<string, unknown>; last: unknown }>;
const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => AsyncFn;

const STRICT = '"use strict";';
/** V8 puts `(async function anonymous(params\n) {\n` before the body: two lines. */
const WRAPPER_LINES = 2;

export interface CompiledCell {
  fn: AsyncFn;
  params: string[];
}

/**
 * Compiles a cell body into an async function of (runtime, helpers…, the names it reads…). Strict mode so a
 * typo'd assignment is an error instead of a hidden global shared between cells.
 */
export function compileCell(cellId: string, body: string, reads: string[], declares: string[]): CompiledCell | { error: CellError } {
  const taken = new Set([...reads, ...declares]);
  const helpers = PER_RUN_HELPERS.filter((h) => !taken.has(h));
  const params = [RUNTIME_PARAM, LAST_VALUE, ...helpers, ...reads];
  try {
    const fn = new AsyncFunction(...params, `${STRICT}${body}\n//# sourceURL=${cellUrl(cellId)}`);
    return { fn, params };
  } catch (error) {
    // Analysis parsed this body already, so this is rare (e.g. strict-mode-only syntax errors).
    return { error: { kind: 'syntax', message: `${(error as Error).name}: ${(error as Error).message}` } };
  }
}

export function cellUrl(cellId: string): string {
  return `stepwise-cell-${encodeURIComponent(cellId)}.js`;
}

/** Arguments for a compiled cell, in the order of its params. */
export function cellArguments(compiled: CompiledCell, context: RunContext, runtime: object, env: Map<string, unknown>): unknown[] {
  return compiled.params.map((name) => {
    if (name === RUNTIME_PARAM) return runtime;
    if (name === LAST_VALUE) return undefined;
    if ((PER_RUN_HELPERS as readonly string[]).includes(name)) return (context as unknown as Record<string, unknown>)[name];
    return env.get(name);
  });
}

/**
 * The learner-facing form of a thrown value: message plus the line and column in the cell's
 * TypeScript (the first stack frame inside this cell; library frames are skipped).
 */
export function describeError(error: unknown, cellId: string): CellError {
  if (error instanceof CancelledError) return { kind: 'interrupted', message: error.message };
  if (!(error instanceof Error)) return { kind: 'runtime', message: `Uncaught ${inspect(error, 0, new Set(), true)}` };

  let message = `${error.name}: ${error.message}`;
  if (error instanceof ReferenceError && /is not defined$/.test(error.message)) {
    const name = error.message.split(' ')[0];
    message += `. No cell declares \`${name}\` and it is not a built-in: check the spelling, or declare it in a cell.`;
  }
  const location = locate(error.stack ?? '', cellId);
  return { kind: 'runtime', message, ...location };
}

/** The cell whose code is nearest the top of a stack trace, if any cell's is on it. */
export function cellOfStack(stack: string): string | undefined {
  const match = /stepwise-cell-(.+?)\.js:\d+:\d+/.exec(stack);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

function locate(stack: string, cellId: string): { line?: number; column?: number } {
  const url = cellUrl(cellId).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${url}:(\\d+):(\\d+)`).exec(stack);
  if (!match) return {};
  const line = Number(match[1]) - WRAPPER_LINES;
  let column = Number(match[2]);
  if (line === 1) column = Math.max(1, column - STRICT.length);
  return { line, column };
}
