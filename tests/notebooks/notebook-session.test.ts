import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runNotebook, type RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { ControlValue } from '../../src/kernel/types.ts';
import { openNotebook } from './notebook-session.ts';

const file = 'tests/notebooks/fixtures/two-panels.md';
const source = readFileSync(join(import.meta.dirname, 'fixtures/two-panels.md'));

/** What the cells show, without the ids and times that differ from run to run. */
const shown = (report: RunReport) => report.cells.map((c) => ({ status: c.status, outputs: c.outputs.map(({ id: _, ...output }) => output) }));

describe('openNotebook (the notebook tests\' runner)', { timeout: 60_000 }, () => {
  const notebook = openNotebook(source, file);
  afterAll(() => notebook.close());

  it('moving controls shows what a fresh run with those controls shows, back to the defaults included', async () => {
    const steps: Record<string, ControlValue>[] = [{}, { n: 5 }, { scale: 7, mode: 'markers' }, { n: 4, scale: 3 }, { n: 3 }];
    const fresh = await Promise.all(steps.map((controls) => runNotebook(source, file, { controls })));
    for (const [i, controls] of steps.entries()) {
      expect(shown(await notebook.report(controls)), JSON.stringify(controls)).toEqual(shown(fresh[i]));
    }
    expect(shown(fresh[2])[2].outputs).toEqual([{ kind: 'markdown', markdown: 'n = **3**, scale = **7**' }]);
  });

  it('a report already taken does not change when the controls move on', async () => {
    const before = await notebook.report({ n: 2 });
    const copy = structuredClone(before);
    await notebook.report({ n: 9 });
    expect(before).toEqual(copy);
  });

  it('names a control the notebook does not have', async () => {
    await expect(notebook.report({ size: 4 })).rejects.toThrow('tests/notebooks/fixtures/two-panels.md has no control named size (its controls: n, mode, scale)');
  });
});

describe('openNotebook\'s repeated default run (the leak check of clean-run.ts)', { timeout: 60_000 }, () => {
  const notebook = (code: string) => `---\ntitle: t\n---\n\`\`\`ts\n${code}\n\`\`\`\n`;

  it('counts the tensors after a second run only when the first left some alive, as runNotebook does', async () => {
    const cases = {
      leaky: 'const kept = tf.tensor([1, 2]).add(1)',
      tidy: 'const kept = tf.tidy(() => tf.tensor([1, 2]).add(1))',
      plain: 'const n = 1 + 1',
    };
    for (const [name, code] of Object.entries(cases)) {
      const session = openNotebook(notebook(code), `${name}.md`);
      try {
        const fresh = await runNotebook(notebook(code), `${name}.md`, { repeat: 2, repeatOnlyWithTensors: true });
        expect((await session.repeatedDefaults()).tensorsAfterRun, name).toEqual(fresh.tensorsAfterRun);
      } finally {
        session.close();
      }
    }
  });
});
