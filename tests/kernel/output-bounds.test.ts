import { afterEach, describe, expect, it } from 'vitest';
import { createNodeSession } from '../../src/kernel/node/create-node-session.ts';
import type { Session } from '../../src/kernel/session.ts';
import type { Output } from '../../src/kernel/types.ts';
import { LOG_LINE_LIMIT, NESTED_TEXT_LIMIT, OUTPUT_LIMIT, TEXT_LIMIT } from '../../src/kernel/runtime/output-bounds.ts';

let session: Session;
afterEach(() => session?.dispose());

async function runCell(source: string): Promise<{ state: string; outputs: Output[]; error?: { message: string } }> {
  session = createNodeSession();
  session.setCells([{ id: 'c0', source }]);
  await session.runAll();
  return session.view('c0')!;
}

describe('a cell that shows a flood of output', { timeout: 60_000 }, () => {
  it('100k console lines finish as one log output keeping the last lines and counting the rest', async () => {
    const view = await runCell('for (let i = 0; i < 100_000; i++) console.log("line " + i)');
    expect(view.state).toBe('done');
    expect(view.outputs).toHaveLength(1);
    const [log] = view.outputs;
    expect(log).toMatchObject({ kind: 'log', level: 'log' });
    const lines = (log as { text: string }).text.split('\n');
    expect(lines[0]).toBe(`… ${100_000 - LOG_LINE_LIMIT} earlier lines not shown`);
    expect(lines).toHaveLength(LOG_LINE_LIMIT + 1);
    expect(lines.at(-1)).toBe('line 99999');
  });

  it('keeps the order of log lines and other outputs, one log output per run of lines of a level', async () => {
    const view = await runCell('console.log("a")\nconsole.log("b")\nconsole.warn("c")\ndisplay(1)\nconsole.log("d")');
    expect(view.outputs.map((o) => [o.kind, 'text' in o ? o.text : ''])).toEqual([
      ['log', 'a\nb'],
      ['log', 'c'],
      ['text', '1'],
      ['log', 'd'],
    ]);
  });

  it('shows at most OUTPUT_LIMIT displays and counts the others', async () => {
    const view = await runCell('for (let i = 0; i < 5000; i++) display(i)');
    expect(view.state).toBe('done');
    expect(view.outputs).toHaveLength(OUTPUT_LIMIT + 1);
    expect(view.outputs.at(-1)).toMatchObject({ kind: 'text', text: `… ${5000 - OUTPUT_LIMIT} more outputs not shown: a run shows at most ${OUTPUT_LIMIT}` });
  });

  it('shows the newest value of a display updated in a loop that never yields', async () => {
    const view = await runCell('const h = display(0)\nfor (let i = 1; i <= 200_000; i++) h.update(i)');
    expect(view.outputs).toEqual([{ id: 'out-0', kind: 'text', text: '200000' }]);
  });
});

describe('a cell whose output is huge', { timeout: 60_000 }, () => {
  it('shows the start of a huge string value and how many characters were left out', async () => {
    const view = await runCell('"x".repeat(2e8)');
    expect(view.state).toBe('done');
    const text = (view.outputs[0] as { text: string }).text;
    expect(text).toBe(`${'x'.repeat(TEXT_LIMIT)}\n… ${2e8 - TEXT_LIMIT} more characters not shown`);
  });

  it('cuts a huge string inside a value and a huge log line', async () => {
    const view = await runCell('const s = "y".repeat(1e6)\nconsole.log(s)\n;[s]');
    const [log, value] = view.outputs as { text: string }[];
    expect(log!.text).toContain(`… ${1e6 - TEXT_LIMIT} more characters not shown`);
    expect(log!.text.length).toBeLessThan(TEXT_LIMIT + 100);
    expect(value!.text).toContain(`… ${1e6 - NESTED_TEXT_LIMIT} more characters`);
    expect(value!.text.length).toBeLessThan(NESTED_TEXT_LIMIT + 100);
  });

  it('refuses a figure with too much data, with a message on the cell', async () => {
    // Points over the budget are reduced first (plot/limit-points.ts); a huge text is not.
    const view = await runCell('({ type: "stepwise.figure", data: [{ type: "scatter", x: [1], y: [1], text: ["t".repeat(2e7)] }], layout: {} })');
    expect(view.state).toBe('error');
    expect(view.error!.message).toContain('This figure is too large to show');
  });
});
