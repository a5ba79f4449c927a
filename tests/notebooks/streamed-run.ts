import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeSession } from '../../src/kernel/node/create-node-session.ts';
import type { Output } from '../../src/kernel/types.ts';
import { codeCells, parseNotebook } from '../../src/notebook/index.ts';

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
 * Runs `notebooks/<slug>.md` as the page does: live() values are streamed, so each cell that reads
 * one re-runs as its chunks come. `pick` names what to follow in the outputs (a figure's title, a
 * line of prose); the run ends when the kernel is idle.
 */
export async function streamedRun(slug: string, pick: (output: Output) => string | undefined, withinMs = 60_000): Promise<StreamedRun> {
  const file = `notebooks/${slug}.md`;
  const cells = codeCells(parseNotebook(readFileSync(join(import.meta.dirname, '../..', file)), file));
  const session = createNodeSession({ liveValues: 'stream', timeoutMs: 30_000 });
  try {
    const frames: string[] = [];
    session.onCellChange((_, view) => {
      if (view.state !== 'done') return;
      for (const output of view.outputs) {
        const picked = pick(output);
        if (picked !== undefined && picked !== frames.at(-1)) frames.push(picked);
      }
    });
    let status = '';
    session.onStatus((now) => (status = now));
    session.setCells(cells.map((c) => ({ id: c.id, source: c.source })));
    await session.runAll();
    const framesAfterPass = frames.length;
    const busyAfterPass = status === 'busy';
    const deadline = Date.now() + withinMs;
    while (status !== 'ready') {
      if (Date.now() > deadline) throw new Error(`${file}: the live values were not done within ${withinMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { frames, framesAfterPass, busyAfterPass, outputs: cells.flatMap((c) => session.view(c.id)?.outputs ?? []) };
  } finally {
    session.dispose();
  }
}
