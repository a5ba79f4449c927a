import { describe, expect, it } from 'vitest';
import { globalsDeclaration, listExports, resolveRelative } from '../../src/ui/build/declaration-exports.ts';

const files: Record<string, string> = {
  'src/prelude.d.ts': [
    "import * as tf from '@tensorflow/tfjs';",
    "import type { Handle } from './handle.ts';",
    "export * from './lib/index.ts';",
    "export { Matrix } from 'ml-matrix';",
    'export { tf };',
    'export type { Handle };',
    'export declare const display: (value: unknown) => Handle;',
  ].join('\n'),
  'src/handle.d.ts': 'export interface Handle<T = unknown> {\n    update(value: T): void;\n}\n',
  'src/lib/index.d.ts': "export { KMeans, type KMeansOptions } from './kmeans.ts';\nexport declare function rng(seed?: number): number;\n",
  'src/lib/kmeans.d.ts': 'export interface KMeansOptions {\n}\nexport declare class KMeans {\n}\n',
};

describe('listExports', () => {
  it('follows export * chains and tells values, types and classes apart', () => {
    const names = Object.fromEntries(listExports(files, 'src/prelude.d.ts').map((item) => [item.name, item]));
    expect(names.display).toEqual({ name: 'display', kind: 'value', generic: false });
    expect(names.tf.kind).toBe('value');
    expect(names.Matrix.kind).toBe('both');
    expect(names.Handle).toEqual({ name: 'Handle', kind: 'type', generic: true });
    expect(names.KMeans.kind).toBe('both');
    expect(names.KMeansOptions.kind).toBe('type');
    expect(names.rng.kind).toBe('value');
  });

  it('says which declaration file is missing', () => {
    expect(() => listExports(files, 'src/nope.d.ts')).toThrow(/no declaration file src\/nope\.d\.ts/);
  });
});

describe('globalsDeclaration', () => {
  it('declares each value as a const and each non-generic type as an alias', () => {
    const text = globalsDeclaration('./src/prelude.ts', listExports(files, 'src/prelude.d.ts'));
    expect(text).toContain('  const display: typeof Prelude.display;');
    expect(text).toContain('  const KMeans: typeof Prelude.KMeans;\n  type KMeans = Prelude.KMeans;');
    expect(text).not.toContain('type Handle');
    expect(text).not.toContain('const KMeansOptions');
  });
});

describe('resolveRelative', () => {
  it('resolves a specifier to the declaration file next to the importer', () => {
    expect(resolveRelative('src/kernel/runtime/prelude.d.ts', '../../ml/index.ts')).toBe('src/ml/index.d.ts');
    expect(resolveRelative('src/a.d.ts', './b')).toBe('src/b.d.ts');
  });
});
