/**
 * The cell type checker in Node (headless runner, tests). Checking costs ~1.5 s of CPU (loading
 * Monaco's TypeScript and the cell declarations, then the check), so results are kept in
 * node_modules/.cache/stepwise/type-check, keyed by the cells' sources and everything the
 * declarations are made from: a notebook checked before is answered from there.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CellSource } from '../kernel/types.ts';
import { cachedCellTypes, cellTypesSourceHash } from '../ui/build/cell-types-plugin.ts';
import { CELL_LIBS } from './cell-compiler-options.ts';
import { CellTypeChecker, type TypeWarning } from './cell-type-checker.ts';
import { libFilesFor } from './lib-files.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CACHE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'stepwise', 'type-check');
/** Results kept; older ones go (each edit of a cell makes a new entry). */
const CACHE_ENTRIES = 200;

let checker: Promise<CellTypeChecker> | undefined;

/** The type errors of a notebook's cells, by cell id. */
export async function typeCheckCells(cells: CellSource[], cacheDir = CACHE_DIR): Promise<Record<string, TypeWarning[]>> {
  const file = join(cacheDir, `${cacheKey(cells)}.json`);
  const cached = await readCached(file);
  // Stored by the cells' places (ids differ between parses of the same file).
  if (cached) return Object.fromEntries(cells.flatMap((cell, i) => (cached[i] ? [[cell.id, cached[i]]] : [])));
  const warnings = await uncachedCheck(cells);
  await store(file, cells.map((cell) => warnings[cell.id] ?? null), cacheDir);
  return warnings;
}

async function uncachedCheck(cells: CellSource[]): Promise<Record<string, TypeWarning[]>> {
  checker ??= (async () => {
    const [{ typescript }, { libFileMap }] = await Promise.all([
      import('monaco-editor/languages/features/typescript/lib/typescriptServices.js'),
      import('monaco-editor/languages/features/typescript/lib/lib.js'),
    ]);
    return new CellTypeChecker(typescript, { ...libFilesFor(libFileMap, CELL_LIBS), ...cachedCellTypes(PROJECT_ROOT) });
  })();
  return (await checker).check(cells);
}

/** The cells' sources in order, the libs they are checked against, and the sources of the declarations (and so of the checker). */
function cacheKey(cells: CellSource[]): string {
  const hash = createHash('sha256').update(cellTypesSourceHash(PROJECT_ROOT)).update('\0').update(CELL_LIBS.join(',')).update('\0');
  for (const cell of cells) hash.update(cell.source).update('\0');
  return hash.digest('hex').slice(0, 32);
}

async function readCached(file: string): Promise<(TypeWarning[] | null)[] | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as (TypeWarning[] | null)[];
  } catch {
    return undefined; // not checked yet (or being replaced)
  }
}

async function store(file: string, warnings: (TypeWarning[] | null)[], cacheDir: string): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  // Written aside and renamed, so a runner started meanwhile never reads half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(warnings));
  await rename(temporary, file);
  await prune(cacheDir);
}

async function prune(cacheDir: string): Promise<void> {
  const names = (await readdir(cacheDir)).filter((name) => name.endsWith('.json'));
  if (names.length <= CACHE_ENTRIES) return;
  const dated = await Promise.all(names.map(async (name) => ({ name, at: (await stat(join(cacheDir, name)).catch(() => undefined))?.mtimeMs ?? 0 })));
  dated.sort((a, b) => a.at - b.at);
  for (const { name } of dated.slice(0, names.length - CACHE_ENTRIES)) await rm(join(cacheDir, name), { force: true });
}
