/** Figure inputs in the kernel: dragPoint/dragPoints/dragDirection values, withInputs, and --set. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveControl } from '../../src/kernel/runtime/controls.ts';
import { runNotebook } from '../../src/kernel/node/run-notebook.ts';
import { parseArgs, UsageError } from '../../src/cli/args.ts';
import type { Figure } from '../../src/plot/figure.ts';

const FIXTURE = 'tests/e2e/fixtures/figure-inputs.md';

describe('figure input values (resolveControl)', () => {
  it('a point keeps a valid chosen [x, y] and falls back to its default otherwise', () => {
    const request = { type: 'point' as const, initial: [1, -2], options: { label: 'θ₀' } };
    expect(resolveControl(request, 'theta0', undefined)).toEqual({ spec: { type: 'point', label: 'θ₀' }, value: [1, -2] });
    expect(resolveControl(request, 'theta0', [3, 4]).value).toEqual([3, 4]);
    expect(resolveControl(request, 'theta0', [3, Number.NaN]).value).toEqual([1, -2]);
    expect(resolveControl(request, 'theta0', 'left').value).toEqual([1, -2]);
    expect(() => resolveControl({ ...request, initial: [1] }, 'theta0', undefined)).toThrow("dragPoint 'theta0': the default must be [x, y] with finite numbers, got [1]");
  });

  it('points keep a chosen list only within min … max points', () => {
    const request = { type: 'points' as const, initial: [[0, 0], [1, 1]], options: { min: 1, max: 3 } };
    expect(resolveControl(request, 'starts', undefined)).toEqual({ spec: { type: 'points', label: 'starts', min: 1, max: 3 }, value: [[0, 0], [1, 1]] });
    expect(resolveControl(request, 'starts', [[5, 5]]).value).toEqual([[5, 5]]);
    expect(resolveControl(request, 'starts', []).value).toEqual([[0, 0], [1, 1]]);
    expect(resolveControl(request, 'starts', [[1, 1], [2, 2], [3, 3], [4, 4]]).value).toEqual([[0, 0], [1, 1]]);
    expect(() => resolveControl({ ...request, initial: [[0, 0], [1, 1], [2, 2], [3, 3]] }, 'starts', undefined)).toThrow("dragPoints 'starts': the default has 4 points, outside min 1 … max 3");
    expect(() => resolveControl({ ...request, options: { min: 2, max: 1 } }, 'starts', undefined)).toThrow(/min and max must be whole numbers/);
  });

  it('a direction is a unit vector; a zero vector is refused', () => {
    const request = { type: 'direction' as const, initial: [3, 4], options: {} };
    expect(resolveControl(request, 'axis', undefined).value).toEqual([0.6, 0.8]);
    expect(resolveControl(request, 'axis', [0, -2]).value).toEqual([0, -1]);
    expect(resolveControl(request, 'axis', [0, 0]).value).toEqual([0.6, 0.8]);
    expect(() => resolveControl({ ...request, initial: [0, 0] }, 'axis', undefined)).toThrow("dragDirection 'axis': the default must be a non-zero [x, y], got [0,0]");
  });
});

describe('--set for figure inputs', () => {
  it('parses JSON lists and names the option when one is malformed', () => {
    expect(parseArgs(['run', 'a.md', '--set', 'theta0=[1,-2]', '--set', 'starts=[[0,0],[2,1]]']).controls).toEqual({ theta0: [1, -2], starts: [[0, 0], [2, 1]] });
    expect(() => parseArgs(['run', 'a.md', '--set', 'theta0=[1,'])).toThrow(UsageError);
    expect(() => parseArgs(['run', 'a.md', '--set', 'theta0=[1,'])).toThrow(/--set theta0: '\[1,' is not a JSON list/);
  });
});

describe('withInputs in a notebook run', { timeout: 120_000 }, () => {
  const run = (controls = {}) => runNotebook(readFileSync(FIXTURE), FIXTURE, { controls });
  const figures = (report: Awaited<ReturnType<typeof run>>) =>
    report.cells.flatMap((cell) => cell.outputs.flatMap((output) => (output.kind === 'figure' ? [output.figure as Figure] : [])));

  it('puts the inputs, with the values set from outside, on the figures, and the cells read them', async () => {
    const report = await run({ theta0: [2, 3], starts: [[1, 1], [2, 2], [3, 3]], axis: [0, 5] });
    expect(report.cells.every((cell) => cell.status === 'ok')).toBe(true);
    const [point, points, direction] = figures(report);
    expect(point.inputs).toEqual([{ cellId: expect.any(String), name: 'theta0', kind: 'point', label: 'start θ₀', value: [2, 3] }]);
    expect(points.inputs?.[0]).toMatchObject({ name: 'starts', kind: 'points', max: 4, value: [[1, 1], [2, 2], [3, 3]] });
    expect(direction.inputs?.[0]).toMatchObject({ name: 'axis', kind: 'direction', value: [0, 1] });
    const text = report.cells.at(-1)?.outputs[0];
    expect(text).toMatchObject({ kind: 'markdown', markdown: 'θ₀ = (2, 3); starts: (1, 1) (2, 2) (3, 3); axis (0, 1)' });
  });

  it('a value that is not a figure input is refused by withInputs, naming the argument', async () => {
    const source = '---\ntitle: Copy\n---\n```ts\nconst p = dragPoint([0, 0])\n```\n\n```ts\nwithInputs(plot({ x: [0], y: [0] }), [p[0], p[1]])\n```\n';
    const report = await runNotebook(Buffer.from(source), 'copy.md', {});
    expect(report.cells[1].error?.message).toContain('withInputs: argument 2 is not a figure input');
  });
});
