import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotebookFormatError, parseNotebook, serializeNotebook } from '../../src/notebook/index.ts';
import { matchExpected } from '../support/expected-file.ts';

const casesDir = join(import.meta.dirname, 'cases');
const cases = readdirSync(casesDir).filter((name) => name.endsWith('.md')).sort();

/** The parse result as plain data: the notebook, or the error's file, line and message. */
function outcome(bytes: Uint8Array, file: string): unknown {
  try {
    return parseNotebook(bytes, file);
  } catch (error) {
    if (!(error instanceof NotebookFormatError)) throw error;
    return { error: { file: error.file, line: error.line, column: error.column, message: error.message } };
  }
}

describe('parseNotebook expected outputs (tests/notebook-format/cases)', () => {
  it('has cases to check', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  for (const name of cases) {
    it(`parseNotebook(${name}) matches ${name.replace(/\.md$/, '.json')}`, () => {
      const bytes = new Uint8Array(readFileSync(join(casesDir, name)));
      const result = matchExpected(join(casesDir, name.replace(/\.md$/, '.json')), outcome(bytes, name));
      if (!result.ok) expect.fail(result.reason);
    });
  }
});

describe('serializeNotebook(parseNotebook(file)) is the file byte for byte', () => {
  for (const name of cases) {
    const bytes = new Uint8Array(readFileSync(join(casesDir, name)));
    const parsed = outcome(bytes, name);
    // The malformed cases have nothing to write back; their errors are checked above.
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) continue;
    it(`round-trips cases/${name}`, () => {
      const written = serializeNotebook(parseNotebook(bytes, name));
      expect(new TextEncoder().encode(written)).toEqual(bytes);
    });
  }

  // Every notebook the site ships must parse and round-trip (none may be skipped as malformed).
  const notebooksDir = join(import.meta.dirname, '../../notebooks');
  for (const name of readdirSync(notebooksDir).filter((file) => file.endsWith('.md')).sort()) {
    it(`round-trips notebooks/${name}`, () => {
      const bytes = new Uint8Array(readFileSync(join(notebooksDir, name)));
      const written = serializeNotebook(parseNotebook(bytes, `notebooks/${name}`));
      expect(new TextEncoder().encode(written)).toEqual(bytes);
    });
  }
});
