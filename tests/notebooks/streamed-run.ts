import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeCells, parseNotebook } from '../../src/notebook/index.ts';
import { createNodeSession } from '../../src/kernel/node/create-node-session.ts';
import { cellReports, type RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { ControlValue, Output } from '../../src/kernel/types.ts';
import type { Figure } from '../../src/plot/figure.ts';
import { titleOf } from './report-queries.ts';

/**
 * A notebook run as the page runs it: live() values stream, so a cell that reads one finishes
 * after the first chunk and runs again after every later one. Every output a cell showed when it
 * finished a run is kept in order (`drawings`), and every error a cell showed on the way, so a
 * test can check what the learner sees while training goes on, not only the end.
 */
export function streamNotebook(slug: string, timeoutMs = 60_000) {
  const file = join(import.meta.dirname, `../../notebooks/${slug}.md`);
  const cells = codeCells(parseNotebook(readFileSync(file), `notebooks/${slug}.md`));
  const session = createNodeSession({ liveValues: 'stream', timeoutMs });
  session.setCells(cells.map((c) => ({ id: c.id, source: c.source })));
  const drawings: Output[][] = [];
  const errors: string[] = [];
  session.onCellChange((id, view) => {
    if (view.state === 'done') drawings.push(view.outputs);
    if (view.state === 'error') errors.push(`${id}: ${view.error?.message}`);
  });
  let status = '';
  session.onStatus((s) => { status = s; });

  /** Waits until every live value has ended (the kernel is ready again). */
  async function finished(withinMs = 240_000): Promise<void> {
    const deadline = Date.now() + withinMs;
    while (status !== 'ready') {
      if (Date.now() > deadline) throw new Error(`${slug}: still training after ${withinMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The cell that shows the control `name`. */
  function controlCell(name: string): string {
    const cell = cells.find((c) => session.view(c.id)?.outputs.some((o) => o.kind === 'control' && o.name === name));
    if (!cell) throw new Error(`${slug} has no control named ${name}`);
    return cell.id;
  }

  return {
    drawings,
    errors,
    /** Whether live values are still under way (the kernel is busy). */
    busy: () => status === 'busy',
    /** Runs every cell; resolves when each has run once (with the first chunk of any live value). */
    runAll: () => session.runAll(),
    finished,
    /** Moves a control as a learner does: the cells it drives run again, a live value it drives restarts. */
    set: (name: string, value: ControlValue) => session.setControl(controlCell(name), name, value),
    /** Every drawing, in order, of the figure whose title starts with `prefix`. */
    figures(prefix: string): Figure[] {
      return drawings.flatMap((outputs) => outputs.flatMap((o) => (o.kind === 'figure' && titleOf(o.figure).startsWith(prefix) ? [o.figure] : [])));
    },
    /** Every drawing, in order, of the Markdown output that contains `phrase`. */
    markdowns(phrase: string): string[] {
      return drawings.flatMap((outputs) => outputs.flatMap((o) => (o.kind === 'markdown' && o.markdown.includes(phrase) ? [o.markdown] : [])));
    },
    /** What every cell shows now. */
    report: (): RunReport => ({ ok: errors.length === 0, cells: cellReports(session, cells), tensorsAfterRun: [] }),
    /** The TensorFlow.js tensors alive in the kernel now (a probe cell run after the notebook's). */
    async tensors(): Promise<number> {
      session.setCells([...cells.map((c) => ({ id: c.id, source: c.source })), { id: 'tensor-probe', source: 'const tensorsAlive = tf.memory().numTensors\ntensorsAlive' }]);
      await session.run(['tensor-probe']);
      const shown = session.view('tensor-probe')!.outputs.find((o) => o.kind === 'text') as { text: string } | undefined;
      return Number(shown?.text);
    },
    close: () => session.dispose(),
  };
}

export interface StreamedRun {
  /** What `pick` found, in the order shown (a repeat of the last one is not counted again). */
  frames: string[];
  /** How many of the frames were shown when the cells' pass ended: the rest came from live() chunks. */
  framesAfterPass: number;
  /** Whether the kernel was still busy (live values under way) when the pass ended. */
  busyAfterPass: boolean;
  /** What every cell shows once the kernel is idle. */
  outputs: Output[];
}

/**
 * Runs `notebooks/<slug>.md` as the page does (streamNotebook) and follows one thing through it:
 * `pick` names it in the outputs (a figure's title, a line of prose); the run ends when the
 * kernel is idle.
 */
export async function streamedRun(slug: string, pick: (output: Output) => string | undefined, withinMs = 60_000): Promise<StreamedRun> {
  const run = streamNotebook(slug, 30_000);
  const picked = () => {
    const frames: string[] = [];
    for (const output of run.drawings.flat()) {
      const found = pick(output);
      if (found !== undefined && found !== frames.at(-1)) frames.push(found);
    }
    return frames;
  };
  try {
    await run.runAll();
    const framesAfterPass = picked().length;
    const busyAfterPass = run.busy();
    await run.finished(withinMs);
    return { frames: picked(), framesAfterPass, busyAfterPass, outputs: run.report().cells.flatMap((cell) => cell.outputs) };
  } finally {
    run.close();
  }
}
