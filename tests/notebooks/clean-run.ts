import { expect } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import { codeSpanProblems } from './code-spans.ts';

/** What every shipped notebook's test says of it (one test per notebook, here or in run-every). */
export const CLEAN_RUN = 'runs every cell without errors, warnings or leaked tensors; its inline code renders as code';

/** A Map or Set shown as a cell's value: plumbing (a cache's `set(…)` left last in its cell), not something to read. */
const COLLECTION_DUMP = /^(Map|Set)\(\d+\) \{/;

/**
 * A run of every cell with the default controls is clean: no cell failed or logged a warning or
 * an error, and inline code in md`…` (written \`name\`) reached Markdown as `name`, never as a
 * literal backtick. `tensorsAfterRun` holds the live tensors after each whole run: a count that
 * grows on a second run means a cell leaves tensors undisposed. No cell shows a Map or Set as
 * its value (COLLECTION_DUMP).
 */
export function expectCleanRun(source: string, report: RunReport): void {
  const failures = report.cells.filter((c) => c.status !== 'ok').map((c) => `cell ${c.index + 1} (line ${c.fileLine}): ${c.error?.message}`);
  expect(failures).toEqual([]);
  const warnings = report.cells.flatMap((c) => c.outputs.filter((o) => o.kind === 'log' && (o.level === 'warn' || o.level === 'error')).map((o) => `cell ${c.index + 1}: ${(o as { text: string }).text}`));
  expect(warnings).toEqual([]);
  expect(report.tensorsAfterRun.at(-1), 'live tensors after a second run').toBe(report.tensorsAfterRun[0]);
  const dumps = report.cells.flatMap((c) => c.outputs.filter((o) => o.kind === 'text' && COLLECTION_DUMP.test((o as { text: string }).text)).map(() => `cell ${c.index + 1} (line ${c.fileLine})`));
  expect(dumps, 'cells showing a Map or Set as their value').toEqual([]);
  expect(codeSpanProblems(source, report)).toEqual({ literalBackticks: [], notRendered: [] });
}
