import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ControlValue } from '../../src/kernel/types.ts';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import { boldNumbers, figure, markdown, notebookRunner, outputs } from './report-queries.ts';

const run = notebookRunner('knn');

// scikit-learn on the notebook's own data (tests/notebooks/fixtures/make_knn.py).
interface KnnFixture {
  ruleK: number;
  accuracy: Record<string, { train: number; test: number }>;
  units: { factor: number; raw: number; scaled: number }[];
  rootRule: Record<string, { oddRoot: number; atRoot: number; atOne: number; best: number; bestK: number }>;
  regression: Record<string, number[]>;
}
const sklearn = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/knn.json'), 'utf8')) as KnnFixture;

/** A share as the notebook prints it: a percentage with one decimal. */
const percent = (share: number) => Number((100 * share).toFixed(1));

function trace(fig: Figure, name: string): Trace {
  const found = fig.data.find((t) => t.name === name);
  expect(found, `a trace named "${name}" in ${fig.data.map((t) => t.name).join(', ')}`).toBeDefined();
  return found!;
}

/** A mark of the figure by its legend name: a layout shape. */
function mark(fig: Figure, name: string): Record<string, unknown> {
  const found = ((fig.layout.shapes as Record<string, unknown>[] | undefined) ?? []).find((s) => s.name === name);
  expect(found, `a shape named "${name}"`).toBeDefined();
  return found!;
}

/** The points of a path mark, "Mx,yLx,y…"; each M starts a new piece. */
function pathPieces(fig: Figure, name: string): number[][][] {
  return (mark(fig, name).path as string).split('M').slice(1)
    .map((piece) => piece.split('L').map((point) => point.split(',').map(Number)));
}

/** The predicted class of every grid cell of the decision-regions figure, flattened. */
function regionClasses(report: Awaited<ReturnType<typeof run>>): number[] {
  return (trace(figure(report, 'Decision regions'), 'predicted class').z as number[][]).flat();
}

/** The numbers of the accuracy sentence under the accuracy-against-k chart, by name. */
function accuracySentence(report: Awaited<ReturnType<typeof run>>) {
  const text = markdown(report, 'the training accuracy is');
  const [trainAtOne, testAtOne, best, trainAtK, testAtK, trainAtN, testAtN] = boldNumbers(text);
  const bestK = Number(/at \*\*k = (\d+)\*\*\./.exec(text)?.[1]);
  return { trainAtOne, testAtOne, best, bestK, trainAtK, testAtK, trainAtN, testAtN };
}

describe('notebooks/knn.md', () => {
  it('the prose quotes training and test accuracies equal to scikit-learn\'s on the same data (default: k = 15, Euclidean, uniform)', async () => {
    const report = await run();
    const text = markdown(report, 'the training accuracy is');
    expect(text).toContain('at **k = 1**');
    expect(text).toContain('**k = n = 150**');
    const s = accuracySentence(report);
    const at = (k: number) => sklearn.accuracy[`euclidean/uniform/${k}`];
    expect(s.trainAtOne).toBe(100);
    expect(s.testAtOne).toBe(percent(at(1).test));
    expect([s.trainAtK, s.testAtK]).toEqual([percent(at(15).train), percent(at(15).test)]);
    expect([s.trainAtN, s.testAtN]).toEqual([percent(at(150).train), percent(at(150).test)]);
    // The best k on the test curve: scikit-learn scores it the same.
    expect(s.bestK).toBe(7);
    expect(s.best).toBe(percent(at(7).test));
    // √n rounded to odd, and the three distances at that k.
    const [euclid, manhattan, cosine] = boldNumbers(markdown(report, 'Test accuracy at k = 13 with uniform weights'));
    expect(sklearn.ruleK).toBe(13);
    expect([euclid, manhattan, cosine]).toEqual(['euclidean', 'manhattan', 'cosine'].map((m) => percent(sklearn.accuracy[`${m}/uniform/13`].test)));
    expect(cosine).toBeLessThan(euclid);
  }, 180_000);

  it('other controls, as --set sets them, change the figures and still match scikit-learn: Manhattan with distance weights keeps training accuracy at 100 % for every k', async () => {
    const [plain, moved] = [await run(), await run({ k: 7, metric: 'manhattan', weights: 'distance' })];
    expect(figure(moved, 'Decision regions: k = 7, manhattan, distance weights')).toBeDefined();
    expect(regionClasses(moved)).not.toEqual(regionClasses(plain));
    const s = accuracySentence(moved);
    const at = (k: number) => sklearn.accuracy[`manhattan/distance/${k}`];
    expect([s.trainAtOne, s.trainAtK, s.trainAtN]).toEqual([100, 100, 100]);
    expect([s.testAtOne, s.testAtK, s.testAtN]).toEqual([at(1).test, at(7).test, at(150).test].map(percent));
    const accuracyChart = figure(moved, 'Accuracy against k (manhattan, distance)');
    const yourK = mark(accuracyChart, 'your k');
    expect([yourK.x0, yourK.x1]).toEqual([7, 7]);
    const curve = trace(accuracyChart, 'training accuracy').y as number[];
    expect(curve).toHaveLength(150);
    expect(curve.every((a) => a === 1)).toBe(true);
    // Manhattan's outline around the query is a diamond: five corners, closed.
    const [outline] = pathPieces(figure(moved, 'Decision regions'), 'distance of the k-th neighbour');
    expect(outline).toHaveLength(5);
    expect(outline[4]).toEqual(outline[0]);
  }, 180_000);

  it('k = 1 gives ragged regions, k = n with uniform weights gives one class everywhere, and cosine regions are wedges through the origin', async () => {
    const [one, all, cosine] = [await run({ k: 1 }), await run({ k: 150 }), await run({ metric: 'cosine', k: 13 })];
    const flat = regionClasses(all);
    expect(new Set(flat)).toEqual(new Set([1]));
    const ragged = regionClasses(one);
    expect(ragged.filter((c) => c === 1).length).toBeGreaterThan(ragged.length / 5);
    expect(ragged.filter((c) => c === 0).length).toBeGreaterThan(ragged.length / 5);
    expect(markdown(all, 'With k = n every query is')).toContain('given class 1');
    // The cosine outline is two rays meeting at the origin.
    const [wedge] = pathPieces(figure(cosine, 'Decision regions'), 'distance of the k-th neighbour');
    expect(wedge).toHaveLength(3);
    expect(wedge[1]).toEqual([0, 0]);
    // Cosine distance sees only the angle from the origin, so the class of a grid cell is a function of
    // its angle: ordered by angle, the cells change class only at the few wedge edges. Euclidean
    // regions, ordered the same way, change class far more often.
    const changesByAngle = (report: Awaited<ReturnType<typeof run>>) => {
      const heat = trace(figure(report, 'Decision regions'), 'predicted class');
      const [xs, ys, z] = [heat.x as number[], heat.y as number[], heat.z as number[][]];
      const cells = ys.flatMap((b, j) => xs.map((a, i) => ({ angle: Math.atan2(b, a), label: z[j][i] })));
      cells.sort((p, q) => p.angle - q.angle);
      return cells.filter((c, i) => i > 0 && c.label !== cells[i - 1].label).length;
    };
    expect(changesByAngle(cosine)).toBeLessThan(12);
    expect(changesByAngle(await run({ k: 13 }))).toBeGreaterThan(100);
  }, 240_000);

  it('the query\'s vote is counted by hand: the counts add up to k and decide the class the query\'s disc is drawn in', async () => {
    for (const controls of [{}, { k: 8, query: [1, -0.2], weights: 'distance' }] as Record<string, ControlValue>[]) {
      const report = await run(controls);
      const text = markdown(report, 'The query $(');
      const [zeros, ones, vote0, vote1] = boldNumbers(text);
      const k = (controls.k as number | undefined) ?? 15;
      expect(zeros + ones).toBe(k);
      const predicted = vote1 > vote0 ? 1 : 0;
      expect(text).toContain(`predicted **class ${predicted}**`);
      const regions = figure(report, 'Decision regions');
      const spokes = pathPieces(regions, 'k nearest');
      expect(spokes).toHaveLength(k);
      const query = (controls.query as number[] | undefined) ?? [0.5, 0.25];
      for (const spoke of spokes) expect(spoke[0]).toEqual(query);
      const disc = mark(regions, 'query, in its predicted class');
      expect([disc.xanchor, disc.yanchor]).toEqual(query);
      expect(disc.fillcolor).toBe((trace(regions, `class ${predicted}`).marker as { color: string }).color);
    }
  }, 180_000);

  it('the √n rule: for each training-set size the curve, its best k and the rule\'s k score what scikit-learn scores', async () => {
    for (const size of [100, 400]) {
      const report = await run(size === 100 ? {} : { trainingSize: size });
      const expected = sklearn.rootRule[String(size)];
      const text = markdown(report, 'so the rule says');
      const [atRoot, bestK, best, atOne] = boldNumbers(text);
      const oddRoot = Number(/the rule says \*\*k = (\d+)\*\*/.exec(text)?.[1]);
      expect(oddRoot).toBe(expected.oddRoot);
      expect(atRoot).toBe(percent(expected.atRoot));
      expect(bestK).toBe(expected.bestK);
      expect(best).toBe(percent(expected.best));
      expect(atOne).toBe(percent(expected.atOne));
      const curve = trace(figure(report, `Test accuracy against k, n = ${size}`), 'mean test accuracy').y as number[];
      expect(curve[expected.oddRoot - 1]).toBeCloseTo(expected.atRoot, 12);
      expect(trace(figure(report, `Test accuracy against k, n = ${size}`), `√n = ${Math.sqrt(size).toFixed(1)}`).x).toEqual([Math.sqrt(size), Math.sqrt(size)]);
    }
  }, 180_000);

  it('the prose\'s reading of the √n figure holds at every size: √n is within a point of the best k, and k = 1 is worse', () => {
    for (const rule of Object.values(sklearn.rootRule)) {
      expect(rule.best - rule.atRoot).toBeLessThan(0.01);
      expect(rule.atOne).toBeLessThan(rule.atRoot);
    }
  });

  it('changing the unit of x₂ hurts raw distances but not standardised ones, as in scikit-learn; noise features push nearest ÷ farthest towards 1', async () => {
    const report = await run();
    const fig = figure(report, 'Test accuracy as x₂ changes unit');
    expect(trace(fig, 'raw features').y).toEqual(sklearn.units.map((u) => u.raw));
    expect(trace(fig, 'standardised').y).toEqual(sklearn.units.map((u) => u.scaled));
    const [worst, spread] = boldNumbers(markdown(report, 'Raw features fall to'));
    expect(worst).toBe(percent(Math.min(...sklearn.units.map((u) => u.raw))));
    expect(spread).toBe(0);
    const [accuracy0, ratio0, accuracy100, ratio100] = boldNumbers(markdown(report, 'With no noise features'));
    expect(accuracy100).toBeLessThan(accuracy0 - 10);
    expect(ratio100).toBeGreaterThan(ratio0 + 0.5);
  }, 180_000);

  it('kNN regression predicts the mean of the k nearest targets, as scikit-learn\'s KNeighborsRegressor', async () => {
    for (const k of [5, 40]) {
      const report = await run(k === 5 ? {} : { kRegression: k });
      const predicted = trace(figure(report, `kNN regression, k = ${k}`), 'prediction').y as number[];
      expect(predicted).toHaveLength(400);
      predicted.forEach((y, i) => expect(y).toBeCloseTo(sklearn.regression[String(k)][i], 12));
    }
  }, 180_000);

  it('the hand-written vote and the precomputed orderings agree with KNeighborsClassifier on every test point and grid cell', async () => {
    for (const controls of [{}, { k: 1 }, { k: 150, metric: 'cosine', weights: 'distance' }, { k: 8, metric: 'manhattan' }] as Record<string, ControlValue>[]) {
      const report = await run(controls);
      const text = markdown(report, 'Test points where the hand-written vote and the library differ');
      const [testDiffer, gridDiffer, probaGap, libraryAccuracy] = boldNumbers(text);
      expect(testDiffer).toBe(0);
      expect(gridDiffer).toBe(0);
      expect(probaGap).toBeLessThan(1e-9);
      expect(text).toContain('the same, in the same order');
      expect(text).toContain(`(the curve above: ${libraryAccuracy.toFixed(1)} %)`);
    }
  }, 300_000);

  it('shows no output that is not a figure, a control or Markdown (no logs)', async () => {
    const report = await run();
    expect(outputs(report).filter((o) => !['figure', 'control', 'markdown'].includes(o.kind))).toEqual([]);
  }, 60_000);
});
