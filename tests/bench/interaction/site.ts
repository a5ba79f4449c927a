/** The built site (shipped notebooks only) served locally, for the benchmarks that drive Chromium. */
import { existsSync, readdirSync } from 'node:fs';
import { build, preview, type PreviewServer } from 'vite';
import { freePort } from '../../e2e/global-setup.ts';

/** Its own output folder (not dist/, nor the app group's), so another build meanwhile cannot mix files. */
const OUT_DIR = 'node_modules/.cache/stepwise-bench-dist-interaction';

export interface Site {
  /** The address of the site's root, ending in '/'. */
  url: string;
  close(): Promise<void>;
}

/** Builds the site, unless `reuse` and a build is there already (BENCH_REUSE_BUILD=1, when only the benchmark changed). */
export async function serveBuiltSite(reuse = false): Promise<Site> {
  delete process.env.STEPWISE_NOTEBOOK_DIRS;
  if (!reuse || !existsSync(`${OUT_DIR}/index.html`)) await build({ logLevel: 'error', build: { outDir: OUT_DIR, emptyOutDir: true } });
  const port = await freePort();
  const server: PreviewServer = await preview({ logLevel: 'error', build: { outDir: OUT_DIR }, preview: { host: '127.0.0.1', port, strictPort: true } });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/** Every shipped notebook's slug (notebooks/*.md), so a new notebook is measured without listing it here. */
export function shippedNotebooks(): string[] {
  return readdirSync('notebooks')
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -'.md'.length))
    .sort();
}
