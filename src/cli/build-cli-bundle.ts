/**
 * Builds the `stepwise` command (main.ts and what it imports from src/) into ES modules, for
 * stepwise.mjs to run without loading TypeScript. The packages that read and analyse a notebook go
 * in too: loaded from node_modules as many CommonJS files they took ~0.13 s of every run, a third
 * of it finding the files.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const entry = fileURLToPath(new URL('./main.ts', import.meta.url));
/** The packages bundled in; the rest (Vite, loaded to build the runtime; Monaco's TypeScript, to type-check) stay imports. */
const BUNDLED_PACKAGES = ['yaml', 'sucrase', 'acorn', 'eslint-scope'];

/**
 * Writes the bundle into the folder `dir` (built aside, then renamed: a command started meanwhile
 * never reads half of it), its entry `main.mjs`, and removes older bundles. Modules the CLI loads
 * only when needed (Vite, to build the runtime) stay in chunks of their own, loaded then.
 */
export async function buildCliBundle(dir: string): Promise<void> {
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    root: projectRoot,
    logLevel: 'warn',
    plugins: [pathsFromSourceFiles()],
    ssr: { noExternal: BUNDLED_PACKAGES },
    build: {
      ssr: entry,
      write: false,
      minify: false,
      sourcemap: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'main.mjs', chunkFileNames: '[name]-[hash].mjs' }, checks: { bundlerTimings: false } },
    },
  });
  const chunks = (Array.isArray(result) ? result : [result]).flatMap((output) => ('output' in output ? output.output : [])).filter((item) => item.type === 'chunk');
  if (!chunks.some((chunk) => chunk.fileName === 'main.mjs')) throw new Error('stepwise: the command’s bundle has no main.mjs');
  const temporary = `${dir}.${process.pid}.tmp`;
  await mkdir(temporary, { recursive: true });
  for (const chunk of chunks) await writeFile(join(temporary, chunk.fileName), chunk.code);
  try {
    await rename(temporary, dir);
  } catch (error) {
    // Another command built the same bundle first: its copy is as good.
    await rm(temporary, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY' && (error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  for (const name of await readdir(dirname(dir))) {
    if (/^cli-[0-9a-f]+$/.test(name) && name !== basename(dir)) await rm(join(dirname(dir), name), { recursive: true, force: true });
  }
}

/**
 * Modules find files next to their source (`new URL('../..', import.meta.url)`: the project's
 * root, the runtime's entry). In one bundle `import.meta.url` is the bundle's, so each such URL is
 * made from the module's own source file instead.
 */
function pathsFromSourceFiles(): Plugin {
  return {
    name: 'stepwise-cli-source-urls',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(join(projectRoot, 'src')) || !code.includes('import.meta.url')) return undefined;
      return code.replace(/new URL\(([^()]*), import\.meta\.url\)/g, (_, path: string) => `new URL(${path}, ${JSON.stringify(pathToFileURL(id).href)})`);
    },
  };
}
