// A page for the kernel benchmark: exposes measurements of the sandboxed session to the driver.
import { createBrowserSession } from '../../../src/kernel/host/index.ts';
import { dependentCells, waitUntilSettled } from '../kernel-cells.ts';

async function controlToOutputs(rounds: number): Promise<number[]> {
  const session = await createBrowserSession();
  session.setCells(dependentCells(10));
  await session.runAll();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await session.setControl('source', 'x', i + 2);
    times.push(performance.now() - t0);
  }
  session.dispose();
  return times;
}

async function interruptToRestored(rounds: number): Promise<number[]> {
  const session = await createBrowserSession();
  const times: number[] = [];
  session.setCells([
    { id: 'data', source: 'const data = makeBlobs({ nSamples: 300, seed: 1 })' },
    { id: 'model', source: 'const model = new KMeans({ nClusters: 3 }).fit(data.X)' },
    { id: 'stuck', source: 'const spin = model; while (true) {}' },
  ]);
  for (let i = 0; i < rounds; i++) {
    const run = i === 0 ? session.runAll() : session.run(['stuck']);
    await waitUntilSettled(() => session.view('stuck')?.state === 'running');
    const t0 = performance.now();
    await session.interrupt();
    await run;
    times.push(performance.now() - t0);
  }
  session.dispose();
  return times;
}

Object.assign(window, { controlToOutputs, interruptToRestored });
