import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Trace } from '../../src/plot/figure.ts';
import { boldNumbers, control, figure, markdown, notebookRunner } from './report-queries.ts';

const run = notebookRunner('svm');

// scikit-learn on the notebook's own data (tests/notebooks/fixtures/make_svm.py).
interface Street { width: number; nSupport: number; support: number[]; w: number[]; b: number; train: number }
interface SvmFixture {
  hard: { default: Street; inStreet: Street };
  soft: { logC: number; width: number; nSupport: number; train: number }[];
  kernels: Record<'linear' | 'poly' | 'rbf', { train: number; test: number; nSupport: number }>;
  gammas: { logGamma: number; train: number; test: number }[];
  scaling: { raw: number; scaled: number };
}
const sklearn = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/svm.json'), 'utf8')) as SvmFixture;

/** A share as the notebook prints it: a percentage with one decimal. */
const percent = (share: number) => Number((100 * share).toFixed(1));
const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** The other run: the extra point dragged into the street, C = 100, the polynomial kernel, the last SMO step. */
const moved = { extraPoint: [-0.4, 0], logC: 2, kernel: 'poly', smoStep: 1000 };

function trace(fig: ReturnType<typeof figure>, name: string): Trace {
  const found = fig.data.find((t) => t.name === name);
  expect(found, `a trace named "${name}" in ${fig.data.map((t) => t.name).join(', ')}`).toBeDefined();
  return found!;
}

/** Width, w and b as the widest-street sentence prints them. */
function street(text: string) {
  const [width, nSupport] = boldNumbers(text);
  const [w1, w2] = /\$w = \((-?[\d.]+), (-?[\d.]+)\)\$/.exec(text)!.slice(1).map(Number);
  const b = Number(/\$b = (-?[\d.]+)\$/.exec(text)![1]);
  return { width, nSupport, w: [w1, w2], b };
}

describe('notebooks/svm.md', () => {
  it('the widest street, its w, b and support vectors are scikit-learn\'s, and the extra point far away is not one of them', async () => {
    const report = await run();
    const text = markdown(report, 'The street is');
    const ref = sklearn.hard.default;
    expect(street(text)).toEqual({ width: round(ref.width, 3), nSupport: ref.nSupport, w: ref.w.map((v) => round(v, 3)), b: round(ref.b, 3) });
    expect(text).toContain('**is not**');
    // Every support vector's α is below C = 1000, so each sits on the edge: |f| = 1.
    const edges = /their \$\|f\(x\)\|\$:\n([\d., ]+) \(on the edge\)/.exec(text)![1].split(', ').map(Number);
    expect(edges).toHaveLength(ref.nSupport);
    for (const v of edges) expect(Math.abs(v - 1)).toBeLessThanOrEqual(0.002);
    const chart = figure(report, 'The maximum-margin line');
    expect(chart.inputs?.map((input) => [input.name, input.value])).toEqual([['extraPoint', [-3.5, 1.5]]]);
    const rings = trace(chart, `support vectors (${ref.nSupport})`);
    expect(rings.x).toHaveLength(ref.nSupport);
  }, 60_000);

  it('dragging the extra point into the street makes it a support vector and narrows the street, as scikit-learn does', async () => {
    const report = await run(moved);
    const text = markdown(report, 'The street is');
    const ref = sklearn.hard.inStreet;
    expect(ref.support).toContain(40);
    expect(street(text)).toEqual({ width: round(ref.width, 3), nSupport: ref.nSupport, w: ref.w.map((v) => round(v, 3)), b: round(ref.b, 3) });
    expect(text).toContain('The extra point **is**');
    expect(figure(report, 'The maximum-margin line').inputs?.[0].value).toEqual([-0.4, 0]);
  }, 60_000);

  it('the SMO stepper walks from the first iteration to convergence, the violation falling below the tolerance', async () => {
    const [first, last] = [await run(), await run(moved)];
    const count = (control(first, 'smoStep').control as { count: number }).count;
    expect(count).toBeGreaterThan(10);
    expect(figure(first, 'SMO iteration 1')).toBeDefined();
    const startText = markdown(first, 'the largest violation is');
    expect(startText).not.toContain('converged');
    const endText = markdown(last, 'the largest violation is');
    expect(endText).toContain('(below 0.001: converged)');
    const violation = (text: string) => Number(/largest violation is (\d+\.\d+)/.exec(text)![1]);
    expect(violation(endText)).toBeLessThan(0.001);
    expect(violation(startText)).toBeGreaterThan(0.001);
    // At convergence the street is scikit-learn's on the same forty points (within SMO's tolerance).
    const width = (text: string) => Number(/street is (\d+\.\d+) wide/.exec(text)![1]);
    expect(Math.abs(width(endText) - sklearn.hard.default.width)).toBeLessThan(0.002);
    // The first step moves two α off zero, and its street is wider than the final one.
    expect(startText).toContain('2 points have $\\alpha_i > 0$');
    expect(width(startText)).toBeGreaterThan(width(endText) + 0.5);
    // The violation chart marks the iteration shown: the first, then the last.
    const marked = (report: typeof first) => (figure(report, 'Largest KKT violation').layout.shapes as { name: string; x0: number }[]).find((m) => m.name === 'this iteration')!.x0;
    const iterations = figure(last, 'Largest KKT violation').data[0].x as number[];
    expect([marked(first), marked(last)]).toEqual([iterations[0], iterations.at(-1)]);
  }, 60_000);

  it('C: width, support vectors and training accuracy are scikit-learn\'s at C = 1 and C = 100, and the sweep narrows the street', async () => {
    for (const [report, logC] of [[await run(), 0], [await run(moved), 2]] as const) {
      const ref = sklearn.soft.find((s) => s.logC === logC)!;
      const [width, nSupport, train] = boldNumbers(markdown(report, 'the street is **'));
      expect([width, nSupport, train]).toEqual([round(ref.width, 3), ref.nSupport, percent(ref.train)]);
    }
    const report = await run();
    const first = sklearn.soft[0];
    const last = sklearn.soft[sklearn.soft.length - 1];
    expect(boldNumbers(markdown(report, 'From $C = 0.01$'))).toEqual([round(first.width, 3), round(last.width, 3), first.nSupport, last.nSupport]);
    expect(figure(report, 'Soft margin, C = 1.0')).toBeDefined();
    expect(figure(await run(moved), 'Soft margin, C = 1.0e+2')).toBeDefined();
  }, 60_000);

  it('kernels: RBF and polynomial accuracies and support vectors are scikit-learn\'s; the hand-written kernel sum is decisionFunction', async () => {
    for (const [report, kernel] of [[await run(), 'rbf'], [await run(moved), 'poly']] as const) {
      const ref = sklearn.kernels[kernel];
      expect(boldNumbers(markdown(report, 'test accuracy\n'))).toEqual([percent(ref.train), percent(ref.test), ref.nSupport]);
      const gap = Number(/decisionFunction` on the 150 test points: \*\*([\d.e+-]+)\*\*/.exec(markdown(report, 'hand-written $f(x)$'))![1]);
      expect(gap).toBeLessThan(1e-9);
    }
    expect(figure(await run(), 'RBF kernel, γ = 1.0')).toBeDefined();
    expect(figure(await run(moved), 'poly kernel, d = 3')).toBeDefined();
  }, 60_000);

  it('γ: the sweep\'s best test accuracy and its overfitting at γ = 1000 are scikit-learn\'s; scaling the features restores accuracy', async () => {
    const report = await run();
    const best = sklearn.gammas.reduce((a, s) => (s.test > a.test ? s : a));
    const last = sklearn.gammas[sklearn.gammas.length - 1];
    expect(boldNumbers(markdown(report, 'Best test accuracy'))).toEqual([percent(best.test), percent(last.train), percent(last.test)]);
    expect(markdown(report, 'Best test accuracy')).toContain(`$\\gamma = ${(10 ** best.logGamma).toPrecision(2)}$`);
    const chart = figure(report, 'RBF kernel: accuracy against γ');
    expect(trace(chart, 'test accuracy').y).toEqual(sklearn.gammas.map((g) => g.test));
    expect(boldNumbers(markdown(report, 'after `StandardScaler`'))).toEqual([percent(sklearn.scaling.raw), percent(sklearn.scaling.scaled)]);
  }, 60_000);
});
