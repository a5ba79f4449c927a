import type { CellError } from '../kernel/cell-contract.ts';
import { transpile } from './transpile.ts';
import { parseCell } from './parse.ts';
import { cellScope } from './scope.ts';
import { rewriteCell, toSourceColumn, type ColumnShift } from './rewrite.ts';

/**
 * A cell as plain data: the contract between the analyser and the runtime.
 * `reads` are all free names it reads (the graph decides which are other cells' declarations and
 * which are globals); `declares` are its top-level declarations; `body` is the JavaScript body of
 * an async function (see rewrite.ts) whose line numbers match the TypeScript source.
 */
export interface CellAnalysis {
  id: string;
  reads: string[];
  declares: string[];
  /** Free names the cell assigns to. */
  assigns: string[];
  body: string;
  /** Where the rewrite moved code right on a line, to map runtime columns back to the source. */
  shifts: ColumnShift[];
  error?: CellError;
}

export function analyzeCell(id: string, source: string): CellAnalysis {
  const failed = (error: CellError): CellAnalysis => ({ id, reads: [], declares: guessDeclarations(source), assigns: [], body: '', shifts: [], error });

  const js = transpile(source);
  if ('error' in js) return failed(js.error);
  const parsed = parseCell(js.code);
  if ('error' in parsed) return failed(parsed.error);

  const scope = cellScope(parsed.program);
  const rewritten = rewriteCell(js.code, parsed.program, scope.declares, new Set(scope.reads));
  if ('error' in rewritten) return failed(rewritten.error);

  return { id, reads: scope.reads, declares: scope.declares, assigns: scope.assigns, body: rewritten.body, shifts: rewritten.shifts };
}

/** A runtime error's position, moved from the rewritten body back into the cell's source. */
export function errorInSource(analysis: CellAnalysis, error: CellError): CellError {
  if (error.line === undefined || error.column === undefined) return error;
  return { ...error, column: toSourceColumn(analysis.shifts, error.line, error.column) };
}

/**
 * The names a cell that does not parse most likely declares: unindented `const x`, `let x`,
 * `function f`, `class C`. With them, the cells that use those names wait on the broken cell
 * ("Waiting on cell 2") instead of failing with "x is not defined".
 */
function guessDeclarations(source: string): string[] {
  const names: string[] = [];
  const declaration = /^(?:const|let|var|(?:async\s+)?function\*?|class)\s+([A-Za-z_$][\w$]*)/;
  for (const line of source.split('\n')) {
    const name = declaration.exec(line)?.[1];
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}
