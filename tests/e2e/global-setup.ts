/**
 * Builds the site (with the e2e fixture notebooks) into its own folder, E2E_OUT_DIR (the repo's
 * dist/ stays the real site, without test notebooks), and serves it with `vite preview` on a
 * free local port for the end-to-end tests; `inject('baseUrl')` gives its address.
 */
import { createServer } from 'node:net';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { chromiumLaunch } from '../../vite.config.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** vite.config.ts's Chromium flags (the config cannot be imported inside a test worker). */
    chromiumLaunch: { executablePath: string; args: string[] };
  }
}

/** The notebook folders of the test build: the real ones and the fixtures. */
export const E2E_NOTEBOOK_DIRS = 'notebooks,tests/e2e/fixtures';
/** Where the test build goes (ignored by git with the rest of node_modules). */
export const E2E_OUT_DIR = 'node_modules/.cache/stepwise/e2e-site';

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  process.env.STEPWISE_NOTEBOOK_DIRS = E2E_NOTEBOOK_DIRS;
  await build({ logLevel: 'warn', build: { outDir: E2E_OUT_DIR, emptyOutDir: true } });
  const port = await freePort();
  server = await preview({ logLevel: 'warn', build: { outDir: E2E_OUT_DIR }, preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  project.provide('chromiumLaunch', chromiumLaunch);
}

export async function teardown(): Promise<void> {
  await server?.close();
  server = undefined;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
