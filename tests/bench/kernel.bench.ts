import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { analyzeCell } from '../../src/analysis/index.ts';
import { createNodeSession } from '../../src/kernel/node/create-node-session.ts';
import { stepwiseRuntime } from '../../src/kernel/build/runtime-plugin.ts';
import { chromiumLaunch } from '../../vite.config.ts';
import { measure, report, summarize } from './harness.ts';
import { dependentCells, fiftyLineCell } from './kernel-cells.ts';

/** Kernel speed: analysis, control → dependents re-run (Node and browser), interrupt (browser). */
export default async function kernelBench(): Promise<void> {
  const source = fiftyLineCell();
  let i = 0;
  const analysis = await measure(() => analyzeCell(`bench${i++}`, source), 200, 20);
  report('analyze a 50-line cell', analysis, null, '≤ 1 ms median');

  const session = createNodeSession();
  session.setCells(dependentCells(10));
  await session.runAll();
  let value = 2;
  const node = await measure(() => session.setControl('source', 'x', value++), 50, 5);
  report('control → 10 dependent cells re-run, outputs posted (Node worker thread)', node, null, '≤ 20 ms median');
  session.dispose();

  const server = await createServer({
    configFile: false,
    root: fileURLToPath(new URL('./kernel-page/', import.meta.url)),
    plugins: [stepwiseRuntime()],
    server: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  await server.listen();
  const browser = await chromium.launch({ ...chromiumLaunch, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(server.resolvedUrls!.local[0]);
    await page.waitForFunction(() => 'controlToOutputs' in window);
    const control = await page.evaluate(() => (window as unknown as { controlToOutputs(n: number): Promise<number[]> }).controlToOutputs(50));
    report('control → 10 dependent cells re-run, outputs posted (Chromium sandbox)', summarize(control.slice(5)), null, '≤ 20 ms median');
    const interrupt = await page.evaluate(() => (window as unknown as { interruptToRestored(n: number): Promise<number[]> }).interruptToRestored(7));
    report('interrupt while (true) {} → fresh worker, upstream restored (Chromium sandbox)', summarize(interrupt), null, '≤ 500 ms median');
  } finally {
    await browser.close();
    await server.close();
  }
}
