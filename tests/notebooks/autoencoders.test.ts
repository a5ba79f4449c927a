import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/plot/figure.ts';
import { boldNumbers, control, figureTitled, markdown, notebookRunner, traceNamed } from './report-queries.ts';
import { streamNotebook } from './streamed-run.ts';

const run = notebookRunner('autoencoders');

/** scikit-learn's PCA on the notebook's 144 pictures, rebuilt in Python (fixtures/make_autoencoders.py). */
const sklearn = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/autoencoders.json'), 'utf8')) as {
  n: number; pcaError: number[]; explainedVarianceRatio: number[];
};

const ys = (trace: Trace) => trace.y as number[];
/** The pixel values of an image-grid figure (its one heatmap), gaps left out. */
const pixels = (z: unknown) => (z as (number | null)[][]).flat().filter((v): v is number => v !== null);

/** Every section moved: width 8 at epoch 0, the linear autoencoder at k = 2, PCA's plane pointed into, clean test pictures. */
const moved = { width: 8, epoch: 0, linearWidth: 2, latentSpace: 'PCA', latentPoint: [1.5, -1], testNoise: 0 };

// Four small TF.js trainings at the defaults and three more for the moved controls (width retrains
// the plain and the denoising autoencoder, linearWidth the linear one): several seconds of CPU.
describe('notebooks/autoencoders.md', { timeout: 300_000 }, () => {
  it('at the defaults: PCA errors are scikit-learn\'s, the autoencoder trains live and beats PCA at k = 4, the linear one finds PCA\'s subspace, the denoiser beats the plain one on noise', async () => {
    const report = await run();
    expect(control(report, 'width').value).toBe(4);

    // The PCA curve, k = 0..16, is scikit-learn's to 1e-9 on the same pixels.
    const pcaCurve = ys(traceNamed(figureTitled(report, 'Reconstruction error against bottleneck width'), 'PCA (linear)'));
    expect(pcaCurve).toHaveLength(17);
    pcaCurve.forEach((e, k) => expect(e, `k = ${k}`).toBeCloseTo(sklearn.pcaError[k], 9));

    // Training lowers the loss, and the prose quotes the curve's numbers.
    const losses = ys(traceNamed(figureTitled(report, 'Training loss, k = 4'), 'autoencoder training loss'));
    expect(losses).toHaveLength(25);
    expect(losses.at(-1)!).toBeLessThan(0.6 * losses[0]);
    const [aeError, pcaError, meanError] = boldNumbers(markdown(report, 'rebuilds the 144 pictures'));
    expect(pcaError).toBeCloseTo(sklearn.pcaError[4], 4);
    expect(meanError).toBeCloseTo(sklearn.pcaError[0], 4);
    expect(aeError).toBeLessThan(0.8 * pcaError);
    const [half] = boldNumbers(markdown(report, 'components to halve the error'));
    expect(half).toBe(sklearn.pcaError.findIndex((e) => e <= sklearn.pcaError[0] / 2));

    // The grid: originals, autoencoder and PCA rows of eight pictures each.
    const grid = figureTitled(report, 'Pictures through a bottleneck of width 4').data[0];
    expect(pixels(grid.z).length).toBe(3 * 8 * 100);

    // Linear autoencoder at k = 3 (λ₃ > λ₄): every principal angle to PCA's subspace under 4°, error within 1 % above PCA's.
    const linear = boldNumbers(markdown(report, 'the angles are'));
    const [start, a1, a2, a3, linearError, pcaThree] = linear;
    expect(start).toBeGreaterThan(60);
    for (const a of [a1, a2, a3]) expect(a).toBeLessThan(4);
    expect(pcaThree).toBeCloseTo(sklearn.pcaError[3], 4);
    expect(linearError).toBeGreaterThanOrEqual(pcaThree);
    expect(linearError).toBeLessThan(1.01 * sklearn.pcaError[3]);
    const angles = figureTitled(report, "Angles between the linear autoencoder's subspace and PCA's (k = 3)");
    expect(angles.data).toHaveLength(3);

    // The 2-D latent space: 144 codes in three shapes, a picture decoded at the handle.
    const codes = figureTitled(report, 'Codes of the 144 pictures: autoencoder');
    expect(codes.data.reduce((s, t) => s + (t.x as number[]).length, 0)).toBe(sklearn.n);
    expect(pixels(figureTitled(report, 'Decoded at z = (0.00, 0.00)').data[0].z)).toHaveLength(200);

    // Denoising at σ = 0.3: the denoising autoencoder is far closer to the clean pictures than the plain one.
    const [noisy, plain, denoising, plainClean, denoisingClean] = boldNumbers(markdown(report, 'the noisy pictures are'));
    expect(noisy).toBeGreaterThan(0.03);
    expect(denoising).toBeLessThan(0.7 * plain);
    expect(plainClean).toBeLessThan(denoisingClean); // the price on clean inputs
    const curve = figureTitled(report, 'Error against the clean pictures');
    expect(ys(traceNamed(curve, 'plain autoencoder'))[6]).toBeCloseTo(plain, 4); // σ = 0.3 is the 7th level

    // The decoder written out agrees with the library to float32 rounding (not exactly: TF.js really ran).
    const [gap] = boldNumbers(markdown(report, 'Largest gap between `decodeByHand`'));
    expect(gap).toBeLessThan(1e-4);
    expect(gap).toBeGreaterThan(0);
  });

  it('moved: epoch 0 shows the untrained decoder, k = 2 leaves a linear angle large at PCA\'s error (λ₂ = λ₃), PCA\'s plane decodes the handle, wider k cleans better', async () => {
    const report = await run(moved);
    // Epoch 0: a fresh sigmoid decoder draws grey, nothing like the 0/1 pictures.
    const grid = figureTitled(report, 'Pictures through a bottleneck of width 8').data[0];
    const z = grid.z as (number | null)[][];
    const middleRow = z[11 + 4].filter((v): v is number => v !== null); // 5th pixel row of the autoencoder tiles
    middleRow.forEach((v) => { expect(v).toBeGreaterThan(0.2); expect(v).toBeLessThan(0.8); });

    // Degenerate pair: same error as PCA, but the planes differ.
    const [, a1, a2, linearError, pcaTwo, lambda2, lambda3] = boldNumbers(markdown(report, 'the angles are'))
      .concat(...[...markdown(report, 'the angles are').matchAll(/= (\d\.\d+)\$/g)].map((m) => Number(m[1])));
    expect(pcaTwo).toBeCloseTo(sklearn.pcaError[2], 4);
    expect(linearError).toBeLessThan(1.01 * sklearn.pcaError[2]);
    expect(Math.max(a1, a2)).toBeGreaterThan(20);
    expect(lambda2).toBeCloseTo(lambda3, 3);
    expect(sklearn.explainedVarianceRatio[1]).toBeCloseTo(sklearn.explainedVarianceRatio[2], 6);

    // PCA's plane: the handle's title moves; the decoded picture is a linear blend (values outside [0, 1] are possible).
    expect(figureTitled(report, 'Codes of the 144 pictures: PCA')).toBeDefined();
    expect(figureTitled(report, 'Decoded at z = (1.50, -1.00)')).toBeDefined();

    // σ = 0: the plain autoencoder wins on clean inputs, and at k = 8 the denoiser cleans from a lower σ on.
    const [noisy, plain, denoising] = boldNumbers(markdown(report, 'the noisy pictures are'));
    expect(noisy).toBe(0);
    expect(plain).toBeLessThan(denoising);
    expect(markdown(report, 'the noisy pictures are')).toMatch(/closer to the clean pictures than its input was for σ ≥ 0\.[1-3]/);
  });

  it('ticked: the eight widths give eight points, k = 4 lands on the dot trained above (same seed), and the prose quotes k = 2\'s', async () => {
    const report = await run({ trainEveryWidth: true });
    const curve = figureTitled(report, 'Reconstruction error against bottleneck width');
    const sweep = traceNamed(curve, 'autoencoder');
    expect(sweep.x).toEqual([1, 2, 3, 4, 6, 8, 12, 16]);
    const dot = ys(traceNamed(curve, 'autoencoder, k = 4 (trained above)'))[0];
    expect(ys(sweep)[3]).toBe(dot);
    const [, atTwo] = boldNumbers(markdown(report, 'components to halve the error'));
    expect(atTwo).toBe(Number(ys(sweep)[1].toFixed(4)));
    expect(ys(sweep)[0]).toBeGreaterThan(ys(sweep)[7]);
  });

  it('on the page it trains live: the grid and the loss curve draw the untrained network first and grow epoch by epoch to the headless run\'s end; the width sweep grows point by point; no tensor is left behind', async () => {
    const headless = await run();
    const ticked = await run({ trainEveryWidth: true });
    const page = streamNotebook('autoencoders');
    try {
      await page.runAll();
      await page.finished();
      const losses = page.figures('Training loss, k = 4').map((f) => ys(traceNamed(f, 'autoencoder training loss')));
      expect(losses[0]).toEqual([]); // epoch 0: nothing trained yet
      expect(losses.length).toBeGreaterThan(2);
      losses.slice(1).forEach((l, i) => expect(l.length).toBeGreaterThanOrEqual(losses[i].length));
      expect(losses.at(-1)).toEqual(ys(traceNamed(figureTitled(headless, 'Training loss, k = 4'), 'autoencoder training loss')));
      // The grid shows the epoch trained so far; the numbers quoted after training come at the end.
      expect(page.figures('Pictures through a bottleneck of width 4').at(-1)!.data).toEqual(figureTitled(headless, 'Pictures through a bottleneck of width 4').data);
      const summaries = page.markdowns('Predicting the mean picture');
      expect(summaries[0]).toContain('Training $k = 4$… epoch 0 of 25');
      expect(summaries.at(-1)).toBe(markdown(headless, 'rebuilds the 144 pictures'));
      for (const phrase of ['the angles are', 'the noisy pictures are', 'Largest gap between `decodeByHand`']) {
        expect(page.markdowns(phrase).at(-1), phrase).toBe(markdown(headless, phrase));
      }
      const tensorsAtEnd = await page.tensors();

      const before = page.figures('Reconstruction error against bottleneck width').length;
      await page.set('trainEveryWidth', true);
      await page.finished();
      const curves = page.figures('Reconstruction error against bottleneck width').slice(before);
      const points = curves.map((f) => (f.data.find((t) => t.name === 'autoencoder')?.x as number[] | undefined)?.length ?? 0);
      expect(points[0]).toBe(0); // the first drawing comes while k = 1 trains: its open circle only
      expect(curves[0].data.some((t) => String(t.name).startsWith('k = 1, epoch'))).toBe(true);
      points.slice(1).forEach((n, i) => expect(n).toBeGreaterThanOrEqual(points[i]));
      expect(new Set(points).size).toBe(9); // 0, 1, …, 8 finished widths, each drawn
      expect(curves.at(-1)!.data).toEqual(figureTitled(ticked, 'Reconstruction error against bottleneck width').data);
      expect(page.markdowns('components to halve the error').at(-1)).toBe(markdown(ticked, 'components to halve the error'));
      expect(page.errors).toEqual([]);
      expect(await page.tensors()).toBe(tensorsAtEnd);
    } finally {
      page.close();
    }
  });
});
