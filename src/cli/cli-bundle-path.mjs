// Where the `stepwise` command's bundle for the sources as they are now is kept (see stepwise.mjs).
// Plain JavaScript: it runs before anything can load TypeScript.
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The bundle's folder under `projectRoot`'s node_modules/.cache/stepwise, named by the state of
 * src/ and the lock file: each file's path, size and modification time. Reading the files'
 * contents would cost more than the bundle saves; a file edited in place has a new time.
 */
export async function cliBundlePath(projectRoot) {
  const files = [...(await readdir(join(projectRoot, 'src'), { recursive: true })).map((name) => join('src', name)).sort(), 'package-lock.json'];
  const states = await Promise.all(files.map((file) => stat(join(projectRoot, file)).catch(() => undefined)));
  const hash = createHash('sha256');
  files.forEach((file, i) => hash.update(`${file}\0${states[i]?.size ?? -1}\0${states[i]?.mtimeMs ?? -1}\0`));
  return join(projectRoot, 'node_modules', '.cache', 'stepwise', `cli-${hash.digest('hex').slice(0, 16)}`);
}
