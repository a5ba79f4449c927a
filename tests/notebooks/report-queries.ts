import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import { openNotebook } from './notebook-session.ts';
import { CLEAN_RUN, expectCleanRun } from './clean-run.ts';
import type { ControlValue, Output } from '../../src/kernel/types.ts';
import type { Figure, Trace } from '../../src/plot/figure.ts';

/**
 * Runs `notebooks/<slug>.md` headless with some control values and checks every cell ran. The
 * tests of a file share one sandboxed process (openNotebook): the defaults are a run of every
 * cell, other control values are set as a learner moves them, re-running only what depends on
 * them; each set of values is reported once. The default run is also checked clean (its own test,
 * registered here, first in the file): this is the notebook's run-every-notebook check.
 */
export function notebookRunner(slug: string, options: { timeoutMs?: number } = {}) {
  const file = join(import.meta.dirname, `../../notebooks/${slug}.md`);
  let notebook: ReturnType<typeof openNotebook> | undefined;
  afterAll(() => notebook?.close());
  it(`${slug} ${CLEAN_RUN}`, async () => {
    notebook ??= openNotebook(readFileSync(file), `notebooks/${slug}.md`, options);
    expectCleanRun(readFileSync(file, 'utf8'), await notebook.repeatedDefaults());
  }, 120_000);
  const runs = new Map<string, Promise<RunReport>>();
  return async function run(controls: Record<string, ControlValue> = {}): Promise<RunReport> {
    notebook ??= openNotebook(readFileSync(file), `notebooks/${slug}.md`, options);
    const key = JSON.stringify(controls);
    if (!runs.has(key)) runs.set(key, notebook.report(controls));
    const report = await runs.get(key)!;
    const failures = report.cells.filter((c) => c.status !== 'ok').map((c) => `cell ${c.index + 1}: ${c.error?.message}`);
    expect(failures).toEqual([]);
    return report;
  };
}

export function outputs(report: RunReport): Output[] {
  return report.cells.flatMap((c) => c.outputs);
}

/** The one Markdown output that contains `phrase`. */
export function markdown(report: RunReport, phrase: string): string {
  const found = outputs(report).flatMap((o) => (o.kind === 'markdown' && o.markdown.includes(phrase) ? [o.markdown] : []));
  expect(found, `a Markdown output containing "${phrase}"`).toHaveLength(1);
  return found[0];
}

/** The bold numbers of a Markdown output (`**0.93**`, `**12 %**`), in order. */
export function boldNumbers(text: string): number[] {
  return [...text.matchAll(/\*\*(-?[\d.]+(?:e[+-]\d+)?)\s*%?\*\*/g)].map((m) => Number(m[1]));
}

export function titleOf(fig: Figure): string {
  const title = fig.layout.title;
  return typeof title === 'string' ? title : title?.text ?? '';
}

/** The one figure whose title starts with `prefix`. */
export function figure(report: RunReport, prefix: string): Figure {
  const found = outputs(report).flatMap((o) => (o.kind === 'figure' && titleOf(o.figure).startsWith(prefix) ? [o.figure] : []));
  expect(found, `a figure titled "${prefix}…"`).toHaveLength(1);
  return found[0];
}

export function axisTitle(fig: Figure, axis: string): string | undefined {
  return (fig.layout[axis] as { title?: { text?: string } } | undefined)?.title?.text;
}

/** The one control output named `name`. */
export function control(report: RunReport, name: string): Extract<Output, { kind: 'control' }> {
  const found = outputs(report).filter((o): o is Extract<Output, { kind: 'control' }> => o.kind === 'control' && o.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

/** All Markdown the run showed, joined, so a sentence can be matched wherever its cell is. */
export function allMarkdown(report: RunReport): string {
  return outputs(report).flatMap((o) => (o.kind === 'markdown' ? [o.markdown] : [])).join('\n');
}

/** The number after `label` in the run's Markdown (bold markers and spaces skipped). */
export function numberAfter(report: RunReport, label: string): number {
  const text = allMarkdown(report);
  const at = text.indexOf(label);
  if (at < 0) throw new Error(`"${label}" not found in:\n${text}`);
  const match = /-?\d+(\.\d+)?(e[+-]?\d+)?/.exec(text.slice(at + label.length));
  if (!match) throw new Error(`no number after "${label}"`);
  return Number(match[0]);
}

export function figures(report: RunReport): Figure[] {
  return outputs(report).flatMap((o) => (o.kind === 'figure' ? [o.figure] : []));
}

/** The first figure whose title starts with `start`. */
export function figureTitled(report: RunReport, start: string): Figure {
  const found = figures(report).find((f) => titleOf(f).startsWith(start));
  if (!found) throw new Error(`no figure titled "${start}…"; titles: ${figures(report).map(titleOf).join(' | ')}`);
  return found;
}

/** The first figure with a subplot whose title starts with `text` (subplot titles are annotations). */
export function figureWithPanel(report: RunReport, text: string): Figure {
  const found = figures(report).find((f) => ((f.layout.annotations as { text: string }[] | undefined) ?? []).some((a) => a.text.startsWith(text)));
  if (!found) throw new Error(`no figure with a panel titled "${text}…"`);
  return found;
}

/** The trace of `figure` named `name`. */
export function traceNamed(figure: Figure, name: string): Trace {
  const found = figure.data.find((t) => t.name === name);
  if (!found) throw new Error(`no trace named "${name}"; names: ${figure.data.map((t) => t.name).join(', ')}`);
  return found;
}

/**
 * A flagship's folded table of checks at its end (hand-written | library | compared | difference),
 * as rows; fails unless the notebook shows exactly one such table.
 */
export function checksTable(report: RunReport): { hand: string; library: string; compared: string; gap: number }[] {
  const found = outputs(report).filter((o): o is Extract<Output, { kind: 'table' }> => o.kind === 'table' && o.columns.includes('difference'));
  expect(found, 'one table of checks against the library').toHaveLength(1);
  expect(found[0].columns).toEqual(['hand-written', 'library', 'compared', 'difference']);
  return found[0].rows.map(([hand, library, compared, gap]) => ({ hand: String(hand), library: String(library), compared: String(compared), gap: Number(gap) }));
}
