import { build, type Plugin, type ViteDevServer } from 'vite';
import { fileURLToPath } from 'node:url';
import { lazyTfjs } from './lazy-tfjs-plugin.ts';
import { scriptOfBuild } from './script-of-build.ts';

const VIRTUAL_ID = 'virtual:stepwise-runtime';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
const entry = fileURLToPath(new URL('../runtime/browser-entry.ts', import.meta.url));
const srcRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Folders whose code ends up inside the sandbox runtime. */
const RUNTIME_DIRS = ['ml/', 'plot/', 'kernel/runtime/', 'analysis/'].map((d) => srcRoot + d);

/**
 * `import loadRuntime from 'virtual:stepwise-runtime'` gives a function that resolves to the
 * sandbox runtime as one classic script (a Blob). It is a separate library build because only a
 * classic Blob worker starts inside an opaque-origin frame; the page hands the Blob to the frame.
 * In a build the runtime is its own file, fetched: embedded in a JS module as a string, its
 * 1.4 MB were parsed as JavaScript on every page load before the worker parsed them again. It
 * stays a Blob (a handle, not its bytes) on its way: as text, the frame's process took ~0.15 s
 * to receive it (a window message between processes is slow to read, frame-document.ts).
 */
export function stepwiseRuntime(): Plugin {
  let bundled: Promise<string> | undefined;
  let serving = false;
  return {
    name: 'stepwise-runtime',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      bundled ??= bundleRuntime();
      const source = await bundled;
      if (serving) return `export default async () => new Blob([${JSON.stringify(source)}], { type: 'text/javascript' });`;
      const file = this.emitFile({ type: 'asset', name: 'stepwise-runtime.js', source });
      // Fetched once (a notebook page asks for it early, then its kernel), again after a failure.
      return `let loading;
export default function loadRuntime() {
  loading ??= fetchRuntime().catch((error) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
async function fetchRuntime() {
  const response = await fetch(import.meta.ROLLUP_FILE_URL_${file});
  if (!response.ok) throw new Error('The sandbox runtime did not load (HTTP ' + response.status + ').');
  // Typed here whatever the server said: a worker runs only a script served as JavaScript.
  return new Blob([await response.blob()], { type: 'text/javascript' });
}`;
    },
    configureServer(server: ViteDevServer) {
      // In dev, an edit to code that runs in the sandbox rebuilds the runtime on next load.
      server.watcher.on('change', (file) => {
        if (!RUNTIME_DIRS.some((dir) => file.startsWith(dir))) return;
        bundled = undefined;
        const module = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (module) server.moduleGraph.invalidateModule(module);
      });
    },
  };
}

async function bundleRuntime(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [lazyTfjs({ target: 'browser' })],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      lib: { entry, formats: ['iife'], name: 'StepwiseRuntime', fileName: () => 'runtime.js' },
      // TensorFlow.js's own build, awaited inside a plugin hook, is not a slow plugin (lazy-tfjs-plugin.ts).
      rolldownOptions: { checks: { bundlerTimings: false } },
    },
  });
  return scriptOfBuild(result, 'stepwise-runtime: the runtime build');
}
