import { describe, expect, it } from 'vitest';
import {
  ModelRegistry, averagePrecisionOnRows, candidateCheckFailures, driftAlarm, driftBinEdges, driftPsi, guardrailTripped,
  passesValidationGate, simulateReleaseProcess, type ReleaseModel, type ReleasePolicy,
} from '../../src/ml/deployment/index.ts';
import { averagePrecisionScore, ksTwoSample } from '../../src/ml/metrics/index.ts';
import { rng } from '../../src/ml/core/random.ts';
import fixture from './fixtures/deployment.json';

describe('driftPsi', () => {
  it('driftPsi matches numpy over the reference deciles, tied edges merged, for continuous, 0/1 and integer columns', () => {
    for (const [name, column] of Object.entries(fixture.psi)) {
      expect(driftBinEdges(column.reference), name).toEqual(column.edges.map((e) => expect.closeTo(e, 9)));
      expect(driftPsi(column.reference, column.current), name).toBeCloseTo(column.psi, 12);
    }
  });

  it('a 0/1 flag gets one bin per value, so a shift in its share shows (the plain decile PSI would read 0)', () => {
    expect(driftBinEdges(fixture.psi.flag.reference)).toEqual([0]);
    // 5 % → 30 % of ones: (0.3 − 0.05)·ln 6 + (0.7 − 0.95)·ln(0.7 / 0.95), up to sampling.
    expect(fixture.psi.flag.psi).toBeGreaterThan(0.25);
    expect(driftPsi([0, 0, 1, 1], [0, 0, 1, 1])).toBe(0);
  });

  it('the KS statistics of the same windows match scipy', () => {
    for (const column of Object.values(fixture.psi)) {
      const ks = ksTwoSample(column.reference, column.current, { method: 'asymp' });
      expect(ks.statistic).toBeCloseTo(column.ksStatistic, 12);
    }
  });

  it('driftPsi says which window is empty', () => {
    expect(() => driftPsi([], [1])).toThrow(/driftBinEdges: the reference window is empty/);
    expect(() => driftPsi([1], [])).toThrow(/driftPsi: the current window is empty/);
  });
});

describe('release rules', () => {
  it('averagePrecisionOnRows matches scikit-learn on scores with ties, and averagePrecisionScore on random rows', () => {
    const { y, scores, rows, ap, positives } = fixture.averagePrecision;
    const got = averagePrecisionOnRows(y, scores, rows);
    expect(got.ap).toBeCloseTo(ap, 12);
    expect(got.positives).toBe(positives);
    const random = rng(3);
    const labels = Array.from({ length: 300 }, () => (random.next() < 0.2 ? 1 : 0));
    const values = Array.from({ length: 300 }, () => Math.round(random.next() * 20) / 20);
    const subset = random.sample(300, 120);
    expect(averagePrecisionOnRows(labels, values, subset).ap)
      .toBeCloseTo(averagePrecisionScore(subset.map((i) => labels[i]), subset.map((i) => values[i])), 12);
    expect(averagePrecisionOnRows([0, 0, 1], [0.1, 0.2, 0.3], [0, 1]).ap).toBeNaN();
  });

  it('passesValidationGate passes exactly when AP_new ≥ AP_old + margin', () => {
    expect(passesValidationGate(0.6, 0.5, 0.1)).toBe(true);
    expect(passesValidationGate(0.59, 0.5, 0.1)).toBe(false);
    expect(passesValidationGate(0.49, 0.5, -0.02)).toBe(true);
    expect(passesValidationGate(0.47, 0.5, -0.02)).toBe(false);
  });

  it('guardrailTripped trips below AP_old − guardrail, and only once the requests hold minPositives frauds', () => {
    expect(guardrailTripped({ ap: 0.3, positives: 5 }, { ap: 0.5, positives: 5 }, 0.1, 5)).toBe(true);
    expect(guardrailTripped({ ap: 0.3, positives: 4 }, { ap: 0.5, positives: 4 }, 0.1, 5)).toBe(false);
    expect(guardrailTripped({ ap: 0.45, positives: 9 }, { ap: 0.5, positives: 9 }, 0.1, 5)).toBe(false);
    expect(guardrailTripped({ ap: NaN, positives: 9 }, { ap: 0.5, positives: 9 }, 0.1, 5)).toBe(false);
  });

  it('driftAlarm names the column with the largest PSI above the threshold', () => {
    expect(driftAlarm({ amount: 0.3, device: 0.6 }, 0.25)).toEqual({ feature: 'device', psi: 0.6 });
    expect(driftAlarm({ amount: 0.3, device: 0.2 }, 0.3)).toBeNull();
  });

  it('candidateCheckFailures rejects scores that are not probabilities, or all equal', () => {
    expect(candidateCheckFailures([0.1, 0.9])).toEqual([]);
    expect(candidateCheckFailures([0.1, 1.5])).toEqual(['score 1.5 is not a probability']);
    expect(candidateCheckFailures([0.2, 0.2])).toEqual(['every score is the same']);
  });
});

describe('ModelRegistry', () => {
  it('promote keeps the previous serving version as the fallback, and rollback returns to it', () => {
    const registry = new ModelRegistry();
    registry.promote(registry.register(0, 'initial'));
    const v2 = registry.register(5, 'schedule');
    registry.promote(v2);
    expect([registry.current, registry.fallback]).toEqual([2, 1]);
    expect(registry.versions.map((v) => v.status)).toEqual(['fallback', 'serving']);
    const v3 = registry.register(9, 'drift');
    registry.promote(v3);
    expect(registry.versions.map((v) => v.status)).toEqual(['retired', 'fallback', 'serving']);
    expect(registry.rollback()).toBe(2);
    expect(registry.versions.map((v) => v.status)).toEqual(['retired', 'serving', 'rolled back']);
    expect(registry.fallback).toBeNull();
    expect(() => registry.rollback()).toThrow(/there is no fallback version to return to/);
  });

  it('a rejected candidate cannot be promoted', () => {
    const registry = new ModelRegistry();
    registry.promote(registry.register(0, 'initial'));
    const v2 = registry.register(1, 'schedule');
    registry.reject(v2);
    expect(() => registry.promote(v2)).toThrow(/v2 is rejected, not a candidate/);
  });
});

// A hand-built stream: 12 days of 20 requests, 2 frauds a day (requests 0 and 10 of each day). A column
// `x` is 1 on 10 % of requests before day 7 and on 50 % from day 7 on.
const N_DAYS = 12, PER_DAY = 20;
const day = Array.from({ length: N_DAYS * PER_DAY }, (_, i) => Math.floor(i / PER_DAY));
const y = day.map((_, i) => (i % 10 === 0 ? 1 : 0));
const x = day.map((d, i) => (d < 7 ? (i % 10 === 3 ? 1 : 0) : i % 2));
const stream = { day, y, monitored: { x } };
const rowsOf = (from: number, to: number) => day.flatMap((d, i) => (d >= from && d <= to ? [i] : []));
/** Scores that rank every fraud first (AP 1), or last (AP low); ties broken by the row. */
const goodScores = y.map((label, i) => (label ? 0.9 : 0.1) + (i % PER_DAY) / 1000);
const badScores = y.map((label, i) => (label ? 0.1 : 0.5) + (i % PER_DAY) / 1000);
const model = (live: number[], holdout = live, trainedOn: [number, number] = [0, 2]): ReleaseModel => {
  const holdoutRows = rowsOf(trainedOn[0], trainedOn[1]).filter((i) => i % 4 === 0);
  return { liveScores: live, trainingRows: rowsOf(trainedOn[0], trainedOn[1]), holdoutRows, holdoutScores: holdoutRows.map((i) => holdout[i]) };
};
const v1 = model(goodScores);
const quiet: Partial<ReleasePolicy> = { startDay: 3, scheduledRetrainDays: [3], driftRetrain: false, monitorScore: false, minPositives: 5 };
const kinds = (events: { day: number; kind: string }[]) => events.map((e) => `${e.day} ${e.kind}`);

describe('simulateReleaseProcess', () => {
  it('the validation gate rejects a candidate whose holdout AP is below the serving one', () => {
    const run = simulateReleaseProcess(stream, v1, () => model(badScores), quiet);
    expect(kinds(run.events)).toEqual(['3 deploy', '3 retrain', '3 gate failed']);
    // The 3 holdout frauds tie at the lowest score: AP = 1 · 3/15 (all 15 holdout rows flagged at that threshold).
    expect(run.events[2].message).toBe('day 3: gate: v2 holdout AP 0.20 < 1.00 (v1 1.00 + margin 0) → rejected');
    expect(run.versions.map((v) => v.status)).toEqual(['serving', 'rejected']);
    expect([...run.servedBy.slice(3 * PER_DAY)].every((v) => v === 1)).toBe(true);
  });

  it('shadow mode stops a candidate on the first day its logged requests hold 5 frauds, and it serves nobody', () => {
    // The gate is off; shadow starts on day 4; 2 frauds a day reach 5 on day 6.
    const run = simulateReleaseProcess(stream, v1, () => model(badScores), { ...quiet, gate: false });
    expect(kinds(run.events)).toEqual(['3 deploy', '3 retrain', '3 gate skipped', '3 shadow', '6 shadow failed']);
    expect(run.days.find((d) => d.day === 5)!.stage).toMatchObject({ kind: 'shadow', dayInStage: 2, tripped: false });
    expect(run.days.find((d) => d.day === 6)!.stage).toMatchObject({ kind: 'shadow', dayInStage: 3, tripped: true, newModel: { positives: 6 } });
    expect([...run.servedBy].includes(2)).toBe(false);
  });

  it('the canary serves its share and rolls back on the first day its requests hold 5 frauds', () => {
    const run = simulateReleaseProcess(stream, v1, () => model(badScores), { ...quiet, gate: false, shadow: false, canaryShare: 0.5 });
    // The day the canary's own frauds first add up to 5, counted from what it served.
    let frauds = 0, expectedDay = -1;
    for (let d = 4; d < N_DAYS && expectedDay < 0; d++) {
      frauds += rowsOf(d, d).filter((i) => run.servedBy[i] === 2 && y[i] === 1).length;
      if (frauds >= 5) expectedDay = d;
    }
    expect(expectedDay).toBeGreaterThan(4);
    expect(kinds(run.events)).toEqual(['3 deploy', '3 retrain', '3 gate skipped', '3 canary', `${expectedDay} rollback`]);
    const canaryRows = rowsOf(4, expectedDay);
    const share = canaryRows.filter((i) => run.servedBy[i] === 2).length / canaryRows.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.7);
    expect(rowsOf(expectedDay + 1, N_DAYS).every((i) => run.servedBy[i] === 1)).toBe(true);
    expect(run.versions.map((v) => v.status)).toEqual(['serving', 'rejected']);
  });

  it('without a canary the candidate is promoted, and the watch rolls back to the fallback, the previous version', () => {
    const run = simulateReleaseProcess(stream, v1, () => model(badScores), { ...quiet, gate: false, shadow: false, canary: false });
    // Promoted at the end of day 3, serving all of days 4–6; the watch has 6 frauds on day 6.
    expect(kinds(run.events)).toEqual(['3 deploy', '3 retrain', '3 gate skipped', '3 promote', '6 rollback to fallback']);
    expect(run.events[3].message).toBe('day 3: v2 serves all traffic from day 4; v1 kept as fallback');
    expect(run.days.find((d) => d.day === 5)!.fallback).toBe('v1');
    expect(rowsOf(4, 6).every((i) => run.servedBy[i] === 2)).toBe(true);
    expect(rowsOf(7, N_DAYS).every((i) => run.servedBy[i] === 1)).toBe(true);
    expect(run.versions.map((v) => v.status)).toEqual(['serving', 'rolled back']);
  });

  it('without rollback a bad model ships and serves to the end', () => {
    const run = simulateReleaseProcess(stream, v1, () => model(badScores), { ...quiet, gate: false, shadow: false, canary: false, rollback: false });
    expect(kinds(run.events)).toEqual(['3 deploy', '3 retrain', '3 gate skipped', '3 promote']);
    expect(rowsOf(4, N_DAYS).every((i) => run.servedBy[i] === 2)).toBe(true);
  });

  it('the gate cannot see a serving bug (its holdout is scored right), shadow mode can', () => {
    const run = simulateReleaseProcess(stream, v1, () => model(badScores, goodScores), quiet);
    expect(kinds(run.events)).toEqual(['3 deploy', '3 retrain', '3 gate passed', '3 shadow', '6 shadow failed']);
  });

  it('a good candidate goes through 3 days of shadow and at least 4 of canary, then serves with v1 as fallback', () => {
    const run = simulateReleaseProcess(stream, v1, () => model(goodScores), { ...quiet, canaryShare: 0.5, minPositives: 3 });
    // Shadow on days 4–6 (6 frauds ≥ 3); the canary from day 7 ends on day 10 or, if its requests hold
    // fewer than 3 frauds by then, on the first day they do.
    let frauds = 0, promoteDay = -1;
    for (let d = 7; d < N_DAYS && promoteDay < 0; d++) {
      frauds += rowsOf(d, d).filter((i) => run.servedBy[i] === 2 && y[i] === 1).length;
      if (d >= 10 && frauds >= 3) promoteDay = d;
    }
    expect(promoteDay).toBeGreaterThanOrEqual(10);
    expect(kinds(run.events)).toEqual(['3 deploy', '3 retrain', '3 gate passed', '3 shadow', '6 canary', `${promoteDay} promote`]);
    expect(Object.keys(run.days.find((d) => d.day === 8)!.shares).sort()).toEqual(['v1', 'v2']);
    expect(run.days.find((d) => d.day === promoteDay + 1)!).toMatchObject({ serving: 'v2', fallback: 'v1', shares: { v2: 1 } });
    expect(run.versions.map((v) => v.status)).toEqual(['fallback', 'serving']);
  });

  it('the drift monitor starts a retrain on the first day the PSI of a column passes the threshold', () => {
    const psiOn = (d: number) => driftPsi(rowsOf(0, 2).map((i) => x[i]), rowsOf(d - 1, d).map((i) => x[i]));
    for (const threshold of [0.25, 0.5]) {
      const alarmDay = Array.from({ length: N_DAYS }, (_, d) => d).find((d) => d >= 4 && psiOn(d) > threshold)!;
      const run = simulateReleaseProcess(stream, v1, () => model(goodScores, goodScores, [4, 6]), {
        ...quiet, scheduledRetrainDays: [], driftRetrain: true, psiThreshold: threshold, driftWindowDays: 2, gateMargin: -1,
      });
      expect(run.events[1]).toMatchObject({ day: alarmDay, kind: 'retrain', message: `day ${alarmDay}: PSI(x) = ${psiOn(alarmDay).toFixed(3)} > ${threshold} → retrain v2` });
      expect(run.days.find((d) => d.day === alarmDay - 1)!.psi.x).toBeLessThanOrEqual(threshold);
      expect(run.days.find((d) => d.day === alarmDay)!.psi.x).toBeCloseTo(psiOn(alarmDay), 12);
    }
    // 10 % → 30 % of ones on day 7 (half the window drifted), 10 % → 50 % from day 8.
    expect(psiOn(7)).toBeCloseTo(0.2 * Math.log(3) - 0.2 * Math.log(7 / 9), 12);
  });

  it('is deterministic: the same inputs give the same log and the same split', () => {
    const options = { ...quiet, gate: false, shadow: false, canaryShare: 0.3 };
    const [a, b] = [simulateReleaseProcess(stream, v1, () => model(badScores), options), simulateReleaseProcess(stream, v1, () => model(badScores), options)];
    expect(a.events).toEqual(b.events);
    expect([...a.servedBy]).toEqual([...b.servedBy]);
  });
});
