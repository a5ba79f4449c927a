import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import type { ControlValue } from '../../src/kernel/types.ts';
import { outputs, markdown, boldNumbers, figure, axisTitle, control, notebookRunner, checksTable } from './report-queries.ts';

const run = notebookRunner('gradient-descent');

function axisRange(fig: Figure, axis: string): number[] | undefined {
  return (fig.layout[axis] as { range?: number[] } | undefined)?.range;
}

/** The trace whose legend name starts with `prefix`. */
function trace(fig: Figure, prefix: string): Trace {
  const found = fig.data.filter((t) => typeof t.name === 'string' && t.name.startsWith(prefix));
  expect(found, `a trace named "${prefix}…"`).toHaveLength(1);
  return found[0];
}

/** The figure's marks (layout shapes, see src/plot/marks.ts). */
const marks = (fig: Figure) => (fig.layout.shapes ?? []) as { type: string; name?: string; xref?: string; x0?: number; y0?: number; y1?: number; xanchor?: number; yanchor?: number }[];

/** The minimum of the loss, as the notebook reports it next to the stepped state. */
function minimumLoss(report: RunReport): number {
  return Number(/\(minimum ([\d.]+)\)/.exec(markdown(report, '(minimum'))![1]);
}

const lossFigure = 'Full-data loss L(θ)';

// The notebook at its defaults (η ≈ 0.316, mini-batch of 16, 60 updates, stepper at the end), run once and shared.
let defaultRun: Promise<RunReport> | undefined;
const runDefault = () => (defaultRun ??= run());

describe('notebooks/gradient-descent.md', () => {
  it('the hand-written gradient step agrees with optim SGD and SGDRegressor in every mode', async () => {
    for (const mode of ['mini-batch', 'stochastic', 'batch']) {
      const report = mode === 'mini-batch' ? await runDefault() : await run({ mode });
      const checks = checksTable(report);
      expect(checks.map((row) => row.library)).toEqual(['LinearRegression (QR, then SVD)', 'SGD (optim)', 'SGDRegressor (linear)']);
      expect(checks[2].hand).toContain(`${mode} mode`);
      for (const row of checks) expect(row.gap).toBeLessThan(1e-10);
      expect(checks[1].gap).toBeLessThan(1e-12);
      expect(checks[2].gap).toBeLessThan(1e-12);
    }
  }, 120_000);

  it('the paths chart overlays three labelled paths of steps + 1 points on the loss contour, on fixed axes', async () => {
    const report = await runDefault();
    const stepper = control(report, 'step');
    expect(stepper.control).toMatchObject({ type: 'stepper', count: 61 });
    expect(stepper.value).toBe(60); // starts at the end: the whole paths are visible first
    const paths = figure(report, 'Paths of 60 updates');
    expect(paths.data[0].type).toBe('contour');
    expect(axisTitle(paths, 'xaxis')).toBe('slope w');
    expect(axisTitle(paths, 'yaxis')).toBe('intercept b');
    expect(axisRange(paths, 'xaxis')).toEqual([-0.5, 4]);
    expect(axisRange(paths, 'yaxis')).toEqual([-3.5, 1.5]);
    expect((trace(paths, 'minimum').x as number[])[0]).toBeCloseTo(2.528, 3);
    for (const [name, size] of [['batch', 200], ['mini-batch', 16], ['stochastic', 1]] as const) {
      const t = trace(paths, `${name} (|B| = ${size})`);
      expect(t.x as number[]).toHaveLength(61);
      expect((t.x as number[])[0]).toBe(0); // every run starts at θ = (0, 0)
    }
    const loss = figure(report, lossFigure);
    expect(axisTitle(loss, 'xaxis')).toBe('update');
    expect(axisRange(loss, 'xaxis')).toEqual([0, 60]);
  }, 60_000);

  it('θ₀ is an input on the paths chart: set elsewhere, every run starts there and the chart carries its handle', async () => {
    const atDefault = figure(await runDefault(), 'Paths of 60 updates');
    expect(atDefault.inputs).toEqual([expect.objectContaining({ name: 'theta0', kind: 'point', value: [0, 0] })]);
    const report = await run({ theta0: [3, -3] });
    const paths = figure(report, 'Paths of 60 updates');
    expect(paths.inputs?.[0].value).toEqual([3, -3]);
    for (const name of ['batch', 'mini-batch', 'stochastic']) {
      const t = trace(paths, `${name} (|B|`);
      expect([(t.x as number[])[0], (t.y as number[])[0]]).toEqual([3, -3]);
    }
    // The batch run still heads for the minimum from there (η ≈ 0.316 is below 2/λmax).
    const batch = trace(paths, 'batch (|B|');
    const minimum = trace(paths, 'minimum');
    const distance = (i: number) => Math.hypot((batch.x as number[]).at(i)! - (minimum.x as number[])[0], (batch.y as number[]).at(i)! - (minimum.y as number[])[0]);
    expect(distance(-1)).toBeLessThan(0.1 * distance(0));
  }, 60_000);

  it('moving the stepper rings each run at that update over its whole path, and moves the loss charts\' line and the fit\'s batch and line (marks)', async () => {
    const [end, early] = [await runDefault(), await run({ step: 5 })];
    const paths = figure(early, 'Paths of 60 updates');
    expect(paths.layout.title).toMatchObject({ text: 'Paths of 60 updates (η = 0.316), ringed after update 5' });
    // The paths are the whole runs at every step (what Plotly keeps); only the rings move.
    expect(paths.data).toEqual(figure(end, 'Paths of 60 updates').data);
    expect(axisRange(paths, 'xaxis')).toEqual(axisRange(figure(end, 'Paths of 60 updates'), 'xaxis'));
    const ringAt = (fig: Figure) => marks(fig).filter((m) => m.type === 'circle').map((m) => [m.xanchor, m.yanchor]);
    const iterate = (fig: Figure, name: string, k: number) => [(trace(fig, name).x as number[])[k], (trace(fig, name).y as number[])[k]];
    expect(ringAt(paths)).toEqual(['batch', 'stochastic', 'mini-batch'].map((name) => iterate(paths, `${name} (|B|`, 5)));
    expect(ringAt(figure(end, 'Paths of 60 updates'))).toEqual(['batch', 'stochastic', 'mini-batch'].map((name) => iterate(paths, `${name} (|B|`, 60)));
    // The loss curves are whole too, with the stepper's update as a dotted line, on the same axes.
    const loss = figure(early, lossFigure);
    for (const t of loss.data) expect(t.y as number[]).toHaveLength(61);
    expect(loss.data).toEqual(figure(end, lossFigure).data);
    expect(marks(loss).find((m) => m.name === 'update shown')?.x0).toBe(5);
    expect(axisRange(loss, 'yaxis')).toEqual(axisRange(figure(end, lossFigure), 'yaxis'));
    // The fit: the 16 points of update 5's batch as dots, and the line θ₅ as a segment over x ∈ [0, 2].
    const fit = figure(early, 'The mini-batch fit after update 5');
    const batchDots = marks(fit).filter((m) => m.type === 'circle');
    expect(batchDots).toHaveLength(16);
    const data = trace(fit, 'data');
    for (const m of batchDots) expect((data.x as number[]).indexOf(m.xanchor!)).toBeGreaterThanOrEqual(0);
    expect(batchDots.map((m) => m.xanchor)).not.toEqual(marks(figure(end, 'The mini-batch fit after update 60')).filter((m) => m.type === 'circle').map((m) => m.xanchor));
    const [w5, b5] = iterate(paths, 'mini-batch (|B|', 5);
    const fitLine = marks(fit).find((m) => m.type === 'line')!;
    expect(fitLine.name).toBe('θ after this update');
    expect([fitLine.y0, fitLine.y1]).toEqual([b5, 2 * w5 + b5]);
    // The four learning rates' panels: each path whole, ringed at update 5 on its own chart.
    const panels = outputs(early).flatMap((o) => (o.kind === 'figure' && o.figure.data.length === 8 ? [o.figure] : []));
    expect(panels).toHaveLength(1);
    const panelPaths = panels[0].data.filter((d) => d.type === 'scatter');
    expect(panelPaths[0].x as number[]).toHaveLength(61);
    expect(marks(panels[0]).map((m) => [m.xref, m.xanchor, m.yanchor])).toEqual(panelPaths.map((t, k) => [k === 0 ? 'x' : `x${k + 1}`, (t.x as number[])[5], (t.y as number[])[5]]));
    expect(marks(figure(early, 'Loss against update for each learning rate')).find((m) => m.name === 'update shown')?.x0).toBe(5);
  }, 60_000);

  it('in batch mode the fit has no batch dots (its batch is every point), only the line', async () => {
    const fit = figure(await run({ mode: 'batch', step: 5 }), 'The batch fit after update 5');
    expect(marks(fit).filter((m) => m.type === 'circle')).toHaveLength(0);
    expect(marks(fit).filter((m) => m.type === 'line')).toHaveLength(1);
  }, 60_000);

  it('batch descent falls smoothly while stochastic descent is noisy, and larger batches are less noisy', async () => {
    const report = await runDefault();
    const curve = (name: string) => trace(figure(report, lossFigure), name).y as number[];
    const rises = (ys: number[]) => ys.slice(1).filter((y, k) => y > ys[k] + 1e-12).length;
    expect(rises(curve('batch'))).toBe(0);
    expect(rises(curve('stochastic'))).toBeGreaterThan(10);
    const small = await run({ batchSize: 4 });
    const large = await run({ batchSize: 64 });
    // Noise shows as updates that raise the full-data loss: fewer with 64 samples per step than with 4.
    const miniBatchRises = (r: RunReport) => rises(trace(figure(r, lossFigure), 'mini-batch').y as number[]);
    expect(trace(figure(large, 'Paths of'), 'mini-batch (|B| = 64)').x as number[]).toHaveLength(61);
    expect(miniBatchRises(large)).toBeLessThan(miniBatchRises(small));
  }, 120_000);

  it('the error along each eigendirection of H shrinks by |1 − ηλ| per step, measured as predicted; the shallow one is what is left', async () => {
    const lambdas = (r: RunReport) => {
      const text = markdown(r, 'condition number');
      return [Number(/\\lambda_\{\\max\} = ([\d.]+)/.exec(text)![1]), Number(/\\lambda_\{\\min\} = ([\d.]+)/.exec(text)![1])];
    };
    for (const controls of [{}, { logEta: -1, theta0: [3, -3] }] as Record<string, ControlValue>[]) {
      const report = await run(controls);
      const eta = Number(/\\eta = ([\d.]+)\$/.exec(markdown(report, 'Learning rate'))![1]);
      const [lambdaMax, lambdaMin] = lambdas(report);
      const text = markdown(report, 'Per step the steep component');
      const [steep, shallow] = boldNumbers(text);
      expect(steep).toBeCloseTo(Math.abs(1 - eta * lambdaMax), 2);
      expect(shallow).toBeCloseTo(Math.abs(1 - eta * lambdaMin), 2);
      expect(Number(/relative to the start: ([\d.e+-]+)\./.exec(text)![1])).toBeLessThan(1e-9);
      const chart = figure(report, 'Batch error along each eigendirection');
      expect(chart.data.map((t) => t.name)).toEqual([
        'steep direction v_max: measured', `(1 − ηλ)ᵗ: ×${steep.toFixed(3)} per step`,
        'shallow direction v_min: measured', `(1 − ηλ)ᵗ: ×${shallow.toFixed(3)} per step`,
      ]);
    }
  }, 120_000);

  it('a learning rate far too small crawls and one above 2/λmax diverges', async () => {
    const [slow, good, fast] = [await run({ logEta: -2 }), await runDefault(), await run({ logEta: 0.1 })];
    const lastBatchLoss = (r: RunReport) => (trace(figure(r, lossFigure), 'batch').y as number[]).at(-1)!;
    const min = minimumLoss(good);
    expect(lastBatchLoss(good)).toBeLessThan(1.3 * min);
    expect(lastBatchLoss(slow)).toBeGreaterThan(3 * min);
    const first = (trace(figure(fast, lossFigure), 'batch').y as number[])[0];
    expect(lastBatchLoss(fast)).toBeGreaterThan(1e6 * first);
    expect(markdown(fast, 'steepest batch')).toContain('is above it');
    // The diverging batch path is drawn until it leaves the window and ends on its edge.
    const flying = trace(figure(fast, 'Paths of'), 'batch');
    expect((flying.x as number[]).length).toBeLessThan(61);
    const [lastW, lastB] = [(flying.x as number[]).at(-1)!, (flying.y as number[]).at(-1)!];
    // on the border of the window w ∈ [-0.5, 4], b ∈ [-3.5, 1.5]
    expect([lastW === -0.5 || lastW === 4, lastB === -3.5 || lastB === 1.5]).toContain(true);
    expect(markdown(good, 'steepest batch')).toContain('is below it');
    // The four fixed rates: the last one is past the edge, so its path ends far outside the window.
    const rates = figure(good, 'Loss against update for each learning rate');
    expect(rates.data.map((t) => t.name)).toHaveLength(4);
    const losses = rates.data.map((t) => (t.y as number[]).at(-1)!);
    expect(losses[3]).toBeGreaterThan(losses[0]);
    expect(losses[1]).toBeLessThan(losses[0]);
  }, 120_000);

  it('the least-squares solution of LinearRegression (QR, then SVD) agrees with the normal equations solved by hand', async () => {
    const [normal] = checksTable(await runDefault());
    expect(normal.hand).toBe("normal equations (Cramer's rule)");
    expect(normal.gap).toBeLessThan(1e-10);
  }, 60_000);

  it('the stability verdict depends on the mode: at η = 0.794 (below 2/λmax) batch is stable while single-sample SGD, bounded by 2/max(xᵢ² + 1) ≈ 0.4, blows up', async () => {
    const stochastic = await run({ logEta: -0.1, mode: 'stochastic' });
    const batch = await run({ logEta: -0.1, mode: 'batch' });
    const sgdText = markdown(stochastic, 'steepest batch');
    const [sgdBound] = boldNumbers(sgdText);
    expect(sgdBound).toBeGreaterThan(0.38);
    expect(sgdBound).toBeLessThan(0.42);
    expect(sgdText).toContain('is above it');
    expect(sgdText).toContain('its loss grew');
    const sgdLoss = trace(figure(stochastic, lossFigure), 'stochastic').y as number[];
    expect(sgdLoss.at(-1)!).toBeGreaterThan(10 * sgdLoss[0]);
    const batchText = markdown(batch, 'steepest batch');
    expect(boldNumbers(batchText)[0]).toBeCloseTo(0.937, 3);
    expect(batchText).toContain('is below it');
    expect(batchText).toContain('its loss fell');
  }, 120_000);

  it('the SGD cloud size scales with √η when samples are drawn independently (a quarter of η halves it), and shuffling each epoch shrinks it faster', async () => {
    const [withReplacement, shuffled] = boldNumbers(markdown(await runDefault(), 'samples drawn'));
    expect(withReplacement).toBeGreaterThan(0.44);
    expect(withReplacement).toBeLessThan(0.56);
    expect(shuffled).toBeLessThan(withReplacement);
    expect(shuffled).toBeGreaterThan(0.25);
  }, 60_000);

  it('a learning rate at 0.2 and at the slider maximum diverges in every chart without an error, and the figures say so', async () => {
    const max = control(await runDefault(), 'logEta').control as { max: number };
    for (const logEta of [0.2, max.max]) {
      const report = await run({ logEta }); // checks that every cell ran
      const paths = figure(report, 'Paths of');
      const chosen = trace(paths, 'mini-batch');
      expect((chosen.text as string[]).at(-1)).toMatch(/^left the chart at step \d+$/);
      const equalCompute = figure(report, 'Equal compute');
      const note = (equalCompute.layout.annotations as { text: string }[])[0].text;
      expect(note).toMatch(/^stochastic \(200 updates per epoch\): \d+ of 1001 points not shown<br>\(values became infinite( or NaN)? from epoch [\d.]+ on\)$/);
      // What is finite is still drawn: the curve up to where the values gave out.
      expect((equalCompute.data.find((t) => String(t.name).startsWith('stochastic'))!.y as (number | null)[])[0]).toBeGreaterThan(0);
    }
  }, 120_000);
});
