import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import { allMarkdown, boldNumbers, control, figureTitled, markdown, notebookRunner, traceNamed } from './report-queries.ts';

const run = notebookRunner('lora');

/** numpy on the notebook's own matrices (fixtures/make_lora.py, matrices from lora-data.ts). */
interface Task {
  controls: { trueRank: number; noise: number };
  singularValues: number[];
  floors: number[];
  baseError: number;
  topShare: number;
  adamErrorsRank4?: number[];
}
const numpy = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/lora.json'), 'utf8')) as {
  baseSingularValues: number[];
  tasks: Task[];
};
const [defaultTask, exactTask, noisyTask] = numpy.tasks;
const y = (trace: Trace) => trace.y as number[];
/** A figure's marks (layout shapes), by legend name. */
const mark = (fig: Figure, name: string) => {
  const found = ((fig.layout.shapes ?? []) as Record<string, unknown>[]).find((m) => m.name === name);
  if (!found) throw new Error(`no mark "${name}"`);
  return found;
};
/** The heights of the bars of a path mark, one closed rectangle "M x,0 L x,h L x',h L x',0 Z" per bar, with their centres. */
const bars = (fig: Figure, name: string): { x: number; height: number }[] =>
  (mark(fig, name).path as string).split('M').slice(1).map((bar) => {
    const points = bar.replace('Z', '').split('L').map((p) => p.split(',').map(Number));
    expect([points[0][1], points[3][1], points[2][1]]).toEqual([0, 0, points[1][1]]);
    return { x: (points[0][0] + points[2][0]) / 2, height: points[1][1] };
  });
/** Three significant digits, as the notebook's fmt prints them. */
const c3 = (v: number) => Number(v.toPrecision(3));

describe('notebooks/lora.md', { timeout: 120_000 }, () => {
  it('draws numpy\'s singular values of W₀ and ΔW*, quotes the top-R energy share, and puts the trained adapters on the Eckart–Young floor at every rank', async () => {
    const report = await run();
    expect(control(report, 'trueRank').value).toBe(defaultTask.controls.trueRank);
    expect(control(report, 'noise').value).toBe(defaultTask.controls.noise);
    const spectra = figureTitled(report, 'Singular values: W₀ is full rank');
    y(traceNamed(spectra, 'ΔW* (task update)')).forEach((v, i) => expect(v, `σ${i + 1}`).toBeCloseTo(defaultTask.singularValues[i], 10));
    y(traceNamed(spectra, 'W₀ (frozen)')).forEach((v, i) => expect(v, `σ${i + 1}`).toBeCloseTo(numpy.baseSingularValues[i], 10));
    expect(boldNumbers(markdown(report, 'carry'))[0]).toBe(c3(100 * defaultTask.topShare));

    const fit = figureTitled(report, 'Fit after training against rank r');
    const floor = y(traceNamed(fit, 'SVD floor (Eckart–Young)'));
    floor.forEach((v, i) => expect(v, `floor r = ${i + 1}`).toBeCloseTo(defaultTask.floors[i], 10));
    const trained = y(traceNamed(fit, 'LoRA after 160 Adam steps'));
    trained.forEach((v, i) => {
      expect(v, `r = ${i + 1}`).toBeGreaterThanOrEqual(floor[i] - 1e-9); // nothing beats the truncated SVD
      expect(v, `r = ${i + 1}`).toBeLessThan(floor[i] + 0.01);
    });
    const gap = boldNumbers(markdown(report, 'The trained adapters end within'))[0];
    expect(gap).toBe(c3(Math.max(...trained.map((v, i) => v - floor[i]))));
    expect(markdown(report, 'The trained adapters end within')).toContain('finds the truncated SVD here');
    expect(mark(fit, 'your r')).toMatchObject({ type: 'circle', xanchor: 4, yanchor: trained[3] });
  });

  it('the rank-4 training curve is numpy\'s Adam run on the same matrices; step 0 is the frozen model, A gets no gradient, and the singular values of s·BA grow to ΔW*\'s', async () => {
    const report = await run();
    const training = figureTitled(report, 'Training: fit and spectrum');
    const errors = y(traceNamed(training, 'adapter ‖s·BA − ΔW*‖'));
    // The notebook records every 8th step, the fixture every 4th.
    const numpyErrors = defaultTask.adamErrorsRank4!.filter((_, i) => i % 2 === 0);
    expect(errors).toHaveLength(numpyErrors.length);
    errors.forEach((v, i) => expect(Math.abs(v - numpyErrors[i]), `record ${i}`).toBeLessThan(1e-8));
    expect(errors[0]).toBeCloseTo(defaultTask.baseError, 12);
    expect((control(report, 'step').control as { count: number }).count).toBe(21);

    const start = markdown(report, 'At step 0');
    expect(start).toContain('the adapted layer **is** the frozen one');
    expect(start).toContain('The gradient of $A$ there is 0 and');
    expect(boldNumbers(start)).toEqual([c3(errors[20]), c3(defaultTask.floors[3])]);
    const heatmaps = figureTitled(report, 'Step 0:');
    // One heatmap, the three 32 × 24 matrices side by side two empty columns apart: ΔW*, s·BA (0 at
    // step 0), what is left (ΔW* again).
    const z = heatmaps.data[0].z as (number | null)[][];
    expect(z).toHaveLength(32);
    expect(z.every((row) => row.length === 3 * 24 + 4 && [24, 25, 50, 51].every((j) => row[j] === null))).toBe(true);
    expect(z.flatMap((row) => row.slice(26, 50)).every((v) => v === 0)).toBe(true);
    expect(z.map((row) => row.slice(52))).toEqual(z.map((row) => row.slice(0, 24)));
    expect(Math.max(...z.flatMap((row) => row.slice(0, 24).map((v) => Math.abs(v!))))).toBeGreaterThan(0.1);
    expect(bars(training, 'σᵢ of s·BA now')).toEqual(Array.from({ length: 12 }, (_, i) => ({ x: i + 1, height: 0 })));
    // The step's dot sits on the curve: its error is ‖s·BA − ΔW*‖ of the step's matrices.
    expect(mark(training, 'now').xanchor).toBe(0);
    expect(mark(training, 'now').yanchor).toBeCloseTo(errors[0], 12);

    const end = await run({ step: 20 });
    const last = figureTitled(end, 'Training: fit and spectrum');
    const sigma = bars(last, 'σᵢ of s·BA now').map((b) => b.height);
    // Stepping moves the marks only: the curves and ΔW*'s singular values are the traces drawn at step 0.
    expect(last.data).toEqual(training.data);
    for (let i = 0; i < 4; i++) expect(Math.abs(sigma[i] - defaultTask.singularValues[i]), `σ${i + 1}`).toBeLessThan(1e-3);
    for (let i = 4; i < 12; i++) expect(sigma[i], `σ${i + 1} beyond r`).toBeLessThan(1e-9);
    expect(mark(last, 'now').xanchor).toBe(160);
    expect(mark(last, 'now').yanchor).toBeCloseTo(errors[20], 12);
    expect(figureTitled(end, 'Step 160:')).toBeDefined();
  });

  it('merging gives the same outputs, the hand-written gradients agree with the library, and the first step grows with r only without the division', async () => {
    const report = await run();
    const [mergeGap] = boldNumbers(markdown(report, 'the merged and unmerged layers'));
    expect(mergeGap).toBeLessThan(1e-12);
    expect(markdown(report, 'Multiply-adds per input')).toContain('768 merged, 992 unmerged');
    const [gradientGap] = boldNumbers(markdown(report, 'hand-written gradients and the library'));
    expect(gradientGap).toBeLessThan(1e-10);
    const steps = figureTitled(report, 'How far the first Adam step moves W');
    const undivided = y(traceNamed(steps, 's = α'));
    const divided = y(traceNamed(steps, 's = α/r (LoRA)'));
    const [at4, at16] = [(steps.data[0].x as number[]).indexOf(4), (steps.data[0].x as number[]).indexOf(16)];
    expect(undivided[at16] / undivided[at4]).toBeGreaterThan(2);
    expect(divided[at16] / divided[at4]).toBeLessThan(1);
    const ratios = [...markdown(report, 'From $r = 4$ to $r = 16$').matchAll(/\*\*([\d.]+)×\*\*/g)].map((m) => Number(m[1]));
    expect(ratios).toEqual([c3(undivided[at16] / undivided[at4]), c3(divided[at16] / divided[at4])]);
    expect(markdown(report, 'For this layer')).toContain('**0.391 %**');
  });

  it('an exactly rank-2 task has a zero floor from r = 2; with both factors at zero nothing trains', async () => {
    const report = await run({ ...exactTask.controls, init: 'both zero' });
    const fit = figureTitled(report, 'Fit after training against rank r');
    const floor = y(traceNamed(fit, 'SVD floor (Eckart–Young)'));
    expect(floor[0]).toBeCloseTo(exactTask.floors[0], 10);
    for (let i = 1; i < 12; i++) expect(floor[i]).toBeLessThan(1e-12);
    y(traceNamed(fit, 'LoRA after 160 Adam steps')).forEach((v) => expect(v).toBeCloseTo(exactTask.baseError, 12));
    expect(markdown(report, 'The trained adapters end within')).toContain('with both factors at zero nothing trains');
    expect(markdown(report, 'At step 0')).toContain('The gradient of $A$ there is 0 and that of $B$ 0.');
  });

  it('a random B starts away from the frozen model; an undivided α = 32 at r = 12 overshoots', async () => {
    const random = await run({ ...noisyTask.controls, init: 'both random' });
    figureTitled(random, 'Fit after training against rank r');
    const floor = y(traceNamed(figureTitled(random, 'Fit after training'), 'SVD floor (Eckart–Young)'));
    floor.forEach((v, i) => expect(v).toBeCloseTo(noisyTask.floors[i], 10));
    const start = y(traceNamed(figureTitled(random, 'Training: fit and spectrum'), 'adapter ‖s·BA − ΔW*‖'))[0];
    expect(start).toBeGreaterThan(noisyTask.baseError);
    expect(markdown(random, 'At step 0')).toContain('has already moved away from the frozen one');

    const overshoot = await run({ alpha: 32, scaling: 'alpha', rank: 12 });
    const errors = y(traceNamed(figureTitled(overshoot, 'Training: fit and spectrum'), 'adapter ‖s·BA − ΔW*‖'));
    expect(Math.max(...errors)).toBeGreaterThan(1.3 * errors[0]);
    expect(allMarkdown(overshoot)).toContain('the first steps overshot');
    expect(allMarkdown(await run())).toContain('The error never rose above where it started');
  });
});
