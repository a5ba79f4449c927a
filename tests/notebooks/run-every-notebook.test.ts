import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNotebook } from '../../src/kernel/node/run-notebook.ts';
import { CLEAN_RUN, expectCleanRun } from './clean-run.ts';

// Every notebook the project ships runs headless, cell by cell, with no error and no warning.
// A notebook with its own test file is checked there, on the run its other tests read
// (notebookRunner); the rest are run here. One run of each notebook serves both.
const dir = join(import.meta.dirname, '../../notebooks');
const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
const ownTest = (file: string) => join(import.meta.dirname, file.replace(/\.md$/, '.test.ts'));
const withoutOwnTest = files.filter((file) => !existsSync(ownTest(file)));

describe('every notebook runs clean', () => {
  it('there are notebooks to run, and each with a test file of its own is run clean there', () => {
    expect(files.length).toBeGreaterThan(0);
    const slug = (file: string) => file.replace(/\.md$/, '');
    const notRunByOwnTest = files.filter((file) => existsSync(ownTest(file)) && !readFileSync(ownTest(file), 'utf8').includes(`notebookRunner('${slug(file)}'`));
    expect(notRunByOwnTest).toEqual([]);
  });

  for (const file of withoutOwnTest) {
    it(`${file} ${CLEAN_RUN}`, async () => {
      const source = readFileSync(join(dir, file));
      // Run twice: a cell that leaves tensors undisposed makes the count grow on the second run.
      // A first run that leaves no tensor alive leaked none, and the second is skipped.
      const report = await runNotebook(source, `notebooks/${file}`, { timeoutMs: 30_000, repeat: 2, repeatOnlyWithTensors: true });
      expectCleanRun(source.toString('utf8'), report);
    }, 120_000);
  }
});
