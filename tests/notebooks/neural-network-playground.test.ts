import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeSession } from '../../src/kernel/node/create-node-session.ts';
import type { CellView } from '../../src/kernel/types.ts';
import { codeCells, parseNotebook } from '../../src/notebook/index.ts';
import type { Trace } from '../../src/plot/figure.ts';
import { boldNumbers, control, figureTitled, markdown, notebookRunner, titleOf, traceNamed } from './report-queries.ts';

// A cell may take long on a loaded machine: each run trains a network live (a few seconds of CPU on an idle one).
const run = notebookRunner('neural-network-playground', { timeoutMs: 120_000 });

// numpy's cosine schedule with warm-up (tests/ml/fixtures/make_training_loop.py).
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../ml/fixtures/training-loop.json'), 'utf8')) as { notebookSchedule: number[] };
const ys = (trace: Trace) => trace.y as number[];
const LN2 = Math.log(2);

/** The numbers of the sentence under the playground: training and validation loss, both accuracies, the loss after 10 epochs, the boundary's length. */
function summary(report: Awaited<ReturnType<typeof run>>) {
  const [trainLoss, validationLoss, trainAccuracy, validationAccuracy, lossAt10, boundaryLength] = boldNumbers(markdown(report, 'After '));
  return { trainLoss, validationLoss, trainAccuracy, validationAccuracy, lossAt10, boundaryLength };
}

/** What a cell of a streamed session shows: its figures' titles and its Markdown. */
const titles = (view: CellView | undefined) => (view?.outputs ?? []).flatMap((o) => (o.kind === 'figure' ? [titleOf(o.figure)] : []));
const markdowns = (view: CellView | undefined) => (view?.outputs ?? []).flatMap((o) => (o.kind === 'markdown' ? [o.markdown] : []));

async function until(check: () => boolean, what: string, withinMs = 60_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const overfit = { noise: 0.35, trainingPoints: 60, width: 32, epochs: 200 };
const spiralDeep = { dataSet: 'spiral', layers: 3, learningRate: 0.01, epochs: 40 };

// Each run trains one small network (200–400 AdamW steps) live, with redraws: a few seconds of CPU in all.
describe('notebooks/neural-network-playground.md', { timeout: 240_000 }, () => {
  it('trains two moons to the end at the defaults: the curves fall, the prose quotes the last points, the boundary separates the classes', async () => {
    const report = await run();
    expect(control(report, 'learningRate').value).toBe(0.03);
    const figure = figureTitled(report, 'Epoch 40.0 of 40 (done)');
    const train = ys(traceNamed(figure, 'training loss')), validation = ys(traceNamed(figure, 'validation loss'));
    expect(train).toHaveLength(41); // before training, then after each epoch
    expect(train[0]).toBeGreaterThan(0.5);
    const s = summary(report);
    expect(s.trainLoss).toBeCloseTo(train[40], 2);
    expect(s.validationLoss).toBeCloseTo(validation[40], 2);
    expect(s.lossAt10).toBeCloseTo(train[10], 2);
    expect(s.trainLoss).toBeLessThan(train[0] / 3);
    expect(s.validationAccuracy).toBeGreaterThanOrEqual(90);
    const grid = figure.data.find((t) => t.type === 'heatmap')!.z as number[][];
    expect(grid).toHaveLength(32);
    expect(Math.min(...grid.flat())).toBeLessThan(0.1); // confident blue somewhere,
    expect(Math.max(...grid.flat())).toBeGreaterThan(0.9); // confident orange elsewhere
    expect(s.boundaryLength).toBeGreaterThan(2);
  });

  it('the stepper shows the written-out loop: numpy\'s cosine schedule with warm-up, step 1 at η/10, and it matches miniBatchSteps', async () => {
    const report = await run();
    const stepFigure = figureTitled(report, 'Step 1 of the loop (epoch 1)');
    const schedule = ys(traceNamed(stepFigure, 'η_t'));
    expect(schedule).toHaveLength(fixture.notebookSchedule.length);
    schedule.forEach((lr, t) => expect(lr, `η at step ${t}`).toBeCloseTo(fixture.notebookSchedule[t], 12));
    const [loss, lr, gradNorm] = boldNumbers(markdown(report, 'Step 1: a mini-batch of 32 points'));
    expect(lr).toBeCloseTo(0.003, 6);
    expect(Math.abs(loss - LN2)).toBeLessThan(0.3); // a fresh network is close to a coin flip
    expect(gradNorm).toBeGreaterThan(0);
    // Adam's first step moves every weight by η_t (m̂/√v̂ = ±1), so a matrix of n weights by η_t·√n: 2×8, 8×8, 8×1.
    const steps = ys(traceNamed(stepFigure, '‖ΔW‖ / η_t'));
    [16, 64, 8].forEach((n, l) => {
      expect(steps[l], `matrix ${l + 1}`).toBeLessThan(Math.sqrt(n) * 1.01);
      expect(steps[l], `matrix ${l + 1}`).toBeGreaterThan(Math.sqrt(n) * 0.6);
    });
    const [lossGap, weightGap] = boldNumbers(markdown(report, 'the largest gap between the two losses'));
    expect(lossGap).toBeLessThan(1e-6);
    expect(weightGap).toBeLessThan(1e-6);
    // A later step of the stepper shows that step's batch and learning rate.
    const later = await run({ loopStep: 12 });
    expect(boldNumbers(markdown(later, 'Step 13: a mini-batch'))[1]).toBeCloseTo(Number(fixture.notebookSchedule[12].toPrecision(3)), 6);
  });

  it('a learning rate of 3 kills every unit: the loss ends at ln 2, the boundary is gone', async () => {
    const s = summary(await run({ learningRate: 3 }));
    expect(s.trainLoss).toBeCloseTo(LN2, 2);
    expect(s.validationLoss).toBeCloseTo(LN2, 2);
    expect(Math.abs(s.validationAccuracy - 50)).toBeLessThanOrEqual(5);
    expect(s.boundaryLength).toBe(0);
  });

  it('L2 shortens an overfitting boundary and brings the validation loss down', async () => {
    const plain = summary(await run(overfit));
    const penalised = summary(await run({ ...overfit, l2: 0.003 }));
    expect(plain.validationLoss - plain.trainLoss).toBeGreaterThan(1); // overfits: validation far above training
    expect(penalised.validationLoss).toBeLessThan(plain.validationLoss / 2);
    expect(penalised.boundaryLength).toBeLessThan(plain.boundaryLength);
  });

  it('on the spiral, batch norm lowers the loss after 10 epochs, and 3 layers beat 1', async () => {
    const deep = summary(await run(spiralDeep));
    const normalised = summary(await run({ ...spiralDeep, batchNorm: true }));
    const shallow = summary(await run({ ...spiralDeep, layers: 1 }));
    expect(normalised.lossAt10).toBeLessThan(deep.lossAt10 * 0.8);
    expect(deep.trainLoss).toBeLessThan(shallow.trainLoss / 2);
    expect(deep.trainAccuracy).toBeGreaterThan(shallow.trainAccuracy);
  });

  it('on the page, training is a live value: the cells below run on the untrained network, the sentence says "so far", a moved control starts afresh, and the last frame is the headless one', async () => {
    const file = join(import.meta.dirname, '../../notebooks/neural-network-playground.md');
    const cells = codeCells(parseNotebook(readFileSync(file), 'notebooks/neural-network-playground.md'));
    const session = createNodeSession({ liveValues: 'stream', timeoutMs: 120_000 });
    try {
      const cellShowing = (what: (view: CellView | undefined) => boolean) => cells.find((c) => what(session.view(c.id)))!.id;
      /** Every playground figure title and summary sentence shown, in order, and what the stepper showed first. */
      const seen: { title: string[]; summary: string[]; playgroundWhenStepperDrew?: string } = { title: [], summary: [] };
      let figureCell: string | undefined, summaryCell: string | undefined;
      session.onCellChange((id, view) => {
        if (view.state !== 'done') return;
        const title = titles(view).find((t) => t.startsWith('Epoch '));
        if (title !== undefined && title !== seen.title.at(-1)) {
          figureCell = id;
          seen.title.push(title);
        }
        const sentence = markdowns(view).find((m) => / of \d+ epochs in:|^After \d+ epochs:/.test(m));
        if (sentence !== undefined && sentence !== seen.summary.at(-1)) {
          summaryCell = id;
          seen.summary.push(sentence);
        }
        if (titles(view).some((t) => t.startsWith('Step 1 of the loop'))) seen.playgroundWhenStepperDrew ??= seen.title.at(-1) ?? 'nothing';
      });
      session.setCells(cells.map((c) => ({ id: c.id, source: c.source })));
      await session.runAll();
      // The pass ended on the untrained network's frame: the stepper and the library check did not wait for training.
      expect(seen.playgroundWhenStepperDrew).toBe('Epoch 0.0 of 40');
      expect(markdowns(session.view(cellShowing((v) => markdowns(v).some((m) => m.includes('the largest gap between the two losses'))))).length).toBe(1);
      expect(seen.summary[0]).toMatch(/^So far, 0\.0 of 40 epochs in: /);
      expect(seen.summary[0]).toContain('The training loss after 10 epochs shows here once epoch 10 is done.');
      // The summary cell reads the frame after the figure's cell does: both must show the last one.
      const lastFrameShown = () => seen.title.at(-1) === 'Epoch 40.0 of 40 (done)' && seen.summary.at(-1)!.startsWith('After ');
      await until(lastFrameShown, 'the last frame');
      // Frames in between, epochs rising, each with its own "so far" sentence.
      const epochs = seen.title.map((t) => Number(/Epoch ([\d.]+)/.exec(t)![1]));
      expect(epochs.length).toBeGreaterThanOrEqual(4);
      epochs.slice(1).forEach((e, i) => expect(e).toBeGreaterThan(epochs[i]));
      expect(seen.summary.slice(0, -1).every((m) => m.startsWith('So far, '))).toBe(true);
      const partialAfter10 = seen.summary.find((m) => m.startsWith('So far, ') && m.includes('after 10 epochs was'));
      if (partialAfter10) expect(Number(/So far, ([\d.]+) of/.exec(partialAfter10)![1])).toBeGreaterThanOrEqual(10);
      // The last value is the headless run's, number for number.
      const headless = markdown(await run(), 'After ');
      expect(boldNumbers(seen.summary.at(-1)!)).toEqual(boldNumbers(headless));
      const tensorsWhenDone = session.view(summaryCell!)!.tensors;

      // Move a control while it trains: the old run stops (its frames no longer show), the new one starts at step 0 and frees what it made.
      const controlsCell = cellShowing((v) => (v?.outputs ?? []).some((o) => o.kind === 'control' && o.name === 'width'));
      await session.setControl(controlsCell, 'width', 16, [figureCell!]);
      await until(() => /^Epoch ([1-9]|\d\d)/.test(seen.title.at(-1)!), 'a few frames of the 16-unit network');
      const moved = seen.title.length, summariesBeforeMove = seen.summary.length;
      await session.setControl(controlsCell, 'width', 8, [figureCell!]);
      await until(() => seen.title.length > moved && seen.summary.length > summariesBeforeMove && lastFrameShown(), 'the 8-unit network again');
      const restarted = seen.title.slice(moved);
      expect(restarted[0]).toBe('Epoch 0.0 of 40');
      const again = restarted.map((t) => Number(/Epoch ([\d.]+)/.exec(t)![1]));
      again.slice(1).forEach((e, i) => expect(e, 'no frame of the stopped run').toBeGreaterThan(again[i]));
      expect(boldNumbers(seen.summary.at(-1)!)).toEqual(boldNumbers(headless));
      expect(session.view(summaryCell!)!.tensors).toBe(tensorsWhenDone);
    } finally {
      session.dispose();
    }
  });
});
