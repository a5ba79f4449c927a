import { checkOneOf, checkPositiveInt, checkRange, fail } from '../core/validate.ts';
import { toRandom, type Random } from '../core/random.ts';
import { checkSamples } from './dataset.ts';

/** How `income` values go missing: not at all, completely at random, at random given age, or by their own value. */
export type MissingMechanism = 'none' | 'MCAR' | 'MAR' | 'MNAR';

export interface MakeTabularOptions {
  nSamples: number;
  /** Distinct values of the high-cardinality `city` column; city k is drawn with probability ∝ 1/k (Zipf). */
  nCities: number;
  /** Standard deviation of each city's effect on the target; 0 makes the city pure noise. */
  cityEffect: number;
  /** Share of incomes typed with an extra zero (×10): the outliers a robust scaler ignores. */
  outlierShare: number;
  /** Which rows lose their income (set to NaN). */
  missingMechanism: MissingMechanism;
  /** Share of rows whose income is missing (exactly round(missingRate · nSamples) of them). */
  missingRate: number;
  /** MAR and MNAR: how steeply the odds of a missing income follow age (MAR) or income (MNAR), per standard deviation. */
  missingStrength: number;
  /** Standard deviation of the target's noise. */
  noise: number;
  /** Adds a numeric column `leak`: the target plus a little noise, as a field recorded after the outcome would be. */
  leakyFeature: boolean;
  seed: number;
}

/** A mixed-type table: numeric columns (NaN where missing) and categorical ones, with a target and a label. */
export interface TabularDataset {
  /** 'age', 'income', 'tenure' (and 'leak' if asked). */
  numericNames: string[];
  /** One row per sample, in numericNames' order; NaN where an income is missing. */
  numeric: number[][];
  /** numeric before any value went missing (the truth an imputer tries to recover). */
  complete: number[][];
  /** missing[i]: row i's income is NaN in `numeric`. */
  missing: boolean[];
  /** 'plan' (3 levels) and 'city' (nCities levels). */
  categoricalNames: string[];
  categorical: string[][];
  /** The regression target. */
  target: number[];
  /** The classification label: 1 where the target is above its median. */
  y: number[];
  /** Each city's true effect on the target. */
  cityEffects: Record<string, number>;
}

const DEFAULTS: MakeTabularOptions = {
  nSamples: 500, nCities: 60, cityEffect: 0.5, outlierShare: 0.02, missingMechanism: 'none', missingRate: 0.3,
  missingStrength: 1.5, noise: 0.5, leakyFeature: false, seed: 0,
};

// The generating model, in the units a learner reads: age in years, income in a currency unit, tenure in months.
const AGE_MEAN = 40, AGE_STD = 12;
const LOG_INCOME_MEAN = Math.log(30_000), LOG_INCOME_PER_YEAR = 0.025, LOG_INCOME_NOISE = 0.45;
const LOG_INCOME_STD = Math.hypot(LOG_INCOME_PER_YEAR * AGE_STD, LOG_INCOME_NOISE);
const TENURE_MEAN = 30;
const PLANS = ['basic', 'standard', 'premium'] as const;
const PLAN_EFFECT: Record<(typeof PLANS)[number], number> = { basic: -0.5, standard: 0, premium: 0.5 };

/**
 * A seeded table of customers for the data-preparation notebooks: `age` (normal, 18–80), `income`
 * (log-normal, rising with age, a few ×10 typos), `tenure` (exponential), `plan` (3 levels, likelier
 * premium with income), `city` (Zipf-distributed, nCities levels, each with its own effect). The target
 * is 0.8·z(log income) − 0.8·z(tenure) + plan effect + city effect + noise (z: standardised with the
 * generating model's mean and spread); `y` splits it at its median.
 */
export function makeTabular(options: Partial<MakeTabularOptions> = {}): TabularDataset {
  const where = 'makeTabular';
  const o = { ...DEFAULTS, ...options };
  checkSamples(o.nSamples, where, 2);
  checkPositiveInt(o.nCities, where, 'nCities');
  checkOneOf(o.missingMechanism, ['none', 'MCAR', 'MAR', 'MNAR'], where, 'missingMechanism');
  checkRange(o.missingRate, where, 'missingRate', 0, 1);
  checkRange(o.outlierShare, where, 'outlierShare', 0, 1);
  for (const key of ['cityEffect', 'missingStrength', 'noise'] as const) {
    if (typeof o[key] !== 'number' || !(o[key] >= 0) || !Number.isFinite(o[key])) fail(where, `${key} must be a finite number ≥ 0, got ${String(o[key])}`);
  }
  const random = toRandom(o.seed);
  const cities = Array.from({ length: o.nCities }, (_, k) => `city ${String(k + 1).padStart(String(o.nCities).length, '0')}`);
  const cityEffects = Object.fromEntries(cities.map((c) => [c, random.normal(0, o.cityEffect)]));
  const zipf = cities.map((_, k) => 1 / (k + 1));

  const zAge: number[] = [];
  const zLogIncome: number[] = [];
  const complete: number[][] = [];
  const categorical: string[][] = [];
  const target: number[] = [];
  for (let i = 0; i < o.nSamples; i++) {
    const age = Math.round(Math.min(80, Math.max(18, random.normal(AGE_MEAN, AGE_STD))));
    const logIncome = LOG_INCOME_MEAN + LOG_INCOME_PER_YEAR * (age - AGE_MEAN) + random.normal(0, LOG_INCOME_NOISE);
    const typo = random.next() < o.outlierShare;
    const income = Math.round(Math.exp(logIncome)) * (typo ? 10 : 1);
    const tenure = Math.round(-TENURE_MEAN * Math.log(1 - random.next()));
    const zIncome = (logIncome - LOG_INCOME_MEAN) / LOG_INCOME_STD;
    const planScore = zIncome + random.normal();
    const plan = PLANS[planScore < -0.5 ? 0 : planScore < 0.8 ? 1 : 2];
    const city = cities[random.weighted(zipf)];
    const value = 0.8 * zIncome - 0.8 * (tenure - TENURE_MEAN) / TENURE_MEAN + PLAN_EFFECT[plan] + cityEffects[city] + random.normal(0, o.noise);
    zAge.push((age - AGE_MEAN) / AGE_STD);
    zLogIncome.push(zIncome);
    complete.push([age, income, tenure]);
    categorical.push([plan, city]);
    target.push(value);
  }
  if (o.leakyFeature) complete.forEach((row, i) => row.push(target[i] + random.normal(0, 0.1)));

  const missing = missingRows(o, zAge, zLogIncome, random);
  const numeric = complete.map((row, i) => (missing[i] ? row.map((v, j) => (j === 1 ? NaN : v)) : row.slice()));
  const sorted = target.slice().sort((a, b) => a - b);
  const median = (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
  return {
    numericNames: ['age', 'income', 'tenure', ...(o.leakyFeature ? ['leak'] : [])],
    numeric,
    complete,
    missing,
    categoricalNames: ['plan', 'city'],
    categorical,
    target,
    y: target.map((t) => (t > median ? 1 : 0)),
    cityEffects,
  };
}

/**
 * Exactly round(missingRate · n) rows, drawn without replacement with weight 1 (MCAR), e^(−s·z(age))
 * (MAR: the young skip the question) or e^(s·z(log income)) (MNAR: high earners hide it), by
 * Efraimidis–Spirakis keys u^(1/w).
 */
function missingRows(o: MakeTabularOptions, zAge: number[], zLogIncome: number[], random: Random): boolean[] {
  const n = zAge.length;
  const missing = new Array<boolean>(n).fill(false);
  if (o.missingMechanism === 'none') return missing;
  const count = Math.round(o.missingRate * n);
  const weight = (i: number): number =>
    o.missingMechanism === 'MAR' ? Math.exp(-o.missingStrength * zAge[i])
      : o.missingMechanism === 'MNAR' ? Math.exp(o.missingStrength * zLogIncome[i])
        : 1;
  // log(u)/w orders rows as u^(1/w) does, without underflow for large w.
  const keys = Array.from({ length: n }, (_, i) => ({ i, key: Math.log(1 - random.next()) / weight(i) }));
  keys.sort((a, b) => b.key - a.key || a.i - b.i);
  for (let r = 0; r < count; r++) missing[keys[r].i] = true;
  return missing;
}
