import { describe, expect, it } from 'vitest';
import { runNotebook } from '../../src/kernel/node/run-notebook.ts';

const notebook = (...cells: string[]) => `---\ntitle: t\n---\n${cells.map((code) => `\`\`\`ts\n${code}\n\`\`\`\n`).join('\n')}`;
const tfjsGlobals = 'typeof (globalThis as { _tfGlobals?: unknown })._tfGlobals';

// The headless runtime evaluates TensorFlow.js when a cell first uses it (kernel/runtime/tfjs-on-demand.ts),
// from its own file, which the sandboxed process may read (kernel/node/sandbox-command.ts).
describe('TensorFlow.js in the headless runtime', { timeout: 60_000 }, () => {
  it('is not evaluated until a cell uses it; then it works on the CPU backend, as `tf` and as an import', async () => {
    const report = await runNotebook(
      notebook(
        tfjsGlobals,
        'const sum = tf.tidy(() => tf.tensor([1, 2, 3]).sum().dataSync()[0])\n;[sum, tf.getBackend()]',
        "import * as tfjs from '@tensorflow/tfjs'\n;['tensor' in tfjs, Object.keys(tfjs).length > 100, typeof tfjs.layers.dense]",
        tfjsGlobals,
      ),
      'tfjs.md',
    );
    const shown = report.cells.map((cell) => cell.outputs.map((output) => ('text' in output ? output.text : output.kind)).join(''));
    expect(report.cells.map((cell) => cell.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(shown).toEqual(['undefined', '[6, "cpu"]', '[true, true, "function"]', 'object']);
  });

  it('a notebook that never uses it leaves no tensors, and the leak check does not load it', async () => {
    const report = await runNotebook(notebook('const n = 1 + 1', tfjsGlobals), 'plain.md', { repeat: 2, repeatOnlyWithTensors: true });
    expect(report.tensorsAfterRun).toEqual([0]);
    expect(report.cells[1].outputs).toMatchObject([{ text: 'undefined' }]);
  });
});
