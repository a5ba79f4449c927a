import { checkRange, fail } from '../core/validate.ts';
import { toRandom } from '../core/random.ts';
import { ModelRegistry, type ModelVersion } from './model-registry.ts';
import { driftBinEdges, driftBinIndex, driftBinShares, psiFromBinShares, sharesFromCounts } from './drift-psi.ts';
import {
  averagePrecisionOnRows, candidateCheckFailures, driftAlarm, guardrailTripped, passesValidationGate, type RowsMetric,
} from './release-rules.ts';

/** The traffic: one entry per transaction, in time order. */
export interface ReleaseStream {
  /** Day of each transaction (non-decreasing). */
  day: readonly number[];
  /** 1 for fraud. Labels are taken to be known at the end of the transaction's day. */
  y: readonly number[];
  /** Columns the drift monitor watches, by name, one value per transaction. */
  monitored: Record<string, ArrayLike<number>>;
}

/** A trained model, as the simulation needs it: its scores are computed once, outside. */
export interface ReleaseModel {
  /** The score the model's production pipeline gives each transaction of the stream. */
  liveScores: ArrayLike<number>;
  /** Transactions it was trained on: the drift monitor's reference while it serves. */
  trainingRows: readonly number[];
  /** Held-out transactions, and the scores the training pipeline gives them (for the validation gate). */
  holdoutRows: readonly number[];
  holdoutScores: ArrayLike<number>;
}

export type RetrainReason = 'schedule' | 'drift';

export interface ReleasePolicy {
  /** The initial model serves from this day on; earlier days are history. */
  startDay: number;
  /** Days at whose end a retrain is started on schedule. */
  scheduledRetrainDays: number[];
  gate: boolean;
  /** The gate passes when AP_candidate ≥ AP_serving + gateMargin on the candidate's holdout. */
  gateMargin: number;
  shadow: boolean;
  shadowDays: number;
  canary: boolean;
  /** Share of requests the canary serves, 0–1. */
  canaryShare: number;
  canaryDays: number;
  /** Automatic rollback when the guardrail trips in the canary or in the watch after a release. */
  rollback: boolean;
  /** Largest AP drop against the model compared with that is tolerated. */
  guardrail: number;
  /** Frauds the compared requests must hold before the guardrail may trip, and before shadow or canary may end. */
  minPositives: number;
  driftRetrain: boolean;
  psiThreshold: number;
  /** The drift monitor compares the last driftWindowDays days with the serving model's training data. */
  driftWindowDays: number;
  /** Days between two drift-triggered retrains. */
  driftCooldownDays: number;
  /** Also watch the PSI of the serving model's score. */
  monitorScore: boolean;
  /** Days of traffic behind each day's liveAP (0: not computed, for runs that only need the log). */
  apWindowDays: number;
  /** Seeds the split of requests between canary and control. */
  seed: number;
}

export type ReleaseStageKind = 'shadow' | 'canary' | 'watch';

/** What a release stage's guardrail read at the end of a day. */
export interface StageReading {
  kind: ReleaseStageKind;
  /** The new model, and the one it is compared with on the same requests. */
  version: string;
  against: string;
  dayInStage: number;
  newModel: RowsMetric;
  oldModel: RowsMetric;
  tripped: boolean;
}

export interface ReleaseEvent {
  day: number;
  kind: 'deploy' | 'retrain' | 'gate passed' | 'gate failed' | 'gate skipped' | 'shadow' | 'shadow failed' | 'canary' | 'promote' | 'rollback'
    | 'rollback to fallback';
  version: string;
  message: string;
}

export interface ReleaseDay {
  day: number;
  /** Who served this day's requests (version name → share), and who scored them in shadow. */
  shares: Record<string, number>;
  serving: string;
  shadow: string | null;
  fallback: string | null;
  stage: StageReading | null;
  /** The drift monitor's PSI per watched column at the end of the day. */
  psi: Record<string, number>;
  /** AP over the last apWindowDays days of every live version, each scoring all requests (empty if apWindowDays is 0). */
  liveAP: Record<string, number>;
  events: ReleaseEvent[];
  /** The registry after the day: every version and its status. */
  registry: Array<Pick<ModelVersion, 'name' | 'status'>>;
}

export interface ReleaseResult<M extends ReleaseModel = ReleaseModel> {
  days: ReleaseDay[];
  events: ReleaseEvent[];
  /** Which version served each transaction (0 before startDay). */
  servedBy: Int32Array;
  versions: ModelVersion[];
  /** The model of each version: models[k − 1] is vk. */
  models: M[];
}

const DEFAULTS: ReleasePolicy = {
  startDay: 0, scheduledRetrainDays: [], gate: true, gateMargin: 0, shadow: true, shadowDays: 3,
  canary: true, canaryShare: 0.2, canaryDays: 4, rollback: true, guardrail: 0.1, minPositives: 5,
  driftRetrain: true, psiThreshold: 0.25, driftWindowDays: 5, driftCooldownDays: 5, monitorScore: true, apWindowDays: 7, seed: 0,
};

interface Stage { kind: ReleaseStageKind; version: number; against: number; since: number; rows: number[] }

/** The drift monitor's view of one column under one model: its training data's bins and every row's bin. */
interface ColumnBins { expected: number[]; binOfRow: Uint8Array }

/**
 * The drift monitor's bins for a column: the deciles of the model's training rows, their shares, and
 * the bin of every row of the stream, so a day's PSI only counts bins. They depend only on the model
 * and the column, so they are kept (weakly) across runs: a notebook re-runs the simulation with the
 * same models every time a control moves.
 */
const binsByModel = new WeakMap<ReleaseModel, Map<ArrayLike<number>, ColumnBins>>();
/** Each model's AP over the apWindowDays days up to a day, kept across runs like the bins. */
const apByModel = new WeakMap<ReleaseModel, Map<string, number>>();
function referenceBins(model: ReleaseModel, column: ArrayLike<number>): ColumnBins {
  let byColumn = binsByModel.get(model);
  if (!byColumn) binsByModel.set(model, (byColumn = new Map()));
  let bins = byColumn.get(column);
  if (!bins) {
    const reference = model.trainingRows.map((i) => column[i]);
    const edges = driftBinEdges(reference);
    const binOfRow = new Uint8Array(column.length);
    for (let i = 0; i < column.length; i++) binOfRow[i] = driftBinIndex(column[i], edges);
    bins = { expected: driftBinShares(reference, edges), binOfRow };
    byColumn.set(column, bins);
  }
  return bins;
}

/**
 * Replays a release process over a stream, day by day, with every model's scores computed in advance:
 * a registry of versions (the serving one and the previous one as fallback), a validation gate,
 * shadow mode, a canary with automatic rollback, a watch after each release, and a drift monitor that
 * starts a retrain. `retrain(day, reason)` returns the model trained at the end of `day`.
 * Deterministic: the same inputs give the same log.
 */
export function simulateReleaseProcess<M extends ReleaseModel>(
  stream: ReleaseStream,
  initial: M,
  retrain: (day: number, reason: RetrainReason) => M,
  options: Partial<ReleasePolicy> = {},
): ReleaseResult<M> {
  const where = 'simulateReleaseProcess';
  const policy = { ...DEFAULTS, ...options };
  const n = stream.y.length;
  if (stream.day.length !== n) fail(where, `stream.day has ${stream.day.length} entries but stream.y has ${n}`);
  checkRange(policy.canaryShare, where, 'canaryShare', 0, 1);
  const lastDay = stream.day[n - 1];

  // Row ranges of each day: the stream is in time order.
  const firstRow: number[] = [], endRow: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = stream.day[i];
    if (i > 0 && d < stream.day[i - 1]) fail(where, `stream.day must not decrease (row ${i}: ${d} after ${stream.day[i - 1]})`);
    if (firstRow[d] === undefined) firstRow[d] = i;
    endRow[d] = i + 1;
  }
  const rowsOfDays = (from: number, to: number): number[] => {
    const rows: number[] = [];
    for (let d = Math.max(0, from); d <= to; d++) for (let i = firstRow[d] ?? 0; i < (endRow[d] ?? 0); i++) rows.push(i);
    return rows;
  };

  const random = toRandom(policy.seed);
  const canaryDraw = Float64Array.from({ length: n }, () => random.next());
  const registry = new ModelRegistry();
  const models: M[] = [];
  const events: ReleaseEvent[] = [];
  const days: ReleaseDay[] = [];
  const servedBy = new Int32Array(n);
  let stage: Stage | null = null;
  let lastDriftRetrain = -Infinity;
  let dayEvents: ReleaseEvent[] = [];
  const log = (day: number, kind: ReleaseEvent['kind'], version: number, message: string) => {
    const event = { day, kind, version: registry.nameOf(version), message: `day ${day}: ${message}` };
    events.push(event);
    dayEvents.push(event);
  };
  const modelOf = (version: number) => models[version - 1];
  const current = () => registry.current as number;

  const watchedColumns = (version: number): Record<string, ArrayLike<number>> =>
    policy.monitorScore ? { ...stream.monitored, score: modelOf(version).liveScores } : stream.monitored;
  const register = (day: number, reason: string, model: M) => {
    models.push(model);
    return registry.register(day, reason);
  };
  registry.promote(register(policy.startDay, 'initial', initial));
  dayEvents = [];
  log(policy.startDay, 'deploy', 1, 'v1 serves all traffic');

  /** A new version is trained at the end of `day`: gate now, then shadow, canary or straight to serving. */
  const startRelease = (day: number, reason: RetrainReason, why: string) => {
    const model = retrain(day, reason);
    const version = register(day, reason, model);
    const name = registry.nameOf(version);
    log(day, 'retrain', version, `${why} → retrain ${name}`);
    const newAP = averagePrecisionOnRows(stream.y, holdoutScoresByRow(model), model.holdoutRows).ap;
    const oldAP = averagePrecisionOnRows(stream.y, modelOf(current()).liveScores, model.holdoutRows).ap;
    const failures = candidateCheckFailures(model.holdoutScores);
    const bar = oldAP + policy.gateMargin;
    const against = `${bar.toFixed(2)} (${registry.nameOf(current())} ${oldAP.toFixed(2)} ${policy.gateMargin < 0 ? '−' : '+'} margin ${Math.abs(policy.gateMargin)})`;
    if (!policy.gate) log(day, 'gate skipped', version, `no gate: ${name} not checked (holdout AP ${newAP.toFixed(2)}, bar ${against})`);
    else if (failures.length > 0 || !passesValidationGate(newAP, oldAP, policy.gateMargin)) {
      const what = failures.length > 0 ? failures.join('; ') : `holdout AP ${newAP.toFixed(2)} < ${against}`;
      log(day, 'gate failed', version, `gate: ${name} ${what} → rejected`);
      registry.reject(version);
      return;
    } else log(day, 'gate passed', version, `gate: ${name} holdout AP ${newAP.toFixed(2)} ≥ ${against} → passed`);
    nextStage(day, version, policy.shadow ? 'shadow' : policy.canary ? 'canary' : null);
  };

  /** Moves `version` to a stage that starts tomorrow; null promotes it now (serving tomorrow). */
  const nextStage = (day: number, version: number, kind: 'shadow' | 'canary' | null) => {
    const name = registry.nameOf(version);
    if (kind === 'shadow') {
      stage = { kind, version, against: current(), since: day + 1, rows: [] };
      log(day, 'shadow', version, `${name} scores all requests in shadow from day ${day + 1}; ${registry.nameOf(current())} decides`);
      return;
    }
    if (kind === 'canary') {
      stage = { kind, version, against: current(), since: day + 1, rows: [] };
      log(day, 'canary', version, `canary: ${name} serves ${Math.round(100 * policy.canaryShare)} % of requests from day ${day + 1}`);
      return;
    }
    const previous = registry.nameOf(current());
    registry.promote(version);
    log(day, 'promote', version, `${name} serves all traffic from day ${day + 1}; ${previous} kept as fallback`);
    stage = policy.rollback ? { kind: 'watch', version, against: registry.fallback as number, since: day + 1, rows: [] } : null;
  };

  const holdoutCache = new Map<ReleaseModel, Float64Array>();
  /** The holdout scores spread over a stream-long array, so rows index them like live scores. */
  function holdoutScoresByRow(model: ReleaseModel): Float64Array {
    let byRow = holdoutCache.get(model);
    if (!byRow) {
      byRow = new Float64Array(n).fill(NaN);
      model.holdoutRows.forEach((row, k) => { byRow![row] = model.holdoutScores[k]; });
      holdoutCache.set(model, byRow);
    }
    return byRow;
  }

  for (let day = policy.startDay; day <= lastDay; day++) {
    if (day > policy.startDay) dayEvents = [];
    const active = stage as Stage | null;
    // 1. Serve the day's requests: the canary takes its share, the serving model the rest.
    const todays = rowsOfDays(day, day);
    const counts = new Map<number, number>();
    for (const i of todays) {
      const version = active?.kind === 'canary' && canaryDraw[i] < policy.canaryShare ? active.version : current();
      servedBy[i] = version;
      counts.set(version, (counts.get(version) ?? 0) + 1);
    }
    const shares: Record<string, number> = {};
    for (const [version, count] of counts) shares[registry.nameOf(version)] = count / Math.max(todays.length, 1);
    const servingToday = registry.nameOf(current());
    const shadowToday = active?.kind === 'shadow' ? registry.nameOf(active.version) : null;
    const fallbackToday = registry.nameOf(registry.fallback);

    // 2. Labels are in: the stage's guardrail compares old and new on the requests the new one saw.
    let reading: StageReading | null = null;
    if (active) {
      const seen = active.kind === 'canary' ? todays.filter((i) => servedBy[i] === active.version) : todays;
      active.rows.push(...seen);
      const newModel = averagePrecisionOnRows(stream.y, modelOf(active.version).liveScores, active.rows);
      const oldModel = averagePrecisionOnRows(stream.y, modelOf(active.against).liveScores, active.rows);
      const tripped = guardrailTripped(newModel, oldModel, policy.guardrail, policy.minPositives);
      const dayInStage = day - active.since + 1;
      const name = registry.nameOf(active.version), other = registry.nameOf(active.against);
      reading = { kind: active.kind, version: name, against: other, dayInStage, newModel, oldModel, tripped };
      const numbers = `AP ${newModel.ap.toFixed(2)} < ${other} ${oldModel.ap.toFixed(2)} − ${policy.guardrail}`;
      if (active.kind === 'shadow') {
        if (tripped) {
          log(day, 'shadow failed', active.version, `shadow: ${name} ${numbers} → rejected, no customer saw it`);
          registry.reject(active.version);
          stage = null;
        } else if (dayInStage >= policy.shadowDays && newModel.positives >= policy.minPositives) nextStage(day, active.version, policy.canary ? 'canary' : null);
      } else if (active.kind === 'canary') {
        if (tripped && policy.rollback) {
          log(day, 'rollback', active.version, `canary ${name} ${numbers} → rollback, ${other} serves all`);
          registry.reject(active.version);
          stage = null;
        } else if (dayInStage >= policy.canaryDays && newModel.positives >= policy.minPositives) nextStage(day, active.version, null);
      } else if (tripped) {
        const back = registry.rollback();
        log(day, 'rollback to fallback', active.version, `watch: ${name} ${numbers} → rollback to fallback ${registry.nameOf(back)}`);
        stage = null;
      } else if (dayInStage >= policy.canaryDays) stage = null;
    }

    // 3. The drift monitor: PSI of the last days against the serving model's training data.
    const windowRows = rowsOfDays(day - policy.driftWindowDays + 1, day);
    const psi: Record<string, number> = {};
    for (const [name, column] of Object.entries(watchedColumns(current()))) {
      const { expected, binOfRow } = referenceBins(modelOf(current()), column);
      const counts = new Array<number>(expected.length).fill(0);
      for (const i of windowRows) counts[binOfRow[i]]++;
      psi[name] = psiFromBinShares(expected, sharesFromCounts(counts, windowRows.length));
    }
    const alarm = driftAlarm(psi, policy.psiThreshold);
    if (stage === null && day < lastDay) {
      if (policy.driftRetrain && alarm && day - lastDriftRetrain >= policy.driftCooldownDays) {
        lastDriftRetrain = day;
        startRelease(day, 'drift', `PSI(${alarm.feature}) = ${alarm.psi.toFixed(3)} > ${policy.psiThreshold}`);
      } else if (policy.scheduledRetrainDays.includes(day)) startRelease(day, 'schedule', 'scheduled retrain');
    }

    // Every live version's recent AP, for the timeline.
    const liveAP: Record<string, number> = {};
    if (policy.apWindowDays > 0) {
      const recent = rowsOfDays(day - policy.apWindowDays + 1, day);
      // A model's recent AP does not depend on the rules: kept across runs, per window length and day.
      const recentAP = (model: M, d: number, compute: () => number) => {
        let byDay = apByModel.get(model);
        if (!byDay) apByModel.set(model, (byDay = new Map()));
        const key = `${policy.apWindowDays} ${d}`;
        if (!byDay.has(key)) byDay.set(key, compute());
        return byDay.get(key)!;
      };
      const live = new Set([registry.current as number, ...(active ? [active.version, active.against] : [])]);
      for (const version of live) liveAP[registry.nameOf(version)] = recentAP(modelOf(version), day, () => averagePrecisionOnRows(stream.y, modelOf(version).liveScores, recent).ap);
    }

    days.push({
      day, shares, serving: servingToday, shadow: shadowToday, fallback: registry.fallback === null ? null : fallbackToday,
      stage: reading, psi, liveAP, events: dayEvents,
      registry: registry.versions.map(({ name, status }) => ({ name, status })),
    });
  }
  return { days, events, servedBy, versions: registry.versions.map((v) => ({ ...v })), models };
}
