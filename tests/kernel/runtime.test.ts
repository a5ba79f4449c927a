import { describe, expect, it } from 'vitest';
import { analyzeCell, errorInSource } from '../../src/analysis/index.ts';
import { createRuntime } from '../../src/kernel/runtime/runtime.ts';
import { inspect, formatNumber } from '../../src/kernel/runtime/inspect.ts';
import { toOutput } from '../../src/kernel/runtime/to-output.ts';
import { unescapeBackticks } from '../../src/kernel/runtime/run-context.ts';
import { resolveControl } from '../../src/kernel/runtime/controls.ts';
import * as prelude from '../../src/kernel/runtime/prelude.ts';
import type { FromRuntime } from '../../src/kernel/protocol.ts';
import { Matrix } from 'ml-matrix';

// The worker installs the prelude as globals at boot; the in-process runtime here needs the same.
Object.assign(globalThis, prelude);

/** Runs cells in order in an in-process runtime and returns each run's messages as plain data. */
async function runAll(sources: string[], controls: Record<string, Record<string, unknown>> = {}) {
  const messages: FromRuntime[] = [];
  const runtime = createRuntime((m) => messages.push(m), { modules: { stepwise: prelude }, liveTensors: () => prelude.tf.memory().numTensors });
  const results = [];
  let runId = 0;
  for (const [i, source] of sources.entries()) {
    const a = analyzeCell(`c${i}`, source);
    const declaredBefore = new Set(sources.slice(0, i).flatMap((s, j) => analyzeCell(`c${j}`, s).declares));
    const done = new Promise<FromRuntime>((resolve) => {
      const check = setInterval(() => {
        const m = messages.find((x) => x.type === 'done' && x.runId === runId);
        if (m) { clearInterval(check); resolve(m); }
      }, 1);
    });
    runId++;
    runtime.handle({
      type: 'run', runId, cellId: a.id, body: a.body, declares: a.declares,
      reads: a.reads.filter((n) => declaredBefore.has(n)), controls: (controls[a.id] ?? {}) as never, seed: 7,
    });
    const raw = await done;
    const result = raw.type === 'done' && !raw.ok ? { ...raw, error: errorInSource(a, raw.error) } : raw;
    results.push({ done: result, outputs: messages.filter((m) => m.type === 'output' && m.runId === runId).map((m) => (m as { output: unknown }).output) });
  }
  return results;
}

describe('runtime', () => {
  it('passes declared values between cells and shows the last expression', async () => {
    const [, second] = await runAll(['const a = 2', 'a * 21']);
    expect(second.outputs).toEqual([{ id: 'out-0', kind: 'text', text: '42' }]);
  });

  it('captures console per cell and reports runtime errors at the cell line and column', async () => {
    const [r] = await runAll(['console.log("hi", 1.5, [1, 2])\nconsole.warn("careful")\nconst z = null as any\n  z.foo']);
    expect(r.outputs).toEqual([
      { id: 'out-0', kind: 'log', level: 'log', text: 'hi 1.5 [1, 2]' },
      { id: 'out-1', kind: 'log', level: 'warn', text: 'careful' },
    ]);
    expect(r.done).toMatchObject({ ok: false, error: { kind: 'runtime', line: 4, column: 5, message: expect.stringContaining("TypeError: Cannot read properties of null (reading 'foo')") } });
  });

  it('maps columns back through the control rewrite on the same line', async () => {
    const [r] = await runAll(['const k = slider(3, { min: missing })']);
    expect(r.done).toMatchObject({ ok: false, error: { line: 1, column: 28, message: expect.stringContaining('missing is not defined') } });
  });

  it('reports the line of an error thrown inside the library, at the call in the cell', async () => {
    const [r] = await runAll(['const km = new KMeans({ nClusters: 5 })\n\nkm.fit([[1, 2]])']);
    expect(r.done).toMatchObject({ ok: false, error: { kind: 'runtime', line: 3 } });
  });

  it('runs cells in strict mode, so an undeclared assignment is an error, not a hidden global', async () => {
    const [r] = await runAll(['typoed = 3']);
    expect(r.done).toMatchObject({ ok: false, error: { message: expect.stringContaining('typoed is not defined') } });
    expect((globalThis as Record<string, unknown>).typoed).toBeUndefined();
  });

  it('seeds Math.random at the start of each run', async () => {
    const [a, b] = await runAll(['Math.random()', 'Math.random()']);
    expect(a.outputs).toEqual(b.outputs);
  });

  it('supports top-level await and display handles', async () => {
    const [r] = await runAll(['const h = display(1)\nawait tick()\nh.update(2)\nawait sleep(1)\n"end"']);
    expect(r.done).toMatchObject({ ok: true });
    expect(r.outputs).toEqual([{ id: 'out-0', kind: 'text', text: '1' }, { id: 'out-1', kind: 'text', text: 'end' }]);
  });

  it('names a control after the variable it is assigned to and uses the chosen value', async () => {
    const [r] = await runAll(['const k = slider(3, { min: 1, max: 10 })\nk * 2'], { c0: { k: 7 } });
    expect(r.outputs).toEqual([
      { id: 'out-0', kind: 'control', name: 'k', control: { type: 'slider', label: 'k', min: 1, max: 10, step: 1 }, value: 7 },
      { id: 'out-1', kind: 'text', text: '14' },
    ]);
  });

  it('imports the allowed modules', async () => {
    const [r] = await runAll(["import { rng as makeRng } from 'stepwise'\nconst r = makeRng(1)\ntypeof r.next()"]);
    expect(r.outputs).toEqual([{ id: 'out-0', kind: 'text', text: 'number' }]);
  });
});

describe('toOutput', () => {
  it('shows arrays of records, 2-D arrays and matrices as tables', () => {
    expect(toOutput([{ a: 1, b: 'x' }, { a: 2, c: true }])).toEqual({ kind: 'table', columns: ['a', 'b', 'c'], rows: [[1, 'x', null], [2, null, true]], totalRows: 2 });
    expect(toOutput([[1, 2], [3, 4]])).toEqual({ kind: 'table', columns: ['0', '1'], rows: [[1, 2], [3, 4]], totalRows: 2 });
    expect(toOutput(new Matrix([[5, 6]]))).toEqual({ kind: 'table', columns: ['0', '1'], rows: [[5, 6]], totalRows: 1 });
  });

  it('limits tables to 50 rows and keeps the total', () => {
    const out = toOutput(Array.from({ length: 80 }, (_, i) => ({ i })));
    expect(out).toMatchObject({ kind: 'table', totalRows: 80 });
    expect((out as { rows: unknown[] }).rows).toHaveLength(50);
  });

  it('shows figures and markdown as themselves and nothing for undefined', () => {
    const fig = prelude.plot({ x: [1], y: [2] });
    expect(toOutput(fig)).toEqual({ kind: 'figure', figure: fig });
    expect(toOutput({ type: 'stepwise.markdown', markdown: '# hi' })).toEqual({ kind: 'markdown', markdown: '# hi' });
    expect(toOutput(undefined)).toBeUndefined();
  });
});

describe('inspect', () => {
  it('formats numbers to six significant digits', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(Math.PI)).toBe('3.14159');
    expect(formatNumber(1e-7)).toBe('1.0000e-7');
    expect(formatNumber(12)).toBe('12');
  });

  it('shows tensors with dtype, shape and values, and typed arrays as arrays', () => {
    const t = prelude.tf.tensor([[1, 2], [3, 4]]);
    expect(inspect(t)).toBe('Tensor float32 [2, 2]\n[[1, 2], [3, 4]]');
    t.dispose();
    expect(inspect(new Float64Array([1, 2.5]))).toBe('Float64Array(2) [1, 2.5]');
  });

  it('cuts long arrays and marks circular references', () => {
    expect(inspect(Array.from({ length: 103 }, () => 0))).toContain('… 3 more');
    const o: Record<string, unknown> = { a: 1 };
    o.self = o;
    expect(inspect(o)).toBe('{a: 1, self: [circular]}');
  });
});

describe('resolveControl', () => {
  it('snaps a slider value to its step and range', () => {
    expect(resolveControl({ type: 'slider', initial: 0.5, options: { min: 0, max: 1, step: 0.1 } }, 'lr', 0.73).value).toBe(0.7);
    expect(resolveControl({ type: 'slider', initial: 5, options: { min: 1, max: 10 } }, 'k', 99).value).toBe(10);
  });

  it('falls back to the default when the chosen option no longer exists', () => {
    expect(resolveControl({ type: 'select', choices: ['a', 'b'], options: { value: 'b' } }, 's', 'gone').value).toBe('b');
  });

  it('keeps a stepper inside 0..count-1', () => {
    expect(resolveControl({ type: 'stepper', count: 5, options: {} }, 'step', 12).value).toBe(4);
    expect(() => resolveControl({ type: 'stepper', count: 0, options: {} }, 'step', undefined)).toThrow(/count must be a whole number/);
  });

  it('a stepper over values carries them as shown text, one per step, and still returns the step', () => {
    const { spec, value } = resolveControl({ type: 'stepper', count: 4, options: { label: 'dₖ', values: [1, 16, 0.1 + 0.2, 'all'] } }, 'dkIndex', 2);
    expect(spec).toEqual({ type: 'stepper', label: 'dₖ', count: 4, intervalMs: 400, values: ['1', '16', '0.3', 'all'] });
    expect(value).toBe(2);
    // Without values the spec has none, and the page shows the position only.
    expect(resolveControl({ type: 'stepper', count: 4, options: {} }, 'step', 1).spec).toEqual({ type: 'stepper', label: 'step', count: 4, intervalMs: 400 });
  });

  it('a stepper refuses values that do not give one number or name per step', () => {
    expect(() => resolveControl({ type: 'stepper', count: 3, options: { values: [1, 2] } }, 'k', undefined)).toThrow("stepper 'k': values has 2 entries but there are 3 steps; give one value per step");
    expect(() => resolveControl({ type: 'stepper', count: 2, options: { values: [1, NaN] } }, 'k', undefined)).toThrow("stepper 'k': values[1] is NaN, expected a number or a name");
    expect(() => resolveControl({ type: 'stepper', count: 2, options: { values: 'ab' as unknown as string[] } }, 'k', undefined)).toThrow("stepper 'k': values must be an array");
  });
});

describe('tensor bookkeeping', () => {
  it('re-running a cell disposes the tensors it declared before and reports the live count', async () => {
    const messages: FromRuntime[] = [];
    const runtime = createRuntime((m) => messages.push(m), { modules: {}, liveTensors: () => prelude.tf.memory().numTensors });
    const a = analyzeCell('t', 'const t = tf.tensor([1, 2, 3])\nconst parts = [tf.scalar(1), tf.scalar(2)]');
    const counts: number[] = [];
    for (let runId = 1; runId <= 3; runId++) {
      runtime.handle({ type: 'run', runId, cellId: 't', body: a.body, reads: [], declares: a.declares, controls: {}, seed: 1 });
      while (!messages.some((m) => m.type === 'done' && m.runId === runId)) await new Promise((r) => setTimeout(r, 1));
      counts.push((messages.find((m) => m.type === 'done' && m.runId === runId) as { tensors: number }).tensors);
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[2]).toBe(counts[0]);
  });
});

describe('md', () => {
  it('keeps backslashes as written, so LaTeX works inside md`…`', async () => {
    const [r] = await runAll(['const eta = 0.5\nmd`$\\theta \\leftarrow \\theta - \\eta \\nabla L$ with η = ${eta}`']);
    expect(r.outputs).toEqual([{ id: 'out-0', kind: 'markdown', markdown: '$\\theta \\leftarrow \\theta - \\eta \\nabla L$ with η = 0.5' }]);
  });

  it('turns an escaped backtick into a backtick, so \\`code\\` is inline code, and keeps every other backslash', async () => {
    const [r] = await runAll(['const name = "PCA"\nmd`Hand-written vs \\`${name}\\`: $a \\\\ b$ and \\\\\\`x\\` \\$5`']);
    expect(r.outputs).toEqual([{ id: 'out-0', kind: 'markdown', markdown: 'Hand-written vs `PCA`: $a \\\\ b$ and \\\\`x` \\$5' }]);
  });

  it('unescapeBackticks reads escapes left to right', () => {
    expect(unescapeBackticks('\\`a\\` \\theta \\\\ \\\\\\` \\n')).toBe('`a` \\theta \\\\ \\\\` \\n');
  });
});
