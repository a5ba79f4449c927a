import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeCells, parseNotebook } from '../../src/notebook/index.ts';
import { typeCheckCells } from '../../src/typecheck/node-type-check.ts';

// Every notebook the project ships has no type errors: a learner would see each one as a warning
// under its cell, and `stepwise run` would report it.
const dir = join(import.meta.dirname, '../../notebooks');
const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();

describe('every notebook type-checks clean', () => {
  // Loading TypeScript and the cell declarations (tsc on the prelude when they changed) is
  // paid once, here, not by the first notebook's test.
  beforeAll(async () => {
    await typeCheckCells([]);
  }, 300_000);

  for (const file of files) {
    it(`${file} has no type errors`, async () => {
      const cells = codeCells(parseNotebook(readFileSync(join(dir, file)), `notebooks/${file}`));
      const warnings = await typeCheckCells(cells.map((c) => ({ id: c.id, source: c.source })));
      const found = cells.flatMap((c, i) => (warnings[c.id] ?? []).map((w) => `cell ${i + 1} (line ${c.line}), line ${w.line}, column ${w.column}: ${w.message}`));
      expect(found).toEqual([]);
    }, 120_000);
  }
});
