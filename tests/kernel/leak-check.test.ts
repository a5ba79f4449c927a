import { describe, expect, it } from 'vitest';
import { runNotebook } from '../../src/kernel/node/run-notebook.ts';

const notebook = (code: string) => `---\ntitle: t\n---\n\`\`\`ts\n${code}\n\`\`\`\n`;

// The leak check of every shipped notebook (tests/notebooks/clean-run.ts) compares the live
// tensors after two runs; these make sure that comparison can fail and when it is skipped.
describe('runNotebook counts the tensors each run leaves alive', { timeout: 60_000 }, () => {
  it('a cell that drops an intermediate tensor leaves more after each run; one that keeps its tensor does not', async () => {
    const leaky = await runNotebook(notebook('const kept = tf.tensor([1, 2]).add(1)'), 'leaky.md', { repeat: 2, repeatOnlyWithTensors: true });
    expect(leaky.tensorsAfterRun).toHaveLength(2);
    expect(leaky.tensorsAfterRun[1]).toBeGreaterThan(leaky.tensorsAfterRun[0]);
    const tidy = await runNotebook(notebook('const kept = tf.tidy(() => tf.tensor([1, 2]).add(1))'), 'tidy.md', { repeat: 2, repeatOnlyWithTensors: true });
    expect(tidy.tensorsAfterRun).toEqual([1, 1]);
  });

  it('a run that leaves no tensor alive is not repeated', async () => {
    const report = await runNotebook(notebook('const n = 1 + 1'), 'plain.md', { repeat: 2, repeatOnlyWithTensors: true });
    expect(report.tensorsAfterRun).toEqual([0]);
  });
});
