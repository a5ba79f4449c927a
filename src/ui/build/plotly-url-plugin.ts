import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:stepwise-plotly-url';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/**
 * `import plotlyUrl from 'virtual:stepwise-plotly-url'`: the address of the chunk that
 * `import('plotly.js-cartesian-dist-min')` loads (the same chunk: an emitted chunk of a module is
 * the one its dynamic imports reach), so the page can have it fetched and compiled early without
 * running it (ui/output/load-plotly.ts). Undefined in the dev server, which serves modules as asked.
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
      if (!building) return 'export default undefined;';
      const chunk = this.emitFile({ type: 'chunk', id: 'plotly.js-cartesian-dist-min' });
      return `export default import.meta.ROLLUP_FILE_URL_${chunk};`;
    },
  };
}
