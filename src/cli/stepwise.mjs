#!/usr/bin/env node
// The `stepwise` command. Plain JavaScript so it starts without a build step: it runs the
// TypeScript CLI (main.ts) from one bundled module, made from the sources the first time they
// are seen (through tsx, which loads the builder) and cached. Loading the CLI's ~100 modules
// through tsx at every start took ~0.7 s of a run that is ~1.7 s in all.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliBundlePath } from './cli-bundle-path.mjs';

const bundle = cliBundlePath(fileURLToPath(new URL('../../', import.meta.url)));
const entry = join(bundle, 'main.mjs');
const built = await access(entry).then(() => true, () => false);
if (!built) {
  const { register } = await import('tsx/esm/api');
  register();
  const { buildCliBundle } = await import('./build-cli-bundle.ts');
  await buildCliBundle(bundle);
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
