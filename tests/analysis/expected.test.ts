import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeCell } from '../../src/analysis/index.ts';
import { matchExpected } from '../support/expected-file.ts';

// Expected-output files: each tests/analysis/cases/<name>.ts has <name>.json with the analysis.
// UPDATE_EXPECTED=1 rewrites them; a missing or different one fails and leaves <name>.json-changed.
const dir = join(import.meta.dirname, 'cases');
const cases = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();

describe('analyzeCell expected outputs', () => {
  for (const file of cases) {
    it(`analyzeCell(${file}) matches ${file.replace(/\.ts$/, '.json')}`, () => {
      const source = readFileSync(join(dir, file), 'utf8').replace(/\n$/, '');
      expect(matchExpected(join(dir, file.replace(/\.ts$/, '.json')), analyzeCell('cell', source))).toEqual({ ok: true });
    });
  }

  it('keeps every line of the TypeScript source at the same line in the body', () => {
    for (const file of cases) {
      const source = readFileSync(join(dir, file), 'utf8').replace(/\n$/, '');
      const { body, error } = analyzeCell('cell', source);
      if (error) continue;
      // The body is the source's lines (rewritten in place) plus one appended return line.
      expect(body.split('\n').length).toBe(source.split('\n').length + 1);
    }
  });
});
