import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allMarkdown, figure, notebookRunner, numberAfter } from './report-queries.ts';

// scikit-learn's Ridge, encoders and r2_score, and numpy target encoding, on the notebook's own data
// (tests/notebooks/fixtures/make_categorical_encoding.py).
type Scores = Record<string, { train: number; test: number }>;
const sklearn = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/categorical-encoding.json'), 'utf8')) as Record<'city' | 'noise', Scores & { trainCities: number; singletons: number; unseenTest: number }>;
const run = notebookRunner('categorical-encoding');
const other = { smoothing: 20, cityMatters: false, encoding: 'one-hot' };

function bars(report: Awaited<ReturnType<typeof run>>, title: string) {
  const chart = figure(report, title);
  const names = chart.data[0].x as string[];
  return Object.fromEntries(names.map((n, i) => [n, { train: (chart.data[0].y as number[])[i], test: (chart.data[1].y as number[])[i] }]));
}

function expectScores(actual: Scores, reference: Scores, m: number) {
  for (const name of ['no city', 'label', 'one-hot', 'frequency']) {
    expect(actual[name].train, name).toBeCloseTo(reference[name].train, 9);
    expect(actual[name].test, name).toBeCloseTo(reference[name].test, 9);
  }
  for (const name of ['target, in-sample', 'target, out-of-fold']) {
    expect(actual[name].train, name).toBeCloseTo(reference[`${name}, m = ${m}`].train, 9);
    expect(actual[name].test, name).toBeCloseTo(reference[`${name}, m = ${m}`].test, 9);
  }
}

describe('notebooks/categorical-encoding.md', () => {
  it('every encoding scores what scikit-learn scores, for m = 0 with a city effect and m = 20 without', async () => {
    const base = await run();
    expectScores(bars(base, 'Ridge regression R² by city encoding, m = 0'), sklearn.city, 0);
    expect(numberAfter(base, 'The training rows hold')).toBe(sklearn.city.trainCities);
    expect(numberAfter(base, 'cities; **')).toBe(sklearn.city.singletons);
    expect(numberAfter(base, 'row, and')).toBe(sklearn.city.unseenTest);
    const moved = await run(other);
    expectScores(bars(moved, 'Ridge regression R² by city encoding, m = 20, city is noise'), sklearn.noise, 20);
  }, 120_000);

  it('in-sample target encoding leaks: at m = 0 every single-row city is coded as its own spend and the gap is the largest of the target encodings', async () => {
    const base = await run();
    const inSampleGap = numberAfter(base, 'In-sample target encoding: gap');
    const oofGap = numberAfter(base, 'out of fold: gap');
    expect(inSampleGap).toBeGreaterThan(0.15);
    expect(oofGap).toBeLessThan(0.05);
    const singles = sklearn.city.singletons;
    expect(numberAfter(base, 'At m = 0,')).toBe(singles);
    expect(allMarkdown(base)).toMatch(new RegExp(`\\*\\*${singles}\\*\\* of the ${singles} rows from\\s+single-row cities are encoded as exactly their own spend`));
    expect(numberAfter(base, 'each training row\'s own spend:')).toBeGreaterThan(numberAfter(base, 'of the out-of-fold code:') + 0.3);
  }, 120_000);

  it('with the city as noise, no encoding beats leaving it out on test rows by more than 0.005', () => {
    const noise = sklearn.noise;
    for (const name of ['label', 'one-hot', 'frequency', 'target, in-sample, m = 20', 'target, out-of-fold, m = 20', 'target, in-sample, m = 0', 'target, out-of-fold, m = 0']) {
      expect(noise[name].test, name).toBeLessThan(noise['no city'].test + 0.005);
    }
  });

  it('the encoding control redraws the picture of the city column; smoothing shrinks the in-sample leak', async () => {
    const base = await run();
    const moved = await run(other);
    expect(figure(base, 'target, in-sample, m = 0: the code of each training row').data[0].type).toBe('scatter');
    expect(figure(moved, 'One-hot: 40 training rows').data[0].type).toBe('heatmap');
    expect(numberAfter(moved, 'In-sample target encoding: gap')).toBeLessThan(numberAfter(base, 'In-sample target encoding: gap'));
    figure(base, 'Learned 2-D city embeddings');
    // The learned embeddings order the common cities by their true effect along u.
    expect(numberAfter(base, 'training rows correlates')).toBeGreaterThan(0.6);
  }, 120_000);

  it('the hand-written target encoding matches TargetEncoder exactly', async () => {
    const base = await run();
    expect(numberAfter(base, 'out-of-fold codes')).toBeLessThan(1e-12);
    expect(numberAfter(base, 'test codes')).toBeLessThan(1e-12);
  }, 120_000);
});
