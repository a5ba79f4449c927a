import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import { allMarkdown, figureTitled, markdown, notebookRunner, numberAfter, titleOf, traceNamed } from './report-queries.ts';

// numpy's PSI and scipy's KS test on the notebook's own windows (tests/notebooks/fixtures/make_deployment.py).
type Window = { psi: Record<'amount' | 'hour' | 'velocity' | 'newDevice', number>; ksStatistic: number; ksPValue: number };
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/deployment.json'), 'utf8')) as Record<'v1' | 'v2', Record<'41' | '42' | '44', Window>>;

const run = notebookRunner('deployment');
const servingBug = { badCandidate: 'serving bug' };
const servingBugNoShadow = { badCandidate: 'serving bug', shadow: false, shownDayIndex: 13 };
const shuffled = { badCandidate: 'shuffled labels', shownDayIndex: 22 };

const timeline = (report: RunReport) => figureTitled(report, 'Release timeline');
/** Share of traffic a version served on each day 20–59 (0 where it served none). */
const sharesOf = (report: RunReport, version: string) => {
  const trace = timeline(report).data.find((t) => t.name === version);
  return trace ? (trace.y as number[]) : new Array<number>(40).fill(0);
};
/** The rows of the "switched off one after another" table: [switched off, stopped by, days served, missed]. */
const tableRows = (report: RunReport) => markdown(report, '| off | stopped by |').split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| off'))
  .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));

describe('notebooks/deployment.md', () => {
  it('the default release: v2 through gate, shadow and canary, then the PSI alarm on day 42 with numpy\'s PSI', async () => {
    const report = await run();
    const log = markdown(report, 'day 20: v1 serves all traffic\n- day 29');
    expect(log).toContain('- day 29: gate: v2 holdout AP');
    expect(log).toContain('- day 29: v2 scores all requests in shadow from day 30; v1 decides');
    expect(log).toContain('- day 32: canary: v2 serves 20 % of requests from day 33');
    expect(log).toContain('- day 37: v2 serves all traffic from day 38; v1 kept as fallback');
    // v2 serves on day 42; its training data is the monitor's reference.
    expect(log).toContain(`- day 42: PSI(newDevice) = ${reference.v2['42'].psi.newDevice.toFixed(3)} > 0.25 → retrain v3`);
    expect(reference.v2['41'].psi.newDevice).toBeLessThan(0.25);
    // Traffic: the shares add up to 1 every day; the canary's is about 20 % on days 33–37.
    const [v1, v2] = [sharesOf(report, 'v1'), sharesOf(report, 'v2')];
    const all = ['v1', 'v2', 'v3', 'v4'].map((v) => sharesOf(report, v));
    all[0].forEach((_, d) => expect(all.reduce((sum, shares) => sum + shares[d], 0)).toBeCloseTo(1, 12));
    for (let day = 33; day <= 37; day++) {
      expect(v2[day - 20]).toBeGreaterThan(0.1);
      expect(v2[day - 20]).toBeLessThan(0.3);
    }
    expect(v1[32 - 20]).toBe(1);
    expect(v2[38 - 20]).toBe(1);
    // The title's count is where the cumulative curve ends.
    const missed = traceNamed(timeline(report), 'frauds missed').y as number[];
    expect(titleOf(timeline(report))).toMatch(new RegExp(`^Release timeline: ${missed[missed.length - 1]} frauds missed`));
  }, 120_000);

  it('the written-out PSI and the KS test of days 40–44 match numpy and scipy, and the library to 1e-12', async () => {
    const report = await run();
    const expected = reference.v1['44'];
    for (const [name, psi] of Object.entries(expected.psi)) expect(numberAfter(report, `PSI(${name}) = **`)).toBeCloseTo(psi, 3);
    expect(numberAfter(report, 'KS test of the amount: $D$ = **')).toBeCloseTo(expected.ksStatistic, 3);
    expect(allMarkdown(report)).toContain(`p = **${expected.ksPValue.toExponential(1)}**`);
    expect(numberAfter(report, 'the library\'s `driftPsi`: **')).toBeLessThan(1e-12);
  }, 120_000);

  it('a serving bug passes the gate; shadow mode stops it, then the canary, then the rollback to the fallback; with none it ships', async () => {
    const report = await run(servingBug);
    const rows = tableRows(report);
    expect(rows.map((r) => r[0])).toEqual(['none', 'gate', '+ shadow', '+ canary', '+ rollback']);
    expect(rows.map((r) => r[1].replace(/, day \d+$/, ''))).toEqual(['shadow', 'shadow', 'canary', 'fallback', 'nothing: it ships']);
    const served = rows.map((r) => Number(r[2]));
    expect(served.slice(0, 2)).toEqual([0, 0]);
    expect(served[2]).toBeGreaterThan(0);
    expect(served[4]).toBe(30); // days 30–59: drift retraining is off in these runs
    const missed = rows.map((r) => Number(r[3]));
    expect(missed[4]).toBeGreaterThan(missed[0] + 20);
    // The prose quotes the table.
    expect(numberAfter(report, 'it serves **')).toBe(served[2]);
    expect(numberAfter(report, '(**')).toBe(missed[2] - missed[0]);
    expect(numberAfter(report, 'with nothing left it serves **')).toBe(served[4]);
  }, 120_000);

  it('without shadow mode the serving bug reaches the canary\'s share of traffic and is rolled back', async () => {
    const report = await run(servingBugNoShadow);
    const v2 = sharesOf(report, 'v2');
    const canaryDays = v2.flatMap((share, k) => (share > 0 ? [k + 20] : []));
    expect(canaryDays[0]).toBe(30);
    canaryDays.forEach((day) => expect(v2[day - 20]).toBeLessThan(0.35));
    const log = allMarkdown(report);
    const rollbackDay = canaryDays[canaryDays.length - 1];
    expect(log).toMatch(new RegExp(`- day ${rollbackDay}: canary v2 AP 0\\.\\d\\d < v1 0\\.\\d\\d − 0\\.1 → rollback, v1 serves all`));
    // The stepper on day 33: the state shows the canary's guardrail.
    expect(log).toContain('**Day 33.**');
    expect(log).toMatch(/canary of \*\*v2\*\*, day 4: AP \*\*0\.\d\d\*\* against v1's/);
  }, 120_000);

  it('shuffled labels: the gate stops it; on day 42 the stepper shows the monitor reading numpy\'s PSI against v1', async () => {
    const report = await run(shuffled);
    expect(tableRows(report)[0][1]).toBe('gate, day 29');
    expect(allMarkdown(report)).toMatch(/- day 29: gate: v2 holdout AP 0\.0\d < 0\.\d\d \(v1 0\.\d\d − margin 0\.02\) → rejected/);
    // v1 still serves on day 42, so the monitor compares with v1's training data.
    const psiBars = figureTitled(report, 'Day 42: the drift monitor against v1').data[0];
    const expected = reference.v1['42'].psi;
    expect((psiBars.y as number[]).slice(0, 4)).toEqual([expected.amount, expected.hour, expected.velocity, expected.newDevice].map((v) => expect.closeTo(v, 9)));
    expect(numberAfter(report, 'largest PSI **')).toBeCloseTo(Math.max(...Object.values(expected), (psiBars.y as number[])[4]), 2);
  }, 120_000);
});
