import { describe, expect, it } from 'vitest';
import { fixture, stepwise, stepwiseInProcess } from './stepwise-cli.ts';

// Each run also type-checks the notebook (TypeScript and the cell declarations load: seconds on a busy machine).
// Two tests start the `stepwise` binary (exit status and output of a real process, 0 and 2); the
// others call its `main` in this process, which loads TypeScript once for all of them.
describe('stepwise run', { timeout: 120_000 }, () => {
  it('--json prints one object with every cell\'s outputs and exits 0', async () => {
    const { code, stdout } = await stepwise('run', fixture('ok.md'), '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(true);
    expect(report.cells.map((c: { index: number; status: string }) => [c.index, c.status])).toEqual([[0, 'ok'], [1, 'ok']]);
    expect(report.cells[0].outputs[0]).toMatchObject({ kind: 'control', name: 'n', value: 3 });
    const [log, figure] = report.cells[1].outputs;
    expect(log).toMatchObject({ kind: 'log', level: 'log', text: 'computed 3' });
    expect(figure).toMatchObject({ kind: 'figure', figure: { data: [{ x: [0, 1, 4], y: [0, 1, 4] }], layout: { title: 'Squares' } } });
    expect(typeof report.cells[1].durationMs).toBe('number');
  });

  it('--set gives a control its value before the run', async () => {
    const { stdout } = await stepwiseInProcess('run', fixture('ok.md'), '--json', '--set', 'n=5');
    const report = JSON.parse(stdout);
    expect(report.cells[0].outputs[0]).toMatchObject({ name: 'n', value: 5 });
    expect(report.cells[1].outputs[1].figure.data[0].x).toEqual([0, 1, 4, 9, 16]);
  });

  it('--set names on stderr a value its control cannot take and the value it ran with; a name no control has exits 2', async () => {
    const outOfRange = await stepwiseInProcess('run', fixture('ok.md'), '--set', 'n=50');
    expect(outOfRange.code).toBe(0);
    expect(outOfRange.stderr).toBe('stepwise: --set n=50: slider n goes from 1 to 10 in steps of 1, so it ran with 10\n');
    const quoted = await stepwiseInProcess('run', fixture('ok.md'), '--json', '--set', 'n="4"');
    expect(quoted.stderr).toContain('--set n="4": slider n goes from 1 to 10');
    const unknown = await stepwiseInProcess('run', fixture('ok.md'), '--set', 'm=2');
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toContain('2 cells: 2 ok, 0 failed'); // the report is still printed
    expect(unknown.stderr).toBe("stepwise: --set m: no control is called m; this notebook's controls are n\n");
  });

  it('prints readable text without --json', async () => {
    const { code, stdout } = await stepwiseInProcess('run', fixture('ok.md'));
    expect(code).toBe(0);
    expect(stdout).toContain('control n = 3 (slider)');
    expect(stdout).toContain('figure "Squares" (1 trace)');
    expect(stdout).toContain('2 cells: 2 ok, 0 failed');
  });

  it('exits 1 with the cell, line and column of a syntax error, an upstream wait and a timeout', async () => {
    const { code, stdout } = await stepwiseInProcess('run', fixture('fails.md'), '--json', '--timeout', '800');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(false);
    expect(report.cells.map((c: { status: string }) => c.status)).toEqual(['ok', 'error', 'error', 'error']);
    expect(report.cells[1].error).toMatchObject({ kind: 'syntax', line: 2 });
    expect(report.cells[2].error).toMatchObject({ kind: 'upstream', message: expect.stringContaining('Stale: cell 2 failed') });
    expect(report.cells[3].error).toMatchObject({ kind: 'timeout', message: expect.stringContaining('Stopped after 800 ms') });
  });

  it('exits 2 with file and line for a malformed notebook', async () => {
    const { code, stderr } = await stepwiseInProcess('run', fixture('malformed.md'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/malformed\.md:\d+(:\d+)?: bad YAML in front matter/);
  });

  it('exits 2 for bad usage and unreadable files', async () => {
    const noFile = await stepwise('run');
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('missing the notebook file to run');
    expect((await stepwiseInProcess('walk', 'x.md')).stderr).toContain("unknown command 'walk'");
    expect((await stepwiseInProcess('run', 'x.md', '--timeout', 'soon')).stderr).toContain('--timeout needs a positive number');
    const missing = await stepwiseInProcess('run', fixture('does-not-exist.md'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  });
});
