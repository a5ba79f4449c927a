import { describe, expect, it } from 'vitest';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import reference from '../ml/fixtures/decision-trees.json' with { type: 'json' };
import { boldNumbers, control, figure, markdown, notebookRunner, outputs } from './report-queries.ts';

/** Runs are memoised by their controls: the default once, and two others. */
const run = notebookRunner('decision-trees');
const deepEarly = { maxDepth: 12, split: 2, probe: [-1, 1] };
const leafAndDrop = { minSamplesLeaf: 10, dropSeed: 2, splitFeature: 'x₂', candidate: 0 };

const trace = (fig: Figure, name: string): Trace => {
  const found = fig.data.find((t) => t.name === name);
  if (!found) throw new Error(`no trace "${name}"; names: ${fig.data.map((t) => t.name).join(', ')}`);
  return found;
};
/** The figure's marks (layout shapes, see src/plot/marks.ts). */
const marks = (fig: Figure) => (fig.layout.shapes ?? []) as { type: string; name?: string; x0?: number; xanchor?: number; yanchor?: number; y0?: number }[];
const boxes = (fig: Figure) => fig.layout.annotations as { text: string; borderwidth: number }[];

describe('notebooks/decision-trees.md', () => {
  it('the root split the hand-written scan finds is scikit-learn\'s, for Gini and for entropy, and the library agrees', async () => {
    const report = await run();
    const root = markdown(report, 'Over both features, the root split is');
    const [gini, entropy] = [...root.matchAll(/x₁ ≤ ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(gini).toBeCloseTo(reference.rootSplit.gini.threshold, 3);
    expect(entropy).toBeCloseTo(reference.rootSplit.entropy.threshold, 3);
    expect(root).toContain('the same feature, a different threshold');
    const scan = markdown(report, "On x₁ Gini's best threshold is");
    expect(scan).toContain(`(ΔI ${reference.rootSplit.gini.decrease.toFixed(3)})`);
    expect(scan).toContain(`(ΔI ${reference.rootSplit.entropy.decrease.toFixed(3)} bits)`);
    const library = markdown(report, 'Root split by hand equals the library');
    expect(library).toContain('**yes**');
    expect(boldNumbers(library)[0]).toBe(0);
  }, 60_000);

  it('train accuracy rises with max_depth to 100 % while test accuracy peaks at depth 3, as scikit-learn measures', async () => {
    const report = await run();
    const curve = figure(report, 'Accuracy against max_depth (min_samples_leaf 1)');
    const train = trace(curve, 'train').y as number[];
    const test = trace(curve, 'test').y as number[];
    expect(train).toEqual(reference.byDepth.gini.train);
    // Below depth 9 every split is unique; deeper, nodes of a few points have tied splits that
    // scikit-learn breaks by a random feature order, so only training accuracy must agree there.
    expect(test.slice(0, 8)).toEqual(reference.byDepth.gini.test.slice(0, 8));
    for (let d = 1; d < 12; d++) expect(train[d]).toBeGreaterThanOrEqual(train[d - 1]);
    const prose = markdown(report, 'From depth 1 to 12');
    expect(boldNumbers(prose)).toEqual([7, 87, 84.6, 72, 100, 3, 84.6, Number((100 * test[11]).toFixed(1))]);
    expect(test[11]).toBeLessThan(test[2] - 0.04);
  }, 60_000);

  it('min_samples_leaf stops the tree growing: the accuracy curve is scikit-learn\'s with min_samples_leaf=10', async () => {
    const report = await run(leafAndDrop);
    const curve = figure(report, 'Accuracy against max_depth (min_samples_leaf 10)');
    expect(trace(curve, 'train').y).toEqual(reference.byDepth.giniMinLeaf10.train);
    expect(trace(curve, 'test').y).toEqual(reference.byDepth.giniMinLeaf10.test);
    expect(markdown(report, 'With min_samples_leaf 10')).toContain('stops growing at 12 leaves');
  }, 60_000);

  it('the threshold stepper walks the scan of the chosen feature and the prose reads the split it shows', async () => {
    const report = await run(leafAndDrop);
    const decreases = figure(report, 'Impurity decrease of every threshold on x₂');
    const gini = trace(decreases, 'Gini decrease');
    expect(gini.x).toHaveLength((control(report, 'candidate').control as { count: number }).count);
    // This threshold's two decreases, ringed as dots: at the first threshold, on both curves.
    const shown = marks(decreases).filter((m) => m.type === 'circle');
    expect(shown.map((m) => [m.xanchor, m.yanchor])).toEqual([
      [(gini.x as number[])[0], (gini.y as number[])[0]],
      [(gini.x as number[])[0], (trace(decreases, 'entropy decrease (bits)').y as number[])[0]],
    ]);
    expect(shown[0].name).toBe('this threshold');
    // The first threshold on x₂ puts one point left.
    const prose = markdown(report, '**x₂ ≤');
    const [, upper, lower] = /left (\d+) upper \/ (\d+) lower/.exec(prose)!.map(Number);
    expect(upper + lower).toBe(1);
    // The rule on x₂ is a horizontal line at the threshold.
    const rule = marks(figure(report, 'Root split x₂ ≤')).find((m) => m.name === 'threshold');
    expect(rule?.y0).toBe((gini.x as number[])[0]);
  }, 60_000);

  it('the growth stepper shows the tree after each split: boundary and diagram, with the followed point\'s path', async () => {
    const full = await run();
    const fullDiagram = figure(full, 'max_depth 3: 6 of 6 splits');
    expect(boxes(fullDiagram)).toHaveLength(13);
    // The path of (0.5, 0.25): root to a leaf at depth 3, four thick boxes.
    expect(boxes(fullDiagram).filter((b) => b.borderwidth === 3)).toHaveLength(4);
    expect(trace(fullDiagram, 'path of the sample').x).toHaveLength(15);
    const leaf = markdown(full, 'ends in a leaf of');
    expect(leaf).toContain('ends in a leaf of **52**');

    const early = await run(deepEarly);
    expect((control(early, 'split').control as { count: number }).count).toBe(reference.fullTree.gini.leaves);
    const diagram = figure(early, 'max_depth 12: 2 of 36 splits');
    expect(boxes(diagram)).toHaveLength(5);
    const boundary = figure(early, 'Split 2 of 36');
    expect(boundary.inputs?.map((input) => [input.name, input.value])).toEqual([['probe', [-1, 1]]]);
    const fullBoundary = figure(full, 'Split 6 of 6');
    expect(boundary.data[0].z).not.toEqual(fullBoundary.data[0].z);
    const rings = marks(figure(early, 'Accuracy against max_depth'));
    const curve = figure(early, 'Accuracy against max_depth');
    expect(rings.map((m) => [m.xanchor, m.yanchor])).toEqual([[12, (trace(curve, 'train').y as number[])[11]], [12, (trace(curve, 'test').y as number[])[11]]]);
  }, 60_000);

  it('dropping 10 points changes the tree, and stretching a feature changes no prediction', async () => {
    const dropped = await run(leafAndDrop);
    const text = markdown(dropped, 'Without those 10 points');
    expect(text).toContain('root rule is **x₁ ≤ -0.03** (with all points: x₁ ≤ 1.30)');
    expect(boldNumbers(text).at(-1)).toBeGreaterThan(50);
    expect(figure(dropped, 'Depth-3 tree without 10 points (draw 2)')).toBeDefined();
    expect(boldNumbers(markdown(await run(), 'With $x_1$ multiplied by 1000'))).toEqual([1000]);
  }, 60_000);

  it('the impurity figure marks the slider\'s p on both curves, with the values the prose quotes', async () => {
    const report = await run();
    const dots = marks(figure(report, 'Impurity of a two-class node, marked at p = 0.2'));
    expect(dots.map((m) => m.xanchor)).toEqual([0.2, 0.2]);
    const [gini, entropy] = dots.map((m) => m.yanchor as number);
    expect(gini).toBeCloseTo(1 - 0.2 ** 2 - 0.8 ** 2, 12);
    expect(entropy).toBeCloseTo(-(0.2 * Math.log2(0.2) + 0.8 * Math.log2(0.8)), 12);
    const prose = boldNumbers(markdown(report, 'never strays more than'));
    expect(prose.slice(0, 2)).toEqual([Number(gini.toFixed(3)), Number(entropy.toFixed(3))]);
    expect(outputs(report).filter((o) => o.kind === 'figure')).toHaveLength(7);
  }, 60_000);
});
