import { fail } from '../core/validate.ts';
type Grid = readonly (readonly number[])[];

export interface PoolOptions {
  /** Window size (square), default 2. */
  size?: number;
  /** Step between windows, default = size (non-overlapping windows). */
  stride?: number;
}

function pool(image: Grid, options: PoolOptions, where: string, reduce: (values: number[]) => number): number[][] {
  const size = options.size ?? 2;
  const stride = options.stride ?? size;
  for (const [name, v] of [['size', size], ['stride', stride]] as const) {
    if (!Number.isInteger(v) || v < 1) fail(where, `${name} must be a whole number ≥ 1, got ${v}`);
  }
  if (!Array.isArray(image) || image.length === 0 || !Array.isArray(image[0])) fail(where, `image must be a non-empty 2-D array`);
  const H = image.length, W = image[0].length;
  if (size > H || size > W) fail(where, `the ${size}×${size} window is larger than the ${H}×${W} image`);
  // Windows that would run off the edge are dropped ('valid' pooling, as Keras' default).
  const outH = Math.floor((H - size) / stride) + 1, outW = Math.floor((W - size) / stride) + 1;
  return Array.from({ length: outH }, (_, i) => Array.from({ length: outW }, (_, j) => {
    const values: number[] = [];
    for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) values.push(image[i * stride + a][j * stride + b]);
    return reduce(values);
  }));
}

/** Max pooling: each window is replaced by its largest value (keeps "is the feature anywhere here?"). */
export function maxPool2d(image: Grid, options: PoolOptions = {}): number[][] {
  return pool(image, options, 'maxPool2d', (v) => Math.max(...v));
}

/** Average pooling: each window is replaced by its mean. */
export function avgPool2d(image: Grid, options: PoolOptions = {}): number[][] {
  return pool(image, options, 'avgPool2d', (v) => v.reduce((a, b) => a + b, 0) / v.length);
}

/**
 * Global average pooling: the mean of a whole feature map (one number), or of each map in a list
 * of channels (one number per channel), which is how a CNN turns maps into a feature vector.
 */
export function globalAveragePool(maps: Grid): number;
/** Global average pooling of each channel: one mean per feature map. */
export function globalAveragePool(maps: readonly Grid[]): number[];
export function globalAveragePool(maps: Grid | readonly Grid[]): number | number[] {
  if (!Array.isArray(maps) || maps.length === 0) fail('globalAveragePool', 'expected a feature map (2-D) or a list of maps (3-D)');
  const mean = (m: Grid) => {
    let s = 0, n = 0;
    for (const row of m) for (const v of row) { s += v; n++; }
    return s / n;
  };
  return Array.isArray(maps[0][0]) ? (maps as readonly Grid[]).map(mean) : mean(maps as Grid);
}
