import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import { scriptOfBuild } from './script-of-build.ts';

const VIRTUAL_ID = 'virtual:stepwise-tfjs';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
const srcRoot = fileURLToPath(new URL('../../', import.meta.url));
const entry = fileURLToPath(new URL('../runtime/tfjs-entry.ts', import.meta.url));
const onDemand = fileURLToPath(new URL('../runtime/tfjs-on-demand.ts', import.meta.url));
/** How the library and the runtime import TensorFlow.js (type-only imports are left as they are: they import nothing). */
const NAMESPACE_IMPORT = /import \* as tf from '@tensorflow\/tfjs';/g;

/**
 * For the sandbox runtime's builds (runtime-plugin.ts for the worker, node/runtime-bundle.ts for
 * the headless runner): TensorFlow.js is evaluated on first use, not at boot (see
 * runtime/tfjs-on-demand.ts). The library's `import * as tf from '@tensorflow/tfjs'` becomes an
 * import of that module's `tf`, and `virtual:stepwise-tfjs` evaluates TensorFlow.js, built apart:
 * - for the worker, its text travels inside the runtime's script (a worker can fetch nothing);
 * - for the headless runner, it is a CommonJS file beside the runtime's (`nodeFile`, a path
 *   relative to it), required on first use: as text inside the runtime it cost every process
 *   ~0.2 s to read past.
 */
export function lazyTfjs(where: { target: 'browser' } | { target: 'node'; nodeFile: string }): Plugin {
  return {
    name: 'stepwise-lazy-tfjs',
    enforce: 'pre',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      if (where.target === 'node') {
        return `import { createRequire } from 'node:module';\nexport const evaluateTfjs = () => createRequire(import.meta.url)(${JSON.stringify(`./${where.nodeFile}`)});`;
      }
      // Evaluated as a CommonJS module whose `require` is never called (the worker's build maps Node's built-ins away).
      return `const source = ${JSON.stringify(await buildTfjs('browser'))};
export function evaluateTfjs() {
  const module = { exports: {} };
  new Function('require', 'module', 'exports', source)(() => ({}), module, module.exports);
  return module.exports;
}`;
    },
    transform(code, id) {
      if (!id.startsWith(srcRoot) || id === onDemand || id === entry || !code.includes('@tensorflow/tfjs')) return undefined;
      const rewritten = code.replace(NAMESPACE_IMPORT, `import { tf } from ${JSON.stringify(onDemand)};`);
      // Any other value import or re-export would load TensorFlow.js at boot, or not at all: say where.
      if (/^(?:import(?! type )|export)[^;]*from '@tensorflow\/tfjs'/m.test(rewritten)) {
        this.error(`${id}: import TensorFlow.js as \`import * as tf from '@tensorflow/tfjs'\`, which the runtime loads on first use (lazy-tfjs-plugin.ts)`);
      }
      return { code: rewritten, map: null };
    },
  };
}

/** TensorFlow.js set up for the sandbox (runtime/tfjs-entry.ts) as CommonJS: for a browser (Node's built-ins mapped away, as its package asks) or for Node. */
export async function buildTfjs(target: 'browser' | 'node'): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    ...(target === 'node' ? { ssr: { noExternal: true, target: 'node' as const } } : {}),
    build: {
      write: false,
      minify: target === 'browser',
      sourcemap: false,
      ...(target === 'node'
        ? { ssr: entry, rolldownOptions: { output: { format: 'cjs' as const, codeSplitting: false } } }
        : { lib: { entry, formats: ['cjs' as const], fileName: () => 'tfjs.js' } }),
    },
  });
  return scriptOfBuild(result, 'stepwise-lazy-tfjs: the TensorFlow.js build');
}
