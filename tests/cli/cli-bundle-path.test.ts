import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliBundlePath } from '../../src/cli/cli-bundle-path.mjs';

let root: string;
afterEach(() => rm(root, { recursive: true, force: true }));

describe('the stepwise command’s cached bundle', () => {
  it('keeps its name while the sources stay as they are, and gets a new one when a source, a new file or the lock file changes', async () => {
    root = await mkdtemp(join(tmpdir(), 'stepwise-cli-bundle-'));
    await mkdir(join(root, 'src', 'kernel'), { recursive: true });
    await writeFile(join(root, 'src', 'main.ts'), 'export const a = 1');
    await writeFile(join(root, 'package-lock.json'), '{}');
    const first = cliBundlePath(root);
    expect(first).toMatch(/node_modules\/\.cache\/stepwise\/cli-[0-9a-f]{16}$/);
    expect(first.startsWith(root)).toBe(true);
    expect(cliBundlePath(root)).toBe(first);

    const seen = new Set([first]);
    const changes = [
      () => writeFile(join(root, 'src', 'main.ts'), 'export const a = 12'),
      () => writeFile(join(root, 'src', 'kernel', 'session.ts'), 'export {}'),
      () => writeFile(join(root, 'package-lock.json'), '{ "lockfileVersion": 3 }'),
    ];
    for (const change of changes) {
      await change();
      const now = cliBundlePath(root);
      expect(seen.has(now)).toBe(false);
      seen.add(now);
    }
  });
});
