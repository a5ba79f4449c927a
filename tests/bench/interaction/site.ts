/** The built site (shipped notebooks only) served locally, for the benchmarks that drive Chromium. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build, preview, type Plugin, type PreviewServer } from 'vite';
import { freePort } from '../../e2e/global-setup.ts';

/** Its own output folder (not dist/, nor the app group's), so another build meanwhile cannot mix files. */
const OUT_DIR = 'node_modules/.cache/stepwise-bench-dist-interaction';
const PROBES = fileURLToPath(new URL('./page-probes.js', import.meta.url));

/** What page-probes.js posts from `probed.html` once the first figure is drawn (unwatched-visits.ts). */
export interface VisitMarks {
  proseAt: number;
  firstFigureAt: number;
  /** When the first of the figures' pictures from the last visit was painted (absent: none shown). */
  pictureAt?: number;
  longTasks: { start: number; duration: number }[];
  width: number;
}

export interface Site {
  /** The address of the site's root, ending in '/'. */
  url: string;
  /** The marks the next page opened at `probed.html` posts. */
  nextMarks(timeoutMs: number): Promise<VisitMarks>;
  close(): Promise<void>;
}

/** Builds the site, unless `reuse` and a build is there already (BENCH_REUSE_BUILD=1, when only the benchmark changed). */
export async function serveBuiltSite(reuse = false): Promise<Site> {
  delete process.env.STEPWISE_NOTEBOOK_DIRS;
  if (!reuse || !existsSync(`${OUT_DIR}/index.html`)) await build({ logLevel: 'error', build: { outDir: OUT_DIR, emptyOutDir: true } });
  const port = await freePort();
  const waiting: ((marks: VisitMarks) => void)[] = [];
  const server: PreviewServer = await preview({
    logLevel: 'error',
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port, strictPort: true },
    plugins: [probedPage((marks) => waiting.shift()?.(marks))],
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    nextMarks: (timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no marks from probed.html within ${timeoutMs} ms`)), timeoutMs);
        waiting.push((marks) => {
          clearTimeout(timer);
          resolve(marks);
        });
      }),
    close: () => server.close(),
  };
}

/**
 * `probed.html`: the site's page with page-probes.js first in its head (before the CSP, which
 * would refuse it), told to post its marks to `__marks`, where they are handed to `receive`.
 */
function probedPage(receive: (marks: VisitMarks) => void): Plugin {
  return {
    name: 'stepwise-bench-probed-page',
    configurePreviewServer(server) {
      server.middlewares.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
        const path = (request.url ?? '').split(/[?#]/)[0];
        if (path === '/probed.html') {
          const page = readFileSync(`${OUT_DIR}/index.html`, 'utf8').replace('<head>', '<head><script src="./__probes.js" data-report="./__marks"></script>');
          response.setHeader('content-type', 'text/html');
          response.end(page);
        } else if (path === '/__probes.js') {
          response.setHeader('content-type', 'text/javascript');
          response.end(readFileSync(PROBES));
        } else if (path === '/__marks' && request.method === 'POST') {
          let body = '';
          request.on('data', (chunk: Buffer) => (body += chunk));
          request.on('end', () => {
            response.end();
            receive(JSON.parse(body) as VisitMarks);
          });
        } else next();
      });
    },
  };
}

/** Every shipped notebook's slug (notebooks/*.md), so a new notebook is measured without listing it here. */
export function shippedNotebooks(): string[] {
  return readdirSync('notebooks')
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -'.md'.length))
    .sort();
}
