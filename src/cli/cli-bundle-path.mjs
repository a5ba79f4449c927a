// Where the `stepwise` command's bundle for the sources as they are now is kept (see stepwise.mjs).
// Plain JavaScript: it runs before anything can load TypeScript.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { filesStateHash } from './files-state-hash.mjs';

/** The bundle's folder under `projectRoot`'s node_modules/.cache/stepwise, named by the state of src/ and the lock file. */
export function cliBundlePath(projectRoot) {
  const sources = readdirSync(join(projectRoot, 'src'), { recursive: true }).map((name) => join('src', name)).sort();
  return join(projectRoot, 'node_modules', '.cache', 'stepwise', `cli-${filesStateHash(projectRoot, [...sources, 'package-lock.json'])}`);
}
