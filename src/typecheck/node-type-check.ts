/**
 * The cell type checker in Node (headless runner, tests): Monaco's TypeScript and the cell
 * declarations are loaded once per process, on the first check.
 */
import { fileURLToPath } from 'node:url';
import type { CellSource } from '../kernel/types.ts';
import { cachedCellTypes } from '../ui/build/cell-types-plugin.ts';
import { CELL_LIBS } from './cell-compiler-options.ts';
import { CellTypeChecker, type TypeWarning } from './cell-type-checker.ts';
import { libFilesFor } from './lib-files.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let checker: Promise<CellTypeChecker> | undefined;

/** The type errors of a notebook's cells, by cell id. */
export async function typeCheckCells(cells: CellSource[]): Promise<Record<string, TypeWarning[]>> {
  checker ??= (async () => {
    const [{ typescript }, { libFileMap }] = await Promise.all([
      import('monaco-editor/languages/features/typescript/lib/typescriptServices.js'),
      import('monaco-editor/languages/features/typescript/lib/lib.js'),
    ]);
    return new CellTypeChecker(typescript, { ...libFilesFor(libFileMap, CELL_LIBS), ...cachedCellTypes(PROJECT_ROOT) });
  })();
  return (await checker).check(cells);
}
