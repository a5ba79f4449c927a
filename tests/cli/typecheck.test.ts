import { describe, expect, it } from 'vitest';
import { fixture, stepwise } from './stepwise-cli.ts';

// The type check loads TypeScript and the cell declarations: seconds on a busy machine.
describe('stepwise run reports type errors as warnings', { timeout: 120_000 }, () => {
  it('--json gives each cell its type errors with message, line and column; the run still succeeds', async () => {
    const { code, stdout } = await stepwise('run', fixture('type-error.md'), '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(true);
    expect(report.cells.map((c: { status: string }) => c.status)).toEqual(['ok', 'ok', 'ok']);
    expect(report.cells[0].warnings).toEqual([{ message: "Type 'string' is not assignable to type 'number'.", line: 1, column: 7, code: 2322 }]);
    // The second cell reads `n` from the first: that is no error, its own wrong type is.
    expect(report.cells[1].warnings).toEqual([{ message: "Type 'number' is not assignable to type 'string'.", line: 2, column: 7, code: 2322 }]);
    // A cell without type errors has no `warnings`.
    expect(report.cells[2]).not.toHaveProperty('warnings');
  });

  it('the readable report shows each warning under its cell and counts them', async () => {
    const { code, stdout } = await stepwise('run', fixture('type-error.md'));
    expect(code).toBe(0);
    expect(stdout).toContain("  cell 1 (line 8) ✓");
    expect(stdout).toContain("    warning: line 1, column 7: Type 'string' is not assignable to type 'number'. (TS2322)");
    expect(stdout).toContain("    warning: line 2, column 7: Type 'number' is not assignable to type 'string'. (TS2322)");
    expect(stdout).toContain('3 cells: 3 ok, 0 failed, 2 type warnings');
  });
});
