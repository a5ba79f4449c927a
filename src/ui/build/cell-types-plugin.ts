/**
 * Vite plugin: the virtual module `virtual:stepwise-cell-types`, the declaration files Monaco
 * needs for IntelliSense in cells. They are generated from the cell prelude with the native
 * `tsc --emitDeclarationOnly` (never written by hand), plus the packages the prelude re-exports.
 * And `virtual:stepwise-cell-libs`, the TypeScript lib files the type-check worker needs (Monaco's
 * own worker has all of them; this worker ships only the ones cells are checked against).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { globalsDeclaration, listExports } from './declaration-exports.ts';
import { CELL_LIBS } from '../../typecheck/cell-compiler-options.ts';
import { libFilesFor } from '../../typecheck/lib-files.ts';
import { filesStateHash } from '../../cli/files-state-hash.mjs';

const MODULE_ID = 'virtual:stepwise-cell-types';
const RESOLVED_ID = '\0' + MODULE_ID;
const LIBS_ID = 'virtual:stepwise-cell-libs';
const RESOLVED_LIBS_ID = '\0' + LIBS_ID;
const PRELUDE = 'src/kernel/runtime/prelude.ts';
/** Where the declarations live in Monaco's virtual file system. */
const PROJECT_URI = 'file:///stepwise/';
const PACKAGES_URI = 'file:///node_modules/';
/** Folders whose sources the declarations come from (a change there regenerates them in dev). */
const SOURCE_DIRS = ['src/ml', 'src/plot', 'src/kernel/runtime'];

/**
 * The cell declarations, from a cache in node_modules/.cache keyed by the sources they are made
 * from: tsc takes seconds, and the headless runner's type check needs them on every run.
 */
export function cachedCellTypes(root: string): Record<string, string> {
  const cacheDir = join(root, 'node_modules', '.cache', 'stepwise-cell-types');
  const cacheFile = join(cacheDir, `${cellTypesSourceHash(root)}.json`);
  try {
    return JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, string>;
  } catch (error) {
    // Not made yet (or just replaced by a parallel build after a source changed): make it.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const files = generateCellTypes(root);
  mkdirSync(cacheDir, { recursive: true });
  // Older sources' entries go; written whole, then renamed, so a parallel build never reads half a file.
  for (const name of readdirSync(cacheDir)) if (name.endsWith('.json')) rmSync(join(cacheDir, name), { force: true });
  writeFileSync(`${cacheFile}.${process.pid}`, JSON.stringify(files));
  renameSync(`${cacheFile}.${process.pid}`, cacheFile);
  return files;
}

/**
 * A hash of what the cell declarations are made from: every source (the prelude's imports reach
 * beyond SOURCE_DIRS, e.g. kernel/types.ts) and the lock file (the packages' declarations and
 * tsc's version), by each file's path, size and modification time (filesStateHash).
 */
export function cellTypesSourceHash(root: string): string {
  return filesStateHash(root, [...[...walk(join(root, 'src'), /\.tsx?$/)].map((file) => relative(root, file)), 'package-lock.json']);
}

/** Runs tsc on the prelude and returns every declaration file Monaco needs, by file URI. */
export function generateCellTypes(root: string): Record<string, string> {
  // One folder per process: several builds may run at once on a shared checkout.
  const outDir = join(root, 'node_modules', '.cache', `stepwise-cell-types-${process.pid}`);
  rmSync(outDir, { recursive: true, force: true });
  const tsc = join(root, 'node_modules', '.bin', 'tsc');
  const args = [
    '--ignoreConfig', '--declaration', '--emitDeclarationOnly', '--outDir', outDir, '--rootDir', root,
    '--target', 'ES2022', '--module', 'ESNext', '--moduleResolution', 'bundler', '--allowImportingTsExtensions',
    '--skipLibCheck', '--strict', '--lib', 'ES2023,DOM', '--types', 'node', join(root, PRELUDE),
  ];
  const result = spawnSync(tsc, args, { cwd: root, encoding: 'utf8' });
  const preludeDeclaration = join(outDir, PRELUDE.replace(/\.ts$/, '.d.ts'));
  if (!existsSync(preludeDeclaration)) {
    throw new Error(`cell types: tsc emitted no ${preludeDeclaration}; its output was:\n${result.stdout}${result.stderr}${result.error ?? ''}`);
  }

  // Our own declarations, keyed by their path in the project ('src/ml/index.d.ts').
  const project: Record<string, string> = {};
  for (const file of walk(outDir)) project[relative(outDir, file).split(sep).join('/')] = readFileSync(file, 'utf8');
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(project)) files[PROJECT_URI + path] = text;

  rmSync(outDir, { recursive: true, force: true });
  const names = listExports(project, PRELUDE.replace(/\.ts$/, '.d.ts'));
  files[PROJECT_URI + 'cell-globals.d.ts'] = globalsDeclaration('./' + PRELUDE, names);
  Object.assign(files, packageDeclarations(root));
  return files;
}

/** ml-matrix and the parts of TensorFlow.js a cell is likely to touch (core ops and layers). */
function packageDeclarations(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const modules = join(root, 'node_modules');
  files[PACKAGES_URI + 'ml-matrix/index.d.ts'] = readFileSync(join(modules, 'ml-matrix', 'matrix.d.ts'), 'utf8');
  for (const pkg of ['@tensorflow/tfjs-core', '@tensorflow/tfjs-layers']) {
    const dist = join(modules, pkg, 'dist');
    for (const file of walk(dist)) {
      if (/(_test|test_util|\.test)\.d\.ts$/.test(file)) continue;
      files[`${PACKAGES_URI}${pkg}/dist/${relative(dist, file).split(sep).join('/')}`] = readFileSync(file, 'utf8');
    }
    files[`${PACKAGES_URI}${pkg}/package.json`] = JSON.stringify({ name: pkg, types: 'dist/index.d.ts' });
  }
  files[PACKAGES_URI + '@tensorflow/tfjs/index.d.ts'] = "export * from '@tensorflow/tfjs-core';\nexport * from '@tensorflow/tfjs-layers';\n";
  return files;
}

function* walk(dir: string, pattern = /\.d\.ts$/): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path, pattern);
    else if (pattern.test(name)) yield path;
  }
}

/** The plugin. The declarations are generated once per build, and again in dev when a source changes. */
export function cellTypesPlugin(): Plugin {
  let root = process.cwd();
  let cached: Record<string, string> | undefined;
  return {
    name: 'stepwise-cell-types',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === MODULE_ID ? RESOLVED_ID : id === LIBS_ID ? RESOLVED_LIBS_ID : undefined;
    },
    async load(id) {
      if (id === RESOLVED_LIBS_ID) {
        const { libFileMap } = await import('monaco-editor/languages/features/typescript/lib/lib.js');
        return `export default ${JSON.stringify(libFilesFor(libFileMap, CELL_LIBS))};\n`;
      }
      if (id !== RESOLVED_ID) return undefined;
      cached ??= cachedCellTypes(root);
      return `export default ${JSON.stringify(cached)};\n`;
    },
    handleHotUpdate({ file, server }) {
      const path = relative(root, file).split(sep).join('/');
      if (!SOURCE_DIRS.some((dir) => path.startsWith(dir + '/'))) return;
      cached = undefined;
      const module = server.moduleGraph.getModuleById(RESOLVED_ID);
      if (module) server.moduleGraph.invalidateModule(module);
    },
  };
}
