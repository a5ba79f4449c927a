import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNotebook } from '../../src/kernel/node/run-notebook.ts';
import { codeSpanProblems } from './code-spans.ts';

// Every notebook the project ships runs headless, cell by cell, with no error and no warning.
const dir = join(import.meta.dirname, '../../notebooks');
const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();

describe('every notebook runs clean', () => {
  it('there are notebooks to run', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`${file} runs every cell without errors, warnings or leaked tensors; its inline code renders as code`, async () => {
      const source = readFileSync(join(dir, file));
      // Run twice: a cell that leaves tensors undisposed makes the count grow on the second run.
      // A first run that leaves no tensor alive leaked none, and the second is skipped.
      const report = await runNotebook(source, `notebooks/${file}`, { timeoutMs: 30_000, repeat: 2, repeatOnlyWithTensors: true });
      const failures = report.cells.filter((c) => c.status !== 'ok').map((c) => `cell ${c.index + 1} (line ${c.fileLine}): ${c.error?.message}`);
      expect(failures).toEqual([]);
      const warnings = report.cells.flatMap((c) => c.outputs.filter((o) => o.kind === 'log' && (o.level === 'warn' || o.level === 'error')).map((o) => `cell ${c.index + 1}: ${(o as { text: string }).text}`));
      expect(warnings).toEqual([]);
      expect(report.tensorsAfterRun.at(-1), 'live tensors after a second run').toBe(report.tensorsAfterRun[0]);
      // Inline code in md`…` (written \`name\`) reaches Markdown as `name`, never as a literal backtick.
      expect(codeSpanProblems(source.toString('utf8'), report)).toEqual({ literalBackticks: [], notRendered: [] });
    }, 120_000);
  }
});
