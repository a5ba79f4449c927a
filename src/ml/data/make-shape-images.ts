import { assertUnreachable, checkOneOf, checkPositiveInt, fail } from '../core/validate.ts';
import { toRandom, type Random } from '../core/random.ts';
import { checkNoise, checkSamples } from './dataset.ts';

/** The shapes makeShapeImages can draw; each one is a class. */
export const SHAPE_IMAGE_CLASSES = ['horizontal bar', 'vertical bar', 'cross', 'square', 'circle', 'diagonal'] as const;
export type ShapeImageClass = (typeof SHAPE_IMAGE_CLASSES)[number];

export interface MakeShapeImagesOptions {
  /** Number of images in all; the classes get equal shares (sizes differ by at most one). */
  nSamples: number;
  /** Side of the square image in pixels (at least 8). */
  size: number;
  /** Which shapes to draw, in label order: label k is classes[k]. Default: the first five (no diagonal). */
  classes: readonly ShapeImageClass[];
  /** Standard deviation of the Gaussian noise added to every pixel (values are then clipped to [0, 1]). */
  noise: number;
  /** Whether shapes move and change size from image to image (false: every shape centred, mid-sized). */
  jitter: boolean;
  shuffle: boolean;
  seed: number;
}

/** Labelled grayscale images: images[i][row][col] in [0, 1] (0 = black background), labels[i] indexes classNames. */
export interface ShapeImages {
  images: number[][][];
  labels: number[];
  classNames: ShapeImageClass[];
}

const DEFAULTS: MakeShapeImagesOptions = {
  nSamples: 200, size: 12, classes: SHAPE_IMAGE_CLASSES.slice(0, 5), noise: 0.1, jitter: true, shuffle: true, seed: 0,
};

/** Where and how large one shape is: its centre (row, col) and half its extent, in pixels. */
export interface ShapePlacement {
  row: number;
  col: number;
  half: number;
  /** Stroke brightness before noise, default 1. */
  ink?: number;
}

/** Brightens pixel (r, c) to at least v; the max keeps crossing strokes from adding up above 1. */
function paint(image: number[][], r: number, c: number, v: number): void {
  if (r >= 0 && r < image.length && c >= 0 && c < image.length) image[r][c] = Math.max(image[r][c], v);
}

/** A random centre and half-size that keep the whole shape inside the image with one pixel of margin. */
function place(size: number, jitter: boolean, random: Random): ShapePlacement {
  const middle = (size - 1) / 2;
  const minHalf = Math.max(2, Math.round(size / 5)), maxHalf = Math.floor((size - 3) / 2);
  if (!jitter) return { row: Math.round(middle), col: Math.round(middle), half: Math.round((minHalf + maxHalf) / 2), ink: 1 };
  const half = minHalf + random.int(maxHalf - minHalf + 1);
  // The centre can sit anywhere from half + 1 to size − 2 − half on each axis.
  const centre = () => half + 1 + random.int(size - 2 - 2 * half);
  return { row: centre(), col: centre(), half, ink: random.uniform(0.7, 1) };
}

/** Draws one shape, without noise, on a black size × size image (e.g. a clean square to filter). */
export function drawShapeImage(shape: ShapeImageClass, size: number, p: ShapePlacement): number[][] {
  const image = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const { row, col, half } = p;
  const ink = p.ink ?? 1;
  switch (shape) {
    case 'horizontal bar':
      for (let c = col - half; c <= col + half; c++) paint(image, row, c, ink);
      break;
    case 'vertical bar':
      for (let r = row - half; r <= row + half; r++) paint(image, r, col, ink);
      break;
    case 'cross':
      for (let d = -half; d <= half; d++) {
        paint(image, row, col + d, ink);
        paint(image, row + d, col, ink);
      }
      break;
    case 'square':
      // The outline only: four corners, so it differs from the circle in its edges, not its area.
      for (let d = -half; d <= half; d++) {
        paint(image, row - half, col + d, ink);
        paint(image, row + half, col + d, ink);
        paint(image, row + d, col - half, ink);
        paint(image, row + d, col + half, ink);
      }
      break;
    case 'circle':
      // A ring of radius `half`, anti-aliased: brightness falls off linearly with the distance from it.
      for (let r = row - half - 1; r <= row + half + 1; r++) {
        for (let c = col - half - 1; c <= col + half + 1; c++) {
          const offRing = Math.abs(Math.hypot(r - row, c - col) - half);
          if (offRing < 1) paint(image, r, c, ink * (1 - offRing));
        }
      }
      break;
    case 'diagonal':
      for (let d = -half; d <= half; d++) paint(image, row + d, col + d, ink);
      break;
    default:
      assertUnreachable(shape);
  }
  return image;
}

/**
 * Small labelled grayscale images of simple shapes (bars, a cross, square and circle outlines, a
 * diagonal), drawn procedurally with random position, size and brightness plus pixel noise: a data
 * set a tiny CNN learns in seconds. Deterministic per seed.
 *
 * @example
 * const { images, labels, classNames } = makeShapeImages({ nSamples: 300, size: 12, seed: 1 });
 * // images[0] is a 12×12 number[][]; classNames[labels[0]] says what it shows.
 * // For a dense model or an autoencoder, flatten: images.map((im) => im.flat()).
 */
export function makeShapeImages(options: Partial<MakeShapeImagesOptions> = {}): ShapeImages {
  const where = 'makeShapeImages';
  const o = { ...DEFAULTS, ...options };
  if (!Array.isArray(o.classes) || o.classes.length < 1) fail(where, 'classes must list at least one shape');
  for (const c of o.classes) checkOneOf(c, SHAPE_IMAGE_CLASSES, where, 'each of classes');
  if (new Set(o.classes).size !== o.classes.length) fail(where, `classes lists a shape twice: ${o.classes.join(', ')}`);
  checkSamples(o.nSamples, where, o.classes.length);
  checkPositiveInt(o.size, where, 'size', 8);
  checkNoise(o.noise, where);
  const random = toRandom(o.seed);
  // Noise draws from its own stream, so changing `noise` keeps the same shapes in the same places.
  const noiseRandom = random.fork();
  const k = o.classes.length;
  // Label i mod k before shuffling gives every class ⌊n/k⌋ or ⌈n/k⌉ images.
  const order = o.shuffle ? random.permutation(o.nSamples) : Array.from({ length: o.nSamples }, (_, i) => i);
  const labels = order.map((i) => i % k);
  const images = labels.map((label) => {
    const image = drawShapeImage(o.classes[label], o.size, place(o.size, o.jitter, random));
    if (o.noise === 0) return image;
    return image.map((row) => row.map((v) => Math.min(1, Math.max(0, v + noiseRandom.normal(0, o.noise)))));
  });
  return { images, labels, classNames: [...o.classes] };
}
