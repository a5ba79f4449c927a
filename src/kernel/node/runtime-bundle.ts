import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const entry = fileURLToPath(new URL('./child-entry.ts', import.meta.url));
const cacheDir = join(projectRoot, 'node_modules', '.cache', 'stepwise');
/** What ends up inside the headless runtime: the sandbox runtime's folders, this entry, the lock file. */
const SOURCES = ['src/ml', 'src/plot', 'src/kernel/runtime', 'src/analysis', 'src/kernel/protocol.ts', 'src/kernel/types.ts', 'src/kernel/node/child-entry.ts', 'package-lock.json'];

let ready: Promise<string> | undefined;

/**
 * The headless runtime as one self-contained ES module file (library, TensorFlow.js and all), so
 * that its process can run with read access to that one file and nothing else. Built with Vite
 * on first use and cached under node_modules/.cache, keyed by a hash of the sources that go in.
 */
export function nodeRuntimeBundle(): Promise<string> {
  ready ??= buildIfStale().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

async function buildIfStale(): Promise<string> {
  const file = join(cacheDir, `node-runtime-${await sourceHash()}.mjs`);
  try {
    await readFile(file, { flag: 'r' }).then(() => undefined);
    return file;
  } catch {
    // Not built yet for these sources.
  }
  const code = await bundle();
  await mkdir(cacheDir, { recursive: true });
  // Written aside and renamed, so a runner started meanwhile never reads half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, code);
  await rename(temporary, file);
  await removeOthers(file);
  return file;
}

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for (const file of await filesUnder(join(projectRoot, source))) {
      hash.update(relative(projectRoot, file)).update('\0').update(await readFile(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

async function filesUnder(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return [path];
  const nested = await Promise.all(
    entries.sort((a, b) => a.name.localeCompare(b.name)).map((e) => (e.isDirectory() ? filesUnder(join(path, e.name)) : [join(path, e.name)])),
  );
  return nested.flat();
}

async function bundle(): Promise<string> {
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    root: projectRoot,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: entry,
      write: false,
      minify: false,
      sourcemap: false,
      rolldownOptions: { output: { format: 'es', codeSplitting: false } },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    const chunk = output.output.find((item) => item.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('stepwise: the headless runtime build produced no script');
}

async function removeOthers(keep: string): Promise<void> {
  for (const name of await readdir(cacheDir)) {
    const path = join(cacheDir, name);
    if (path !== keep && name.startsWith('node-runtime-') && name.endsWith('.mjs')) await rm(path, { force: true });
  }
}
