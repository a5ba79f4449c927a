import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import { codeSpanProblems, codeSpans, codeSpansInSource } from './code-spans.ts';

// Every shipped notebook's escaped code spans are checked on its clean run (clean-run.ts, from its
// own test file or run-every-notebook); this file checks the check, on small reports, and that it has work.
const dir = join(import.meta.dirname, '../../notebooks');

/** A report of one cell whose outputs are these Markdown texts. */
const reportOf = (...markdown: string[]): RunReport => ({
  ok: true,
  tensorsAfterRun: [],
  cells: [{ index: 0, fileLine: 1, status: 'ok', durationMs: 0, outputs: markdown.map((text, i) => ({ id: `md${i}`, kind: 'markdown' as const, markdown: text })) }],
});

describe('inline code in md`…` outputs', () => {
  it('the notebooks write some', () => {
    const withEscapedBackticks = readdirSync(dir).filter((f) => f.endsWith('.md') && readFileSync(join(dir, f), 'utf8').includes('\\`'));
    expect(withEscapedBackticks.length).toBeGreaterThan(0);
  });

  it('reads the code spans of a source, an interpolation matching anything', () => {
    const patterns = codeSpansInSource('md`fit with \\`k = ${k}\\` and \\`a.b\\``');
    expect(patterns.map(String)).toEqual(['/^k = .+$/', '/^a\\.b$/']);
    expect(patterns[0].test('k = 3')).toBe(true);
    expect(patterns[1].test('axb')).toBe(false);
    expect(codeSpans('call `fit` then `predict`, not fit')).toEqual(['fit', 'predict']);
  });

  it('passes a run whose outputs render every span as code', () => {
    expect(codeSpanProblems('md`uses \\`k = ${k}\\``', reportOf('uses `k = 3`'))).toEqual({ literalBackticks: [], notRendered: [] });
  });

  it('names a literal \\` in an output and a span no output renders as code', () => {
    expect(codeSpanProblems('md`uses \\`k = ${k}\\``', reportOf('uses \\`k = 3\\`'))).toEqual({
      literalBackticks: ['uses \\`k = 3\\`'],
      notRendered: ['/^k = .+$/'],
    });
  });
});
