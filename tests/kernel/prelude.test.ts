import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as prelude from '../../src/kernel/runtime/prelude.ts';
import { PER_RUN_HELPERS } from '../../src/kernel/cell-contract.ts';

describe('cell globals (runtime/prelude.ts)', () => {
  it('no name is exported by two library folders (export * would silently drop it)', async () => {
    const root = join(import.meta.dirname, '../../src');
    const folders = readdirSync(join(root, 'ml'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `ml/${d.name}`);
    const owners = new Map<string, string[]>();
    for (const folder of [...folders, 'plot']) {
      const module = await import(join(root, folder, 'index.ts'));
      for (const name of Object.keys(module)) owners.set(name, [...(owners.get(name) ?? []), folder]);
    }
    const clashes = [...owners].filter(([, where]) => where.length > 1).map(([name, where]) => `${name}: ${where.join(', ')}`);
    expect(clashes).toEqual([]);
    for (const name of owners.keys()) expect(prelude, name).toHaveProperty(name);
  });

  it('exports every per-run helper a cell receives, plus tf, Matrix, rng and plot', () => {
    for (const name of [...PER_RUN_HELPERS.filter((h) => h !== 'console'), 'tf', 'Matrix', 'rng', 'plot']) {
      expect(prelude, name).toHaveProperty(name);
    }
  });

  it('global helpers called outside a cell run say so', () => {
    expect(() => prelude.display(1)).toThrow('display() can only be called while a cell runs');
  });
});
