// One name for the state of some files, for the caches of builds made from them (the command's
// bundle, the headless runtime, the cell declarations). Plain JavaScript: stepwise.mjs uses it
// before anything can load TypeScript.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A hash of each file's path (relative to `root`), size and modification time; a missing file
 * counts as such. Reading the files' contents would cost tens of ms at every start; a file edited
 * in place has a new time, so a stale build is never used.
 */
export function filesStateHash(root, relativePaths) {
  const hash = createHash('sha256');
  for (const path of relativePaths) {
    const state = statSync(join(root, path), { throwIfNoEntry: false });
    hash.update(`${path}\0${state?.size ?? -1}\0${state?.mtimeMs ?? -1}\0`);
  }
  return hash.digest('hex').slice(0, 16);
}
