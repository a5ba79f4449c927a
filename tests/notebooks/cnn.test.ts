import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Output } from '../../src/kernel/types.ts';
import type { Figure } from '../../src/plot/figure.ts';
import { boldNumbers, figureTitled, markdown, notebookRunner, outputs, titleOf } from './report-queries.ts';
import { streamNotebook } from './streamed-run.ts';

const run = notebookRunner('cnn');

/** scipy/numpy's feature maps, edges and pooling of the notebook's images (fixtures/make_cnn.py). */
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/cnn.json'), 'utf8')) as {
  smallImage: number[][];
  slide: { kernel: string; padding: number; stride: number; size: number; output: number[][] }[];
  edges: Record<'square' | 'horizontal bar', { image: number[][]; gx: number[][]; gy: number[][]; sumGx: number; sumGy: number }>;
  pooling: { shiftRight: number; shiftDown: number; poolKind: string; pooled: number[][][]; gap: number[]; mapChange: number; pooledChange: number; gapChange: number }[];
};

/** The heatmaps of a figure, in panel order, as matrices (null where a cell is not drawn). */
const heatmaps = (fig: Figure) => fig.data.filter((t) => t.type === 'heatmap').map((t) => t.z as (number | null)[][]);
function maxGap(a: (number | null)[][], b: number[][]): number {
  expect(a.length).toBe(b.length);
  return Math.max(...b.flatMap((row, i) => {
    expect(a[i].length).toBe(row.length);
    return row.map((v, j) => Math.abs((a[i][j] ?? NaN) - v));
  }));
}
const slideCase = (kernel: string, padding: number, stride: number) =>
  reference.slide.find((c) => c.kernel === kernel && c.padding === padding && c.stride === stride)!;
type Table = Extract<Output, { kind: 'table' }>;

describe('notebooks/cnn.md', () => {
  it('the sliding filter fills scipy\'s correlate2d feature map window by window, for two paddings and strides', async () => {
    const first = await run();
    const [input, , output] = heatmaps(figureTitled(first, 'sobelX, p = 0, s = 1 → 5×5'));
    expect(input).toEqual(reference.smallImage);
    // Step 1: only the first cell of the feature map is drawn, with scipy's value.
    const expected = slideCase('sobelX', 0, 1).output;
    expect(output[0][0]).toBe(expected[0][0]);
    expect(output.flat().filter((v) => v !== null)).toHaveLength(1);
    expect(boldNumbers(markdown(first, 'Window 1 of 25'))).toEqual([expected[0][0]]);

    // The last window of sobelY with p = 1, s = 2: the whole 4 × 4 map is drawn.
    const last = await run({ kernelName: 'sobelY', padding: 1, stride: 2, position: 15 });
    const [padded, products, full] = heatmaps(figureTitled(last, 'sobelY, p = 1, s = 2 → 4×4'));
    expect(padded).toHaveLength(9);
    expect(maxGap(full, slideCase('sobelY', 1, 2).output)).toBeLessThan(1e-12);
    expect(products.flat().reduce((a, v) => a! + v!, 0)).toBeCloseTo(slideCase('sobelY', 1, 2).output[3][3], 12);
    expect(markdown(last, 'With the controls above the filter')).toContain('= **4**, and the feature map is\n**4 × 4**.');
  });

  it('the size formula, slideFilter and conv2d agree with scipy on every padding and stride; an inexact division says what is skipped', async () => {
    const report = await run();
    const table = outputs(report).find((o): o is Table => o.kind === 'table' && o.columns.includes('slideFilter'))!;
    for (const row of table.rows) {
      const [p, s, formula, hand, library] = row as number[];
      expect([formula, hand, library], `p = ${p}, s = ${s}`).toEqual(Array(3).fill(slideCase('sobelX', p, s).size));
    }
    expect(boldNumbers(markdown(report, 'Output sizes for the 7 × 7 image'))).toEqual([0]);
    const inexact = await run({ padding: 2, stride: 3, position: 0 });
    expect(markdown(inexact, 'With the controls above the filter')).toContain('= **3**, and the feature map is\n**3 × 3**. The division is not exact: the last 2 column(s)');
  });

  it('the Sobel maps are scipy\'s; a horizontal bar has a fraction of the square\'s |Gx|; noise lowers the edge-to-background ratio', async () => {
    for (const [shape, controls] of [['square', {}], ['horizontal bar', { edgeShape: 'horizontal bar' }]] as const) {
      const report = await run(controls);
      const [image, gx, gy] = heatmaps(figureTitled(report, `Edge filters on a ${shape}`));
      const ref = reference.edges[shape];
      expect(image).toEqual(ref.image);
      expect(maxGap(gx, ref.gx)).toBeLessThan(1e-12);
      expect(maxGap(gy, ref.gy)).toBeLessThan(1e-12);
      const [sumGx, sumGy] = boldNumbers(markdown(report, `On this ${shape}`));
      expect([sumGx, sumGy]).toEqual([ref.sumGx, ref.sumGy]);
    }
    expect(reference.edges['horizontal bar'].sumGx).toBeLessThan(reference.edges['horizontal bar'].sumGy / 4);
    const ratio = async (controls: Record<string, number | boolean>) => boldNumbers(markdown(await run(controls), 'On this square')).at(-1)!;
    const [low, high, blurred] = [await ratio({ edgeNoise: 0.1 }), await ratio({ edgeNoise: 0.3 }), await ratio({ edgeNoise: 0.3, smoothFirst: true })];
    expect(low).toBeGreaterThan(2 * high);
    // Blurring one-pixel strokes dims them as much as the noise: no better ratio, as the prose says.
    expect(blurred).toBeLessThanOrEqual(high * 1.05);
  });

  it('pooling matches numpy: a one-pixel shift right changes max pooling less than average pooling and much less than the maps; GAP not at all', async () => {
    for (const c of reference.pooling.filter((p) => p.shiftDown === 0 && p.shiftRight !== 2)) {
      const report = await run({ shiftRight: c.shiftRight, shiftDown: c.shiftDown, poolKind: c.poolKind });
      const [, pooledX, , pooledY] = heatmaps(figureTitled(report, `Pooling a cross shifted by (${c.shiftRight}, 0)`));
      expect(maxGap(pooledX, c.pooled[0])).toBeLessThan(1e-12);
      expect(maxGap(pooledY, c.pooled[1])).toBeLessThan(1e-12);
      const [maps, pooled, gap] = boldNumbers(markdown(report, 'Against the unshifted cross'));
      expect([maps, pooled, gap]).toEqual([c.mapChange, c.pooledChange, c.gapChange].map((v) => Math.round(100 * v)));
    }
    const [right, left] = [1, -1].map((r) => reference.pooling.find((p) => p.shiftRight === r && p.shiftDown === 0 && p.poolKind === 'max')!);
    expect(right.pooledChange).toBeLessThan(right.mapChange / 3);
    expect(left.pooledChange).toBeGreaterThan(2 * right.pooledChange);
    for (const p of reference.pooling) {
      expect(p.gapChange).toBe(0);
      if (p.poolKind === 'max') expect(p.pooledChange).toBeLessThan(reference.pooling.find((q) => q.poolKind === 'average' && q.shiftRight === p.shiftRight && q.shiftDown === p.shiftDown)!.pooledChange);
    }
  });

  it('the tiny CNN learns the shapes; its quoted numbers are consistent; its Conv2D layer is conv2d + bias + ReLU; the epoch stepper shows its filters changing', async () => {
    const report = await run();
    const [params, trainAccuracy, testAccuracy] = boldNumbers(markdown(report, 'weights: 40 in the convolution layer'));
    // 4 filters × (9 + 1) + (5 · 5 · 4 + 1) × 5 classes
    expect(params).toBe(4 * 10 + (100 + 1) * 5);
    expect(trainAccuracy).toBeGreaterThan(90);
    expect(testAccuracy).toBeGreaterThan(75);
    const accuracy = figureTitled(report, 'Accuracy per epoch');
    expect(Math.round(100 * (accuracy.data[1].y as number[]).at(-1)!)).toBe(testAccuracy);
    expect((accuracy.data[1].y as number[])[0]).toBeLessThan(0.5);
    const [wrong] = boldNumbers(markdown(report, 'test images wrong').split('At epoch 12')[1]);
    expect(wrong).toBe(100 - testAccuracy);
    const [handGap, layerGap] = boldNumbers(markdown(report, 'Largest |slideFilter − conv2d|'));
    expect(handGap).toBe(0);
    expect(layerGap).toBeLessThan(1e-5);
    expect(layerGap).toBeGreaterThan(0); // float32 against float64: exactly 0 would mean TF.js did not run

    const filtersAt = (r: RunReport, e: number) => heatmaps(figureTitled(r, `Filters, epoch ${e}`));
    const [start, end] = [filtersAt(await run({ epoch: 0 }), 0), filtersAt(report, 12)];
    expect(end).toHaveLength(4);
    expect(Math.max(...end.map((w, f) => maxGap(w, start[f] as number[][])))).toBeGreaterThan(0.05);
    const bars = figureTitled(report, 'Test image 0, epoch 12');
    expect((bars.data[0].y as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('on the page the CNN trains live: the untrained network draws first, every reader works on the record so far, the last drawing is the headless run\'s, a moved slider frees the stopped model and caches no partial run', { timeout: 300_000 }, async () => {
    const headless = await run();
    const page = streamNotebook('cnn');
    try {
      await page.runAll();
      await page.finished();
      const accuracy = page.figures('Accuracy per epoch');
      const epochsDrawn = accuracy.map((f) => (f.data[1].y as number[]).length - 1);
      // Epoch 0 first (before any training), then more epochs each drawing, ending at 12.
      expect(epochsDrawn[0]).toBe(0);
      expect(epochsDrawn.length).toBeGreaterThan(2);
      epochsDrawn.slice(1).forEach((e, i) => expect(e).toBeGreaterThanOrEqual(epochsDrawn[i]));
      expect(epochsDrawn.at(-1)).toBe(12);
      expect(accuracy.at(-1)!.data).toEqual(figureTitled(headless, 'Accuracy per epoch').data);
      // The stepper at epoch 12 shows the last epoch trained so far.
      expect(page.figures('Filters, epoch ').map((f) => titleOf(f))[0]).toBe('Filters, epoch 0');
      // The numbers quoted "after 12 epochs" appear only once training is over.
      const summaries = page.markdowns('weights: 40 in the convolution layer');
      expect(summaries.slice(0, -1).every((text) => text.includes('Training… epoch') && !text.includes('After 12 epochs'))).toBe(true);
      expect(summaries.at(-1)).toBe(markdown(headless, 'weights: 40 in the convolution layer'));
      expect(page.markdowns('Largest |slideFilter − conv2d|').at(-1)).toBe(markdown(headless, 'Largest |slideFilter − conv2d|'));
      const tensorsAtEnd = await page.tensors();

      // Two filters, stopped by a move back to four (a finished run, drawn from the cache) right
      // after its first drawing; two again: it trains from epoch 0 (the stopped run was not kept)
      // to the headless run's end, and the stopped model left no tensor behind.
      await page.set('nFilters', 2);
      await page.set('nFilters', 4);
      const before = page.figures('Accuracy per epoch').length;
      await page.set('nFilters', 2);
      await page.finished();
      const again = page.figures('Accuracy per epoch').slice(before).map((f) => f.data[1].y as number[]);
      expect(again[0]).toHaveLength(1);
      expect(again.at(-1)).toEqual(figureTitled(await run({ nFilters: 2 }), 'Accuracy per epoch').data[1].y);
      expect(page.errors).toEqual([]);
      expect(await page.tensors()).toBe(tensorsAtEnd);
    } finally {
      page.close();
    }
  });
});
