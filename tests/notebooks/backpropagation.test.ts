import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Output } from '../../src/kernel/types.ts';
import { allMarkdown, boldNumbers, control, figureTitled, markdown, notebookRunner, outputs, traceNamed } from './report-queries.ts';

const run = notebookRunner('backpropagation');

/** numpy's forward and backward values of the same network (fixtures/make_backpropagation.py). */
interface Case {
  controls: Record<string, string | number>;
  forward: Record<'z1' | 'h1' | 'z2' | 'h2' | 'z3' | 'yHat' | 'L', number>;
  grads: Record<string, number>;
  nodeGrads: Record<string, number>;
  updated: Record<string, number>;
  lossAfter: number;
  yHatAfter: number;
}
const numpy = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/backpropagation.json'), 'utf8')) as {
  defaults: Record<string, string | number>;
  cases: Case[];
};
const [defaultCase, deadReluCase, saturatedCase, sigmoidCase] = numpy.cases;
const PARAMS = ['w11', 'w12', 'b1', 'w21', 'w22', 'b2', 'w31', 'w32', 'b3'];
const LABEL: Record<string, string> = {
  w11: 'w₁₁', w12: 'w₁₂', b1: 'b₁', w21: 'w₂₁', w22: 'w₂₂', b2: 'b₂', w31: 'w₃₁', w32: 'w₃₂', b3: 'b₃',
};
/** The stepper's last step: the backward pass has reached every node. */
const LAST_STEP = 24;

type Table = Extract<Output, { kind: 'table' }>;
function tableWith(report: RunReport, column: string): Table {
  const found = outputs(report).filter((o): o is Table => o.kind === 'table' && o.columns.includes(column));
  expect(found, `one table with a column "${column}"`).toHaveLength(1);
  return found[0];
}
/** A column of a table as { row label → value }. */
function column(table: Table, name: string): Record<string, number | null> {
  const j = table.columns.indexOf(name);
  return Object.fromEntries(table.rows.map((row) => [String(row[0]), row[j] as number | null]));
}
const annotationTexts = (report: RunReport, title: string) =>
  ((figureTitled(report, title).layout.annotations as { text: string }[]) ?? []).map((a) => a.text);
/** The number (value or gradient) shown in a node's box of the graph, by its colour's line. */
function nodeBox(texts: string[], node: string): string[] {
  const box = texts.find((t) => t.startsWith(`<b>${node}</b>`));
  if (!box) throw new Error(`no node ${node} in the graph`);
  return box.split('<br>').slice(1).map((line) => line.replace(/<[^>]+>/g, ''));
}
const parse = (text: string) => Number(text.replace('−', '-'));

describe('notebooks/backpropagation.md', () => {
  it('starts from the controls the numpy fixture was made with', async () => {
    const report = await run();
    for (const [name, value] of Object.entries(numpy.defaults)) {
      expect(control(report, name).value, name).toBe(value);
    }
  });

  it('the hand-written backward pass gives numpy\'s gradients, TF.js autograd agrees to float32 precision and the central difference to 1e-8, for four sets of controls', async () => {
    for (const c of [defaultCase, deadReluCase, saturatedCase, sigmoidCase]) {
      const report = await run(c.controls);
      const table = tableWith(report, 'TF.js autograd');
      const [hand, autograd, numeric] = ['backprop by hand', 'TF.js autograd', 'central difference'].map((name) => column(table, name));
      for (const k of PARAMS) {
        expect(hand[LABEL[k]]!, k).toBeCloseTo(c.grads[k], 12);
        expect(Math.abs(autograd[LABEL[k]]! - c.grads[k]), k).toBeLessThan(1e-6);
        expect(Math.abs(numeric[LABEL[k]]! - c.grads[k]), k).toBeLessThan(1e-8);
      }
      expect(hand['x₁ (input)']!).toBeCloseTo(c.nodeGrads.x1, 12);
      expect(hand['x₂ (input)']!).toBeCloseTo(c.nodeGrads.x2, 12);
      expect(Math.abs(autograd['x₂ (input)']! - c.nodeGrads.x2)).toBeLessThan(1e-6);
      // The quoted gaps are the table's.
      const [tfGap, numericGap, passes] = boldNumbers(markdown(report, 'Largest |backprop − TF.js autograd|'));
      expect(tfGap).toBeLessThan(1e-6);
      expect(tfGap).toBeGreaterThan(0); // float32 against float64: a gap of exactly 0 would mean TF.js was not really run
      expect(numericGap).toBeLessThan(1e-8);
      expect(passes).toBe(18);
    }
  });

  it('the prose quotes the forward values numpy computes, and moving an input changes them', async () => {
    for (const c of [defaultCase, saturatedCase]) {
      const text = markdown(await run(c.controls), 'With these controls the forward pass gives');
      expect(text).toContain(`$z_1$ = ${c4(c.forward.z1)}`.replace('-', '−'));
      expect(text).toContain(`**L = ${c4(c.forward.L)}**`);
      expect(text).toContain(`$\\hat y$ = ${c4(c.forward.yHat)}`);
    }
  });

  it('the stepper walks 7 forward then 18 backward steps; the graph fills in values, then gradients, and names the local derivative of each step', async () => {
    const first = await run({ pass: 0 });
    expect((control(first, 'pass').control as { count: number }).count).toBe(LAST_STEP + 1);
    const start = annotationTexts(first, 'Forward pass: z₁');
    expect(nodeBox(start, 'z₁')).toEqual(['0.85']);
    expect(nodeBox(start, 'h₁')).toEqual(['?']);
    expect(markdown(first, '**Forward.**')).toContain('z₁ = w₁₁x₁ + w₁₂x₂ + b₁ = 0.85');

    // Step 15: ∂L/∂z₁ = ∂L/∂h₁ × tanh′(z₁), with numpy's numbers.
    const middle = await run({ pass: 15 });
    expect(annotationTexts(middle, 'Backward pass: ∂L/∂z₁ = ∂L/∂h₁ × tanh′(z₁)')).toBeDefined();
    const sentence = markdown(middle, '**Backward.**');
    const f = defaultCase.forward;
    expect(sentence).toContain('∂h₁/∂z₁ = tanh′(z₁) = 1 − h₁²');
    const [upstream, local, product] = /= ([-−\d.()]+) × ([-−\d.()]+) = \*\*([-−\d.]+)\*\*/.exec(sentence)!.slice(1).map((t) => parse(t.replace(/[()]/g, '')));
    expect(upstream).toBe(c4(defaultCase.nodeGrads.h1));
    expect(local).toBe(c4(1 - f.h1 ** 2));
    expect(product).toBe(c4(defaultCase.nodeGrads.z1));
    // Gradients already computed show under their node's value; those not reached yet do not.
    const texts = annotationTexts(middle, 'Backward pass');
    expect(parse(nodeBox(texts, 'z₁')[1])).toBeCloseTo(defaultCase.nodeGrads.z1, 4);
    expect(nodeBox(texts, 'z₂')).toHaveLength(1);

    // The last step: every gradient is on the graph, each weight's on its edge.
    const last = await run({ pass: LAST_STEP });
    const all = annotationTexts(last, 'Backward pass: ∂L/∂x₂');
    expect(parse(nodeBox(all, 'x₁')[1])).toBeCloseTo(defaultCase.nodeGrads.x1, 4);
    for (const k of PARAMS) {
      const label = all.find((t) => t.startsWith(`${LABEL[k]} = `) || t.startsWith(`+ ${LABEL[k]} = `));
      expect(label, k).toBeDefined();
      const shown = label!.replace(/<[^>]+>/g, ' ').trim().split(/\s+/).at(-1)!;
      expect(parse(shown), k).toBeCloseTo(c4(defaultCase.grads[k]), 10);
    }
    // The x₁ step sums two paths.
    expect(markdown(await run({ pass: LAST_STEP - 1 }), '**Backward.**')).toContain('∂L/∂z₁ × ∂z₁/∂x₁ + ∂L/∂z₂ × ∂z₂/∂x₁');
  });

  it('x₁ = 0 zeroes exactly the gradients of the weights x₁ multiplies (and a dead ReLU unit all of its own); cross-entropy cancels σ′', async () => {
    const report = await run(deadReluCase.controls);
    const zeros = PARAMS.filter((k) => deadReluCase.grads[k] === 0).map((k) => LABEL[k]);
    // x₁ = 0 zeroes w₁₁ and w₂₁; unit 2 is a dead ReLU (z₂ < 0): its weights, bias and outgoing w₃₂ (h₂ = 0).
    expect(zeros).toEqual(['w₁₁', 'w₂₁', 'w₂₂', 'b₂', 'w₃₂']);
    const listed = markdown(report, 'the parameters whose gradient is exactly 0');
    expect([...listed.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1])).toEqual(zeros);
    expect(markdown(report, 'Now: $\\partial L/\\partial z_3')).toContain('equal: the σ′ factor cancelled');
    expect(markdown(await run(), 'Now: $\\partial L/\\partial z_3')).toContain('they differ by the factor σ′(z₃)');
  });

  it('a saturated unit passes back a tiny share of its gradient', async () => {
    const text = markdown(await run(saturatedCase.controls), 'Unit 1: $z_1');
    const share = Number(/is ([\d.e-]+) %/.exec(text)![1]);
    expect(share).toBeCloseTo(100 * Math.abs(saturatedCase.nodeGrads.z1 / saturatedCase.nodeGrads.h1), 1);
    expect(share).toBeLessThan(0.01);
    expect(Number(/is ([\d.e-]+) %/.exec(markdown(await run(), 'Unit 1: $z_1'))![1])).toBeGreaterThan(40);
  });

  it('the finite-difference error bottoms out near ε = 1e-5 (central) and 1e-8 (one-sided), as the prose says', async () => {
    const report = await run();
    const chart = figureTitled(report, 'Finite differences');
    const best = (name: string) => {
      const t = traceNamed(chart, name);
      const y = t.y as number[];
      return (t.x as number[])[y.indexOf(Math.min(...y))];
    };
    expect(Math.log10(best('central difference'))).toBeGreaterThanOrEqual(-6);
    expect(Math.log10(best('central difference'))).toBeLessThanOrEqual(-4);
    expect(Math.log10(best('one-sided difference'))).toBeGreaterThanOrEqual(-9);
    expect(Math.log10(best('one-sided difference'))).toBeLessThanOrEqual(-7);
    const text = allMarkdown(report);
    expect(text).toContain(`most accurate near ε = ${best('central difference').toExponential(0)}`);
    expect(text).toContain(`the one-sided one near\nε = ${best('one-sided difference').toExponential(0)}`);
  });

  it('one update θ − η∇L gives numpy\'s new weights and loss; a large η overshoots', async () => {
    for (const c of [defaultCase, deadReluCase, sigmoidCase]) {
      const report = await run(c.controls);
      const after = column(tableWith(report, 'after'), 'after');
      for (const k of PARAMS) expect(after[LABEL[k]]!, k).toBeCloseTo(c.updated[k], 12);
      const [before, lossAfter] = boldNumbers(markdown(report, 'the loss from'));
      expect(before).toBe(c4(c.forward.L));
      expect(lossAfter).toBe(c4(c.lossAfter));
      const dot = traceNamed(figureTitled(report, 'One update with η'), 'after the step (s = η)');
      expect(dot.x).toEqual([c.controls.eta ?? numpy.defaults.eta]);
      expect((dot.y as number[])[0]).toBeCloseTo(c.lossAfter, 12);
    }
    expect(markdown(await run(), 'the loss from')).toContain('The step lowered the loss');
    // Cross-entropy at η = 10 steps far past the minimum along −∇L: the loss goes up.
    const overshoot = await run({ lossName: 'cross-entropy', eta: 10 });
    expect(markdown(overshoot, 'the loss from')).toContain('The step raised the loss');
    const ray = traceNamed(figureTitled(overshoot, 'One update with η = 10'), 'L(θ − s∇L)');
    const losses = ray.y as number[];
    expect(Math.min(...losses)).toBeLessThan(losses[0] / 2);
  });
});

/** Four significant digits, as the notebook prints them. */
function c4(v: number): number {
  return Number(v.toPrecision(4));
}
