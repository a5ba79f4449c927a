import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runNotebook, type RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { ControlValue, Output } from '../../src/kernel/types.ts';
import type { Figure } from '../../src/plot/figure.ts';

/**
 * Runs `notebooks/<slug>.md` headless with some control values and checks every cell ran. Runs
 * with the same controls are shared between the tests of a file (each takes seconds).
 */
export function notebookRunner(slug: string, options: { timeoutMs?: number } = {}) {
  const file = join(import.meta.dirname, `../../notebooks/${slug}.md`);
  const runs = new Map<string, Promise<RunReport>>();
  return async function run(controls: Record<string, ControlValue> = {}): Promise<RunReport> {
    const key = JSON.stringify(controls);
    if (!runs.has(key)) runs.set(key, runNotebook(readFileSync(file), `notebooks/${slug}.md`, { controls, ...options }));
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
