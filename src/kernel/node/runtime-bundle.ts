import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { basename, join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { scriptOfBuild } from '../build/script-of-build.ts';
import { filesStateHash } from '../../cli/files-state-hash.mjs';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const entry = fileURLToPath(new URL('./child-entry.ts', import.meta.url));
const cacheDir = join(projectRoot, 'node_modules', '.cache', 'stepwise');
/** What ends up inside the headless runtime: the sandbox runtime's folders, this entry, the lock file. */
const SOURCES = ['src/ml', 'src/plot', 'src/kernel/runtime', 'src/analysis', 'src/kernel/protocol.ts', 'src/kernel/types.ts', 'src/kernel/node/child-entry.ts', 'src/kernel/build/lazy-tfjs-plugin.ts', 'package-lock.json'];

/** The headless runtime's files: its process may read these and nothing else. */
export interface NodeRuntime {
  /** The runtime (library, plot helpers, cell runner) as one self-contained ES module. */
  entry: string;
  /** TensorFlow.js as CommonJS, required by the runtime when a notebook first uses it (build/lazy-tfjs-plugin.ts). */
  tfjs: string;
}

let ready: Promise<NodeRuntime> | undefined;

/**
 * The headless runtime as self-contained files, so that its process can run with read access
 * to them and nothing else. Built with Vite on first use and cached under node_modules/.cache,
 * keyed by the state of the sources that go in (sourceHash).
 */
export function nodeRuntimeBundle(): Promise<NodeRuntime> {
  ready ??= buildIfStale().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

async function buildIfStale(): Promise<NodeRuntime> {
  const name = `node-runtime-${sourceHash()}`;
  const files = { entry: join(cacheDir, `${name}.mjs`), tfjs: join(cacheDir, `${name}.tfjs.cjs`) };
  if (existsSync(files.entry)) return files;
  // Vite is loaded only to build: a runner whose runtime is cached starts without it.
  const { buildTfjs, lazyTfjs } = await import('../build/lazy-tfjs-plugin.ts');
  const [code, tfjs] = await Promise.all([bundle(lazyTfjs({ target: 'node', nodeFile: basename(files.tfjs) })), buildTfjs('node')]);
  await mkdir(cacheDir, { recursive: true });
  // Each written aside and renamed, TensorFlow.js first, so a runner started meanwhile never
  // reads half a file, nor a runtime without its TensorFlow.js.
  for (const [file, text] of [[files.tfjs, tfjs], [files.entry, code]]) {
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, file);
  }
  await removeOthers(name);
  return files;
}

/**
 * Names the sources' state by each file's path, size and modification time (reading and hashing
 * their contents took ~0.2 s of every run). Synchronous (a few ms): the runtime's process then
 * starts at once, not after the runner's own synchronous work.
 */
function sourceHash(): string {
  return filesStateHash(projectRoot, SOURCES.flatMap((source) => filesUnder(join(projectRoot, source))).map((file) => relative(projectRoot, file)));
}

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(path, entry.name)) : [join(path, entry.name)]));
}

async function bundle(lazyTfjs: Plugin): Promise<string> {
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    root: projectRoot,
    logLevel: 'warn',
    plugins: [lazyTfjs],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: entry,
      write: false,
      minify: false,
      sourcemap: false,
      // TensorFlow.js's own build, awaited inside a plugin hook, is not a slow plugin (lazy-tfjs-plugin.ts).
      rolldownOptions: { output: { format: 'es', codeSplitting: false }, checks: { bundlerTimings: false } },
    },
  });
  return scriptOfBuild(result, 'stepwise: the headless runtime build');
}

/** Removes the files of runtimes built from other sources. */
async function removeOthers(keep: string): Promise<void> {
  for (const name of await readdir(cacheDir)) {
    if (name.startsWith('node-runtime-') && !name.startsWith(`${keep}.`)) await rm(join(cacheDir, name), { force: true });
  }
}
