import { beforeAll, describe, expect, it } from 'vitest';
import { typescript } from 'monaco-editor/languages/features/typescript/lib/typescriptServices.js';
import { libFileMap } from 'monaco-editor/languages/features/typescript/lib/lib.js';
import { CELL_LIBS } from '../../src/typecheck/cell-compiler-options.ts';
import { CellTypeChecker } from '../../src/typecheck/cell-type-checker.ts';
import { libFilesFor } from '../../src/typecheck/lib-files.ts';

// The checker with the libs only (no cell declarations): fast, and enough for its own logic.
let checker: CellTypeChecker;
beforeAll(() => {
  checker = new CellTypeChecker(typescript, libFilesFor(libFileMap, CELL_LIBS));
}, 120_000);

describe('CellTypeChecker', () => {
  it('reports a type error with its message, 1-based line and column in the cell, and code', () => {
    const warnings = checker.check([{ id: 'a', source: "// a comment\nconst n: number = 'fifty'" }]);
    expect(warnings).toEqual({ a: [{ message: "Type 'string' is not assignable to type 'number'.", line: 2, column: 7, code: 2322 }] });
  });

  it('knows the names other cells declare, as the kernel does', () => {
    const warnings = checker.check([
      { id: 'a', source: 'const k = 3' },
      { id: 'b', source: 'const twice: number = k * 2\nconst s: string = k' },
    ]);
    expect(warnings.a).toEqual([]);
    expect(warnings.b.map((w) => [w.line, w.code])).toEqual([[2, 2322]]);
  });

  it('allows what cells may do: top-level await and an early return', () => {
    const warnings = checker.check([{ id: 'a', source: 'await new Promise((r) => setTimeout(r, 1))\nif (Math.random() > 2) return\nconst x = 1' }]);
    expect(warnings.a).toEqual([]);
  });

  it('forgets deleted cells, and a cell added back with the same id is checked as it is now', () => {
    checker.check([{ id: 'a', source: 'const gone = 1' }, { id: 'b', source: 'const y: number = gone' }]);
    expect(checker.check([{ id: 'b', source: 'const y: number = gone' }]).b.map((w) => w.code)).toEqual([2304]); // cannot find name
    expect(checker.check([{ id: 'a', source: "const gone = 'one'" }, { id: 'b', source: 'const y: number = gone' }]).b.map((w) => w.code)).toEqual([2322]);
  });

  it('flattens a chained message into lines', () => {
    const warnings = checker.check([{ id: 'a', source: 'function f(p: [number, number]) { return p }\nf([1, 2].map((x) => x))' }]);
    expect(warnings.a[0].message).toBe("Argument of type 'number[]' is not assignable to parameter of type '[number, number]'.\n  Target requires 2 element(s) but source may have fewer.");
  });
});

describe('libFilesFor', () => {
  it('follows the lib references and names a lib TypeScript does not have', () => {
    const files = libFilesFor(libFileMap, ['es2023']);
    expect(Object.keys(files)).toContain('lib.es5.d.ts');
    expect(Object.keys(files)).not.toContain('lib.dom.d.ts');
    expect(() => libFilesFor(libFileMap, ['es1999'])).toThrow("type check: TypeScript has no lib.es1999.d.ts (asked for lib 'es1999')");
  });
});
