import { checkPositiveInt, checkRange, fail } from '../core/validate.ts';
import { toRandom, type Random } from '../core/random.ts';
import { checkSamples } from './dataset.ts';

export interface MakeTransactionsOptions {
  nSamples: number;
  /** Days the stream covers; transactions are spread evenly over them, in time order. */
  nDays: number;
  /** Share of transactions that are fraud before the drift. */
  fraudRate: number;
  /** Share of transactions that are fraud from `driftDay` on. */
  fraudRateAfter: number;
  /** The first day of the changed world; `nDays` (or more) means no drift. */
  driftDay: number;
  /**
   * How far the world moves at `driftDay`, 0–1. Covariate drift: legitimate customers spend more
   * (amounts ×(1 + 0.6·drift)) and a new mobile app puts many of them on new devices. Concept drift:
   * fraudsters move from large one-off purchases to bursts of small ones, which the old model
   * has seen little of.
   */
  drift: number;
  seed: number;
}

/** A time-ordered stream of card transactions, a few of them fraud. */
export interface TransactionsDataset {
  /** 'amount', 'hour', 'distanceKm', 'velocity', 'newDevice', 'merchantRisk'. */
  featureNames: string[];
  /** One row per transaction, in featureNames' order, in time order. */
  X: number[][];
  /** 1 for fraud. */
  y: number[];
  /** The day (0 … nDays − 1) each transaction happened on. */
  day: number[];
  /** The amount at stake: what a missed fraud costs (also column 0 of X). */
  amount: number[];
  /** Which fraud pattern a fraud follows: 'none' for legitimate rows, 'large' or 'burst'. */
  pattern: Array<'none' | 'large' | 'burst'>;
}

const DEFAULTS: MakeTransactionsOptions = {
  nSamples: 4000, nDays: 60, fraudRate: 0.02, fraudRateAfter: 0.02, driftDay: 40, drift: 1, seed: 0,
};

export const TRANSACTION_FEATURES = ['amount', 'hour', 'distanceKm', 'velocity', 'newDevice', 'merchantRisk'];

/** Share of fraud that is a burst of small purchases, before and after the drift (at drift = 1). */
const BURST_SHARE_BEFORE = 0.2, BURST_SHARE_AFTER = 0.8;
/** Share of legitimate transactions made on a device the card has not used before, before and after (drift = 1). */
const NEW_DEVICE_BEFORE = 0.05, NEW_DEVICE_AFTER = 0.35;

/**
 * A seeded stream of card transactions for the fraud-detection and deployment notebooks. No single
 * column separates fraud: there are two fraud patterns, and each looks normal on most columns.
 * - legitimate: log-normal amounts around 40, daytime hours, near home, 0–3 purchases in the last
 *   hour, mostly known devices and low-risk merchants;
 * - 'large' fraud: one large purchase (around 220), often from a new device, farther from home, at
 *   any hour;
 * - 'burst' fraud: several small purchases (around 18) in quick succession at night (velocity and
 *   the hour are the tell, the amount is not; a model linear in the hour cannot use it).
 * From `driftDay` on, the world shifts by `drift` (see MakeTransactionsOptions.drift) and the fraud
 * rate becomes `fraudRateAfter`. Each row is labelled first, then drawn from its class's model.
 */
export function makeTransactions(options: Partial<MakeTransactionsOptions> = {}): TransactionsDataset {
  const where = 'makeTransactions';
  const o = { ...DEFAULTS, ...options };
  checkSamples(o.nSamples, where, 2);
  checkPositiveInt(o.nDays, where, 'nDays');
  checkRange(o.fraudRate, where, 'fraudRate', 0, 1);
  checkRange(o.fraudRateAfter, where, 'fraudRateAfter', 0, 1);
  checkRange(o.drift, where, 'drift', 0, 1);
  if (!Number.isInteger(o.driftDay) || o.driftDay < 0) fail(where, `driftDay must be an integer ≥ 0, got ${String(o.driftDay)}`);
  const random = toRandom(o.seed);

  const X: number[][] = [];
  const y: number[] = [];
  const day: number[] = [];
  const pattern: TransactionsDataset['pattern'] = [];
  for (let i = 0; i < o.nSamples; i++) {
    const d = Math.floor((i * o.nDays) / o.nSamples);
    const shift = d >= o.driftDay ? o.drift : 0;
    const fraud = random.next() < (d >= o.driftDay ? o.fraudRateAfter : o.fraudRate);
    const burstShare = BURST_SHARE_BEFORE + shift * (BURST_SHARE_AFTER - BURST_SHARE_BEFORE);
    const kind = !fraud ? 'none' : random.next() < burstShare ? 'burst' : 'large';
    X.push(drawTransaction(kind, shift, random));
    y.push(fraud ? 1 : 0);
    day.push(d);
    pattern.push(kind);
  }
  return { featureNames: TRANSACTION_FEATURES.slice(), X, y, day, amount: X.map((row) => row[0]), pattern };
}

function drawTransaction(kind: 'none' | 'large' | 'burst', shift: number, random: Random): number[] {
  const logNormal = (median: number, spread: number): number => round2(median * Math.exp(random.normal(0, spread)));
  if (kind === 'large') {
    return [
      logNormal(220, 0.7),
      random.int(24),
      logNormal(60, 1.2),
      poisson(1, random),
      random.next() < 0.45 ? 1 : 0,
      clamp01(random.normal(0.35, 0.2)),
    ];
  }
  if (kind === 'burst') {
    return [
      logNormal(18, 0.6),
      nightHour(random),
      logNormal(15, 1.3),
      2 + poisson(3, random),
      random.next() < 0.2 ? 1 : 0,
      clamp01(random.normal(0.4, 0.2)),
    ];
  }
  const newDeviceShare = NEW_DEVICE_BEFORE + shift * (NEW_DEVICE_AFTER - NEW_DEVICE_BEFORE);
  return [
    logNormal(40 * (1 + 0.6 * shift), 0.8),
    dayHour(random),
    logNormal(10, 1.3),
    poisson(1, random),
    random.next() < newDeviceShare ? 1 : 0,
    clamp01(random.normal(0.25, 0.2)),
  ];
}

/** An hour of the day, mostly 8–22 (normal around 15). */
function dayHour(random: Random): number {
  return ((Math.round(random.normal(15, 4)) % 24) + 24) % 24;
}

/** An hour of the night, mostly 22–5 (normal around 2). */
function nightHour(random: Random): number {
  return ((Math.round(random.normal(2, 2.5)) % 24) + 24) % 24;
}

/** Knuth's method; fine for the small means used here. */
function poisson(mean: number, random: Random): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random.next(); p > limit; p *= random.next()) k++;
  return k;
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, Math.round(v * 1000) / 1000));
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
