import { describe, expect, it } from 'vitest';
import { drawShapeImage, makeShapeImages, SHAPE_IMAGE_CLASSES } from '../../src/ml/index.ts';

/** [row, col] of every pixel brighter than `threshold`. */
const lit = (image: number[][], threshold = 0.5) =>
  image.flatMap((row, r) => row.flatMap((v, c) => (v > threshold ? [[r, c]] : [])));

describe('makeShapeImages', () => {
  it('makeShapeImages is deterministic per seed and differs between seeds', () => {
    const a = makeShapeImages({ nSamples: 30, seed: 7 });
    expect(makeShapeImages({ nSamples: 30, seed: 7 })).toEqual(a);
    expect(makeShapeImages({ nSamples: 30, seed: 8 }).images).not.toEqual(a.images);
  });

  it('makeShapeImages gives balanced labels, size × size images in [0, 1] and the class names in label order', () => {
    const { images, labels, classNames } = makeShapeImages({ nSamples: 103, size: 16, seed: 1 });
    expect(classNames).toEqual(['horizontal bar', 'vertical bar', 'cross', 'square', 'circle']);
    expect(classNames.map((_, k) => labels.filter((y) => y === k).length)).toEqual([21, 21, 21, 20, 20]);
    expect(images).toHaveLength(103);
    expect(images.every((image) => image.length === 16 && image.every((row) => row.length === 16))).toBe(true);
    expect(images.flat(2).every((v) => v >= 0 && v <= 1)).toBe(true);
    // Shuffled: the labels are not in the round-robin order 0, 1, 2, 3, 4, 0, …
    expect(labels.slice(0, 10)).not.toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
  });

  it('makeShapeImages draws each shape where its name says, inside the image with a margin', () => {
    const { images, labels, classNames } = makeShapeImages({ nSamples: 120, classes: SHAPE_IMAGE_CLASSES, noise: 0, seed: 2 });
    images.forEach((image, i) => {
      const pixels = lit(image);
      const rows = new Set(pixels.map(([r]) => r)), cols = new Set(pixels.map(([, c]) => c));
      expect(pixels.length).toBeGreaterThanOrEqual(5);
      // A pixel of margin on every side, so a 3×3 filter sees the whole shape.
      for (const [r, c] of pixels) expect(Math.min(r, c, 11 - r, 11 - c)).toBeGreaterThanOrEqual(1);
      switch (classNames[labels[i]]) {
        case 'horizontal bar': expect(rows.size).toBe(1); expect(cols.size).toBe(pixels.length); break;
        case 'vertical bar': expect(cols.size).toBe(1); expect(rows.size).toBe(pixels.length); break;
        case 'cross': expect(rows.size).toBe(cols.size); expect(pixels.length).toBe(2 * rows.size - 1); break;
        case 'square': expect(pixels.length).toBe(4 * (rows.size - 1)); break;
        case 'diagonal': for (const [r, c] of pixels) expect(r - c).toBe(pixels[0][0] - pixels[0][1]); break;
        case 'circle': {
          // The ring's centre pixel is dark and the ring is symmetric: as many rows lit as columns.
          const mid = (a: Set<number>) => (Math.min(...a) + Math.max(...a)) / 2;
          expect(image[mid(rows)][mid(cols)]).toBe(0);
          expect(rows.size).toBe(cols.size);
          break;
        }
      }
    });
  });

  it('makeShapeImages adds clipped Gaussian pixel noise of the requested spread and keeps the shapes', () => {
    const clean = makeShapeImages({ nSamples: 50, noise: 0, seed: 4 });
    const noisy = makeShapeImages({ nSamples: 50, noise: 0.05, seed: 4 });
    expect(noisy.labels).toEqual(clean.labels);
    // On the black background the noise is clipped at 0: half the pixels stay 0 and the others
    // are half-normal, with mean σ·√(2/π).
    const background: number[] = [];
    noisy.images.forEach((image, i) => image.forEach((row, r) => row.forEach((v, c) => {
      if (clean.images[i][r][c] === 0) background.push(v);
    })));
    const up = background.filter((v) => v > 0);
    expect(up.length / background.length).toBeCloseTo(0.5, 1);
    // About 3 700 pixels: the sample mean's standard error is ≈ 0.0005, so 0.002 is four of them.
    expect(Math.abs(up.reduce((a, b) => a + b, 0) / up.length - 0.05 * Math.sqrt(2 / Math.PI))).toBeLessThan(0.002);
    // The strokes are where they were: full-ink pixels (≥ 0.7) stay bright, the background stays dark.
    const pairs = noisy.images.flatMap((image, i) => image.flatMap((row, r) => row.map((v, c) => [clean.images[i][r][c], v])));
    expect(pairs.filter(([before]) => before >= 0.7).every(([, after]) => after > 0.45)).toBe(true);
    expect(pairs.filter(([before]) => before === 0).every(([, after]) => after < 0.45)).toBe(true);
  });

  it('makeShapeImages without jitter centres every shape at one size', () => {
    const { images, labels } = makeShapeImages({ nSamples: 10, noise: 0, jitter: false, shuffle: false });
    expect(labels).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
    expect(images[5]).toEqual(images[0]);
    expect(images[2]).toEqual(drawShapeImage('cross', 12, { row: 6, col: 6, half: 3 }));
  });

  it('makeShapeImages rejects bad options with a message that names them', () => {
    expect(() => makeShapeImages({ size: 5 })).toThrow('makeShapeImages: size must be an integer ≥ 8, got 5');
    expect(() => makeShapeImages({ nSamples: 3 })).toThrow('makeShapeImages: nSamples must be an integer ≥ 5');
    expect(() => makeShapeImages({ classes: ['cross', 'cross'] })).toThrow('makeShapeImages: classes lists a shape twice');
    expect(() => makeShapeImages({ classes: ['star' as 'cross'] })).toThrow("each of classes must be one of 'horizontal bar'");
    expect(() => makeShapeImages({ noise: -1 })).toThrow('makeShapeImages: noise must be a number ≥ 0');
  });
});
