import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import solid from 'vite-plugin-solid';
import { catalogPlugin } from './src/ui/build/catalog-plugin.ts';
import { cellTypesPlugin } from './src/ui/build/cell-types-plugin.ts';
import { stepwiseRuntime } from './src/kernel/build/runtime-plugin.ts';
import { cspPlugin } from './src/ui/build/csp-plugin.ts';
import { plotlyUrlPlugin } from './src/ui/build/plotly-url-plugin.ts';
import { mathFontsPlugin } from './src/ui/build/math-fonts-plugin.ts';

/**
 * Debian's Chromium as its headless shell (the same engine without the browser's own interface),
 * started with the flags that work on these machines (see README). The full browser, headless,
 * still builds its window's interface for every new context: two renderers for the address bar's
 * popup, ~2 s of CPU each time, measured here (12 s against 2 s for five contexts), which on two
 * cores slowed every test and every benchmark beside it. `--site-per-process`: the shell does not
 * isolate sites by default; the browser does, and gives the sandbox frame a process of its own
 * (the out-of-memory tests and the speed of messages depend on it).
 */
export const chromiumLaunch = {
  executablePath: '/usr/bin/chromium-headless-shell',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--site-per-process',
  ],
};

export default defineConfig({
  base: './',
  plugins: [solid(), stepwiseRuntime(), catalogPlugin(), cellTypesPlugin(), cspPlugin(), plotlyUrlPlugin(), mathFontsPlugin()],
  // The type-check worker imports the cell declarations and libs (src/typecheck/type-check.worker.ts).
  worker: { plugins: () => [cellTypesPlugin()] },
  test: {
    // vite-plugin-solid would switch every project to jsdom; node tests and browser mode need none.
    environment: 'node',
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Two test files at a time even on a 2-core machine (vitest's default would be one there):
    // most files wait on a child process or a browser. Measured on clean-clone CI runs with 55
    // notebooks: two took 842 s (the cores 66 % busy), three 901 s (each file slower beside two).
    maxWorkers: 2,
    // Loaded only under vitest: the app's own build and dev server need none of vitest/node.
    sequence: process.env.VITEST ? { sequencer: (await import('./tests/support/longest-first-sequencer.ts')).default } : {},
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**', 'tests/e2e/**'],
          globalSetup: ['tests/support/node-runtime-setup.ts'],
          testTimeout: 30_000,
          // The unit files share each worker's modules instead of importing the library (and
          // TensorFlow.js, TypeScript) afresh per file: that import was ~150 s of a CI run. The
          // files keep no state between them (their mocks and fake timers are undone after each).
          isolate: false,
        },
      },
      {
        // End-to-end: the built site served locally, driven in Chromium with playwright-core.
        // Two files at a time like the rest: a file's browser keeps about one and a half cores
        // busy and waits on pages the rest of the time; the tests wait for states, with timeouts
        // made for a loaded machine, so a neighbour's load slows them without failing them.
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunch }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
