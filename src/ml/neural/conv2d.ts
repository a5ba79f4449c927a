import { fail } from '../core/validate.ts';
/**
 * 2-D convolution as deep-learning libraries define it (cross-correlation: the kernel is not
 * flipped), on plain number[][] so a notebook can show the filter sliding, window by window.
 */

type Grid = readonly (readonly number[])[];

/** Zero padding: a number of rows/columns on every side, [rows, cols], or a named mode. */
export type Padding = number | readonly [number, number] | 'valid' | 'same' | 'full';

export interface ConvOptions {
  /** 'valid' (none, the default), 'same' (output size = ceil(input / stride), as TensorFlow), 'full' (k − 1 on each side), or a count. */
  padding?: Padding;
  /** Step between windows: one number, or [rows, cols]. Default 1. */
  stride?: number | readonly [number, number];
}

/** One position of the kernel over the (padded) image. */
export interface ConvStep {
  /** Output cell this window produces. */
  outRow: number;
  outCol: number;
  /** Top-left corner of the window in the padded image (row 0 = first padding row). */
  top: number;
  left: number;
  /** The kernel-sized patch of the padded image under the kernel. */
  window: number[][];
  /** Σ window ⊙ kernel: the output value. */
  value: number;
}

function checkGrid(M: Grid, name: string, where: string): void {
  if (!Array.isArray(M) || M.length === 0 || !Array.isArray(M[0]) || M[0].length === 0) {
    fail(where, `${name} must be a non-empty 2-D array (rows of numbers)`);
  }
  M.forEach((row, i) => {
    if (row.length !== M[0].length) fail(where, `${name} row ${i} has ${row.length} values, expected ${M[0].length}`);
  });
}

function pair(v: number | readonly [number, number]): [number, number] {
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

/** [before, after] zero padding along one axis of length n for a kernel of size k. */
function padAxis(mode: Padding, axis: 0 | 1, n: number, k: number, stride: number): [number, number] {
  if (mode === 'valid') return [0, 0];
  if (mode === 'full') return [k - 1, k - 1];
  if (mode === 'same') {
    // TensorFlow: pad just enough for ceil(n / stride) outputs; an odd total puts the extra row after.
    const total = Math.max((Math.ceil(n / stride) - 1) * stride + k - n, 0);
    return [Math.floor(total / 2), total - Math.floor(total / 2)];
  }
  const p = pair(mode)[axis];
  return [p, p];
}

/** The kernel sliding over the zero-padded image, one window per step, row by row. */
export function* convSteps(image: Grid, kernel: Grid, options: ConvOptions = {}): Generator<ConvStep> {
  const where = 'conv2d';
  checkGrid(image, 'image', where);
  checkGrid(kernel, 'kernel', where);
  const [sr, sc] = pair(options.stride ?? 1);
  if (![sr, sc].every((s) => Number.isInteger(s) && s >= 1)) fail(where, `stride must be a whole number ≥ 1, got ${JSON.stringify(options.stride)}`);
  const padding = options.padding ?? 'valid';
  if (typeof padding !== 'string' && !pair(padding).every((p) => Number.isInteger(p) && p >= 0)) {
    fail(where, `padding must be 'valid', 'same', 'full' or a whole number ≥ 0, got ${JSON.stringify(padding)}`);
  }
  const H = image.length, W = image[0].length, kh = kernel.length, kw = kernel[0].length;
  const [padTop, padBottom] = padAxis(padding, 0, H, kh, sr);
  const [padLeft, padRight] = padAxis(padding, 1, W, kw, sc);
  const outH = Math.floor((H + padTop + padBottom - kh) / sr) + 1;
  const outW = Math.floor((W + padLeft + padRight - kw) / sc) + 1;
  if (outH < 1 || outW < 1) fail(where, `the ${kh}×${kw} kernel is larger than the padded ${H}×${W} image; add padding or use a smaller kernel`);
  // Pixel (r, c) of the padded image, zero outside the original.
  const at = (r: number, c: number) => {
    const i = r - padTop, j = c - padLeft;
    return i >= 0 && i < H && j >= 0 && j < W ? image[i][j] : 0;
  };
  for (let outRow = 0; outRow < outH; outRow++) {
    for (let outCol = 0; outCol < outW; outCol++) {
      const top = outRow * sr, left = outCol * sc;
      const window = kernel.map((krow, a) => krow.map((_, b) => at(top + a, left + b)));
      // out[i][j] = Σₐ Σᵦ in[i·s + a][j·s + b] · k[a][b]
      let value = 0;
      for (let a = 0; a < kh; a++) for (let b = 0; b < kw; b++) value += window[a][b] * kernel[a][b];
      yield { outRow, outCol, top, left, window, value };
    }
  }
}

/**
 * Slides `kernel` over `image` and returns the feature map: out[i][j] = Σ in[i·s + a][j·s + b]·k[a][b]
 * (over the zero-padded image). Same as scipy.signal.correlate2d for stride 1.
 */
export function conv2d(image: Grid, kernel: Grid, options: ConvOptions = {}): number[][] {
  const out: number[][] = [];
  for (const step of convSteps(image, kernel, options)) {
    (out[step.outRow] ??= []).push(step.value);
  }
  return out;
}
