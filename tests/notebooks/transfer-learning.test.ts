import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeSession } from '../../src/kernel/node/create-node-session.ts';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { CellView, Output } from '../../src/kernel/types.ts';
import { codeCells, parseNotebook } from '../../src/notebook/index.ts';
import type { Figure } from '../../src/plot/figure.ts';
import { allMarkdown, boldNumbers, control, figureTitled, markdown, notebookRunner, outputs, titleOf, traceNamed } from './report-queries.ts';

/**
 * scikit-learn's NearestCentroid and PCA on the notebook's own embeddings
 * (fixtures/make_transfer_learning.py, which makes them with the notebook's code and seeds).
 */
interface SpaceReference { accuracy: number; predictions: number[]; centroids: number[][] }
interface SupportReference { shots: number; draw: number; embedding: SpaceReference; raw: SpaceReference }
const sklearn = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/transfer-learning.json'), 'utf8')) as {
  supports: SupportReference[];
  explainedByTwoComponents: { embedding: number; raw: number };
  withinClassShare: { embedding: number; raw: number };
};
const supportOf = (shots: number, draw: number) => sklearn.supports.find((s) => s.shots === shots && s.draw === draw)!;
/** One test example's worth: two implementations may split an exact tie differently. */
const ONE_EXAMPLE = 1 / 400 + 1e-12;

const run = notebookRunner('transfer-learning', { timeoutMs: 120_000 });
const ACCURACY = 'Accuracy on the new task against shots per class';
const ys = (report: RunReport, name: string) => traceNamed(figureTitled(report, ACCURACY), name).y as number[];
const curveStartingWith = (report: RunReport, prefix: string) => {
  const trace = figureTitled(report, ACCURACY).data.find((t) => String(t.name).startsWith(prefix));
  if (!trace) throw new Error(`no curve named "${prefix}…"`);
  return { x: trace.x as number[], y: trace.y as number[] };
};
/** The figure's marks (layout shapes, see src/plot/marks.ts). */
const marks = (figure: Figure) => (figure.layout.shapes ?? []) as { type: string; line?: { color?: string }; xanchor?: number; yanchor?: number; x0?: number; y0?: number; x1?: number; y1?: number }[];
/** The rings at the slider's k on the curve named `prefix…` (marks in that curve's colour), as [k, accuracy]. */
const ringsOn = (figure: Figure, prefix: string) => {
  const curve = figure.data.find((t) => String(t.name).startsWith(prefix));
  if (!curve) throw new Error(`no curve named "${prefix}…"`);
  const color = (curve.line as { color: string }).color;
  return marks(figure).filter((m) => m.type === 'circle' && m.line?.color === color).map((m) => [m.xanchor, m.yanchor]);
};
type Table = Extract<Output, { kind: 'table' }>;
const tableWith = (report: RunReport, column: string) =>
  outputs(report).find((o): o is Table => o.kind === 'table' && o.columns.includes(column))!;

describe('notebooks/transfer-learning.md', () => {
  it('prototype accuracies, on the embedding and on raw x, are scikit-learn NearestCentroid\'s; the PCA shares quoted are scikit-learn\'s; the written-out prototypes agree with the library', async () => {
    const report = await run();
    const embedded = ys(report, 'prototypes in the embedding');
    const raw = ys(report, 'prototypes on raw x');
    expect(embedded).toHaveLength(20);
    for (const shots of [1, 3, 20]) {
      const reference = supportOf(shots, 0);
      expect(Math.abs(embedded[shots - 1] - reference.embedding.accuracy), `${shots}-shot`).toBeLessThanOrEqual(ONE_EXAMPLE);
      expect(Math.abs(raw[shots - 1] - reference.raw.accuracy), `${shots}-shot raw`).toBeLessThanOrEqual(ONE_EXAMPLE);
    }
    // The embedding is what transfers: with one shot, prototypes on raw x are far behind.
    expect(embedded[0] - raw[0]).toBeGreaterThan(0.2);
    const text = allMarkdown(report);
    expect(text).toContain(`principal components (${(100 * sklearn.explainedByTwoComponents.raw).toFixed(1)} % of the variance of $x$)`);
    expect(text).toContain(`hold\n${(100 * sklearn.explainedByTwoComponents.embedding).toFixed(1)} % of this space's variance`);
    // The default prototype figure is 1-shot, draw 0, in the pre-trained embedding.
    figureTitled(report, `Prototypes in the pre-trained embedding: 1-shot, ${(100 * supportOf(1, 0).embedding.accuracy).toFixed(1)} %`);
    const [disagreements] = boldNumbers(markdown(report, 'classify differently'));
    expect(disagreements).toBe(0);
    const spaces = tableWith(report, '1-shot');
    const row = (space: string) => spaces.rows.find((r) => r[0] === space)!;
    expect(Math.abs((row('pre-trained embedding')[1] as number) - supportOf(1, 0).embedding.accuracy)).toBeLessThanOrEqual(ONE_EXAMPLE);
    expect(Math.abs((row('raw input x')[2] as number) - supportOf(20, 0).raw.accuracy) > 0.05).toBe(true); // 5-shot column is not 20-shot
    expect(Math.abs((row('raw input x')[3] as number) - supportOf(20, 0).raw.accuracy)).toBeLessThanOrEqual(ONE_EXAMPLE);
    expect(row('untrained network')[1] as number).toBeLessThan(row('raw input x')[1] as number);
    // The spread within a class, numpy's: most of it in x, a fifth in the embedding.
    const [rawShare] = boldNumbers(markdown(report, 'is spread *within* a class'));
    expect(rawShare).toBeCloseTo(100 * sklearn.withinClassShare.raw, 1);
    const [embeddingShare, , rawAgain] = boldNumbers(markdown(report, 'Share of the\nspread that is within a class'));
    expect(embeddingShare).toBeCloseTo(100 * sklearn.withinClassShare.embedding, 1);
    expect(rawAgain).toBe(rawShare);
    expect(embeddingShare).toBeLessThan(rawShare / 2);
  }, 240_000);

  it('freezing keeps the body\'s weights exactly; the frozen model trains 36 of 844 weights; frozen features beat scratch at 1 shot and scratch catches up by 20', async () => {
    const report = await run();
    const layers = tableWith(report, 'trainable');
    expect(layers.rows.map((r) => r[2])).toEqual([false, false, true]);
    expect(layers.rows.map((r) => r[3])).toEqual([16 * 32 + 32, 32 * 8 + 8, 8 * 4 + 4]);
    const [body1, body2] = boldNumbers(markdown(report, 'Largest change of a weight'));
    expect([body1, body2]).toEqual([0, 0]);
    expect(markdown(report, 'Largest change of a weight')).toContain('trains 36 of its 844 weights');

    const frozen = curveStartingWith(report, 'frozen body');
    const scratch = curveStartingWith(report, 'from scratch');
    const fineTune = curveStartingWith(report, 'fine-tune all (η = 0.003)');
    expect(frozen.x).toEqual([1, 2, 3, 5, 10, 20]);
    expect(frozen.y[0] - scratch.y[0]).toBeGreaterThan(0.3);
    expect(scratch.y[0]).toBeLessThan(0.7);
    expect(Math.abs(frozen.y.at(-1)! - scratch.y.at(-1)!)).toBeLessThan(0.05);
    // A small η keeps fine-tuning at or above the frozen model: it starts from the trained head.
    fineTune.y.forEach((v, i) => expect(v, `${frozen.x[i]} shots`).toBeGreaterThan(frozen.y[i] - 0.02));
    expect(Math.max(...fineTune.y.map((v, i) => v - frozen.y[i]))).toBeGreaterThan(0.02);
    // The slider's default (3 shots) is on the grid: the markers are the curves' points, and the prose quotes them.
    const k = frozen.x.indexOf(3);
    const chart = figureTitled(report, ACCURACY);
    expect(ringsOn(chart, 'frozen body')).toEqual([[3, frozen.y[k]]]);
    expect(ringsOn(chart, 'fine-tune all')).toEqual([[3, fineTune.y[k]]]);
    expect(ringsOn(chart, 'from scratch')).toEqual([[3, scratch.y[k]]]);
    const quoted = boldNumbers(markdown(report, 'examples per class'));
    expect(quoted[0]).toBe(3);
    expect(quoted.slice(1, 4)).toEqual([frozen.y[k], fineTune.y[k], scratch.y[k]].map((v) => Number((100 * v).toFixed(1))));
    expect(quoted[4]).toBe(Number((100 * ys(report, 'prototypes in the embedding')[2]).toFixed(1)));
    // The list under the chart quotes the curves' ends.
    const ends = boldNumbers(markdown(report, 'Few shots: frozen features win'));
    const at = (v: number) => Number((100 * v).toFixed(1));
    expect(ends.slice(0, 4)).toEqual([at(frozen.y[0]), at(scratch.y[0]), at(scratch.y.at(-1)!), at(frozen.y.at(-1)!)]);
    const meanGap = fineTune.y.reduce((sum, v, i) => sum + v - frozen.y[i], 0) / fineTune.y.length;
    expect(ends[4]).toBe(at(Math.abs(meanGap)));
  }, 240_000);

  it('a shot count off the grid is trained live; a large fine-tuning η sags below the frozen model', async () => {
    const report = await run({ shots: 7, fineTuneRate: 0.3 });
    const text = markdown(report, 'examples per class');
    expect(text).toContain('trained live (once per η)');
    const [shots, frozen, fineTune, scratch] = boldNumbers(text);
    expect(shots).toBe(7);
    expect(frozen).toBeGreaterThan(scratch);
    expect(frozen).toBeGreaterThan(fineTune);
    expect(ringsOn(figureTitled(report, ACCURACY), 'frozen body')).toEqual([[7, expect.closeTo(frozen / 100, 3)]]);
    const frozenCurve = curveStartingWith(report, 'frozen body').y;
    const sagging = curveStartingWith(report, 'fine-tune all (η = 0.3)').y;
    const meanGap = sagging.reduce((s, v, i) => s + frozenCurve[i] - v, 0) / sagging.length;
    expect(meanGap).toBeGreaterThan(0.1);
    expect(control(report, 'fineTuneRate').value).toBe(0.3);
  }, 240_000);

  it('raw x with 3 shots of draw 5: scikit-learn\'s accuracy, and the dragged query goes to its nearest prototype', async () => {
    const report = await run({ space: 'raw input x', protoShots: 3, draw: 5, query: [1.5, -2] });
    const reference = supportOf(3, 5).raw;
    const title = figureTitled(report, 'Prototypes in the raw input x: 3-shot');
    const shown = Number(/([\d.]+) % right/.exec(String((title.layout.title as { text: string }).text))![1]);
    expect(Math.abs(shown / 100 - reference.accuracy)).toBeLessThanOrEqual(ONE_EXAMPLE + 5e-4);
    const distances = figureTitled(report, 'Squared distance from the query').data[0].y as number[];
    const winner = distances.indexOf(Math.min(...distances));
    expect(markdown(report, 'The query at')).toContain(`The query at (1.50, −2.00)`.replace('−', '-'));
    expect(markdown(report, 'The query at')).toContain(`**class ${'ABCD'[winner]}**`);
    const prototypes = traceNamed(title, 'prototypes');
    expect(prototypes.x).toHaveLength(4);
    // A dotted line (a mark) from the query to each prototype.
    expect(marks(title).filter((m) => m.type === 'line').map((m) => [m.x0, m.y0, m.x1, m.y1])).toEqual(
      (prototypes.x as number[]).map((x, i) => [1.5, -2, x, (prototypes.y as number[])[i]]));
    expect(traceNamed(title, 'support set').x).toHaveLength(12);
  }, 240_000);

  it('on the page, a new η streams its fine-tune curve point by point, the sentences say "so far" meanwhile, and end on the headless numbers; an η tried before comes back whole', async () => {
    const file = join(import.meta.dirname, '../../notebooks/transfer-learning.md');
    const cells = codeCells(parseNotebook(readFileSync(file), 'notebooks/transfer-learning.md'));
    const session = createNodeSession({ liveValues: 'stream', timeoutMs: 120_000 });
    try {
      /** Every accuracy chart shown, in order: its fine-tune curve's name and points, and the markers at k. */
      const charts: { name: string; y: number[]; fineTuneNow: unknown[]; frozenNow: unknown[] }[] = [];
      const gapSentences: string[] = [];
      let chartCell: string | undefined;
      session.onCellChange((id, view: CellView) => {
        if (view.state !== 'done') return;
        for (const o of view.outputs) {
          if (o.kind === 'markdown' && o.markdown.includes('Fine-tuning needs a small η') && o.markdown !== gapSentences.at(-1)) gapSentences.push(o.markdown);
          if (o.kind !== 'figure' || titleOf(o.figure) !== ACCURACY) continue;
          chartCell = id;
          const figure: Figure = o.figure;
          const fineTune = figure.data.find((t) => String(t.name).startsWith('fine-tune all'))!;
          charts.push({ name: String(fineTune.name), y: fineTune.y as number[], fineTuneNow: ringsOn(figure, 'fine-tune all'), frozenNow: ringsOn(figure, 'frozen body') });
        }
      });
      session.setCells(cells.map((c) => ({ id: c.id, source: c.source })));
      await session.runAll();
      const until = async (check: () => boolean, what: string) => {
        const deadline = Date.now() + 60_000;
        while (!check()) {
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      await until(() => charts.at(-1)?.name === 'fine-tune all (η = 0.003)', 'the default curve');
      const controlsCell = cells.find((c) => session.view(c.id)!.outputs.some((o) => o.kind === 'control' && o.name === 'fineTuneRate'))!.id;

      const before = charts.length;
      await session.setControl(controlsCell, 'fineTuneRate', 0.3, [chartCell!]);
      await until(() => charts.at(-1)?.name === 'fine-tune all (η = 0.3)', 'the η = 0.3 curve');
      const streamed = charts.slice(before);
      // First the chart without the new curve, then a point per shot count, 3 shots' marker once its point is in.
      expect(streamed.map((c) => c.y.length)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(streamed[0].name).toBe('fine-tune all (η = 0.3), 0 of 6 shot counts so far');
      expect(streamed.map((c) => c.fineTuneNow.length)).toEqual([0, 0, 0, 1, 1, 1, 1]);
      streamed.forEach((c) => expect(c.frozenNow).toHaveLength(1));
      expect(gapSentences.some((m) => m.includes('its curve is still training'))).toBe(true);
      expect(gapSentences.some((m) => m.includes('so far, over the 3 smallest shot counts'))).toBe(true);
      const headless = await run({ fineTuneRate: 0.3 });
      expect(streamed.at(-1)!.y).toEqual(curveStartingWith(headless, 'fine-tune all (η = 0.3)').y);
      expect(boldNumbers(gapSentences.at(-1)!)).toEqual(boldNumbers(markdown(headless, 'Few shots: frozen features win')));

      // Back to η = 0.003: kept whole from before, so no partial curve shows.
      const back = charts.length;
      await session.setControl(controlsCell, 'fineTuneRate', 0.003, [chartCell!]);
      await until(() => charts.at(-1)?.name === 'fine-tune all (η = 0.003)', 'the default curve again');
      expect(charts.slice(back).map((c) => c.y.length)).toEqual([6]);
    } finally {
      session.dispose();
    }
  }, 240_000);
});
