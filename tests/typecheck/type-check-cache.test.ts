import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { typeCheckCells } from '../../src/typecheck/node-type-check.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'stepwise-type-check-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const wrongNumber = { message: "Type 'string' is not assignable to type 'number'.", line: 1, column: 7, code: 2322 };

// Loading TypeScript and the cell declarations takes seconds on a busy machine.
describe('the headless type check cache', { timeout: 120_000 }, () => {
  it('answers a notebook checked before from the cache, by the cells’ places, whatever their ids', async () => {
    const cells = [{ id: 'a', source: "const n: number = 'x'" }, { id: 'b', source: 'n + 1' }];
    expect(await typeCheckCells(cells, cacheDir)).toMatchObject({ a: [wrongNumber] });
    const [entry] = readdirSync(cacheDir);
    // What is stored is what is answered (the entry is replaced here to tell it from a new check).
    writeFileSync(join(cacheDir, entry), JSON.stringify([null, [{ ...wrongNumber, message: 'from the cache' }]]));
    expect(await typeCheckCells([{ id: 'x', source: cells[0].source }, { id: 'y', source: cells[1].source }], cacheDir)).toEqual({ y: [{ ...wrongNumber, message: 'from the cache' }] });
  });

  it('checks again when a cell changes', async () => {
    const warnings = await typeCheckCells([{ id: 'a', source: "const n: number = 'y'" }, { id: 'b', source: 'n + 1' }], cacheDir);
    expect(warnings.a).toEqual([wrongNumber]);
    expect(warnings.b ?? []).toEqual([]);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.json'))).toHaveLength(2);
  });
});
