import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:stepwise-plotly-url';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
const require = createRequire(import.meta.url);

/** Plotly's official bundles, as their packages ship them (UMD scripts that set `window.Plotly`). */
const BUNDLES = {
  cartesian: 'plotly.js-cartesian-dist-min/plotly-cartesian.min.js',
  full: 'plotly.js-dist-min/plotly.min.js',
} as const;

/**
 * V8's explicit compile hint: compile every function of the file eagerly, off the main thread
 * while it downloads. Plotly defines its whole library inside functions that run at once, which
 * V8 otherwise compiles lazily, on the main thread, as they are first called.
 */
const COMPILE_EVERYTHING = '//# allFunctionsCalledOnLoad\n';

/**
 * `import plotlyUrls from 'virtual:stepwise-plotly-url'`: the addresses of Plotly's two bundles,
 * in a build each a file of its own as the package ships it (with the compile hint), which
 * load-plotly.ts runs as a classic script. Imported as a module, a bundle became one function
 * the bundler wraps around it: Chromium could not compile it ahead, and its evaluation on a first
 * visit was one task of ~0.9 s here against ~0.5 s for the script with the hint (the cartesian
 * bundle in a fresh context, 4 loads each). The dev server serves the packages' files as they are.
 */
export function plotlyUrlPlugin(): Plugin {
  let building = false;
  return {
    name: 'stepwise-plotly-url',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      if (!building) {
        const served = Object.entries(BUNDLES).map(([bundle, path]) => `${bundle}: ${JSON.stringify(`/@fs${require.resolve(path)}`)}`);
        return `export default { ${served.join(', ')} };`;
      }
      const urls = Object.entries(BUNDLES).map(([bundle, path]) => {
        const source = COMPILE_EVERYTHING + readFileSync(require.resolve(path), 'utf8');
        const file = this.emitFile({ type: 'asset', name: path.split('/').pop(), source });
        return `${bundle}: import.meta.ROLLUP_FILE_URL_${file}`;
      });
      return `export default { ${urls.join(', ')} };`;
    },
  };
}
