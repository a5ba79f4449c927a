/**
 * What a TF.js CNN computes inside, layer by layer, as plain arrays a notebook can draw: the
 * feature maps of one image, and the filters a convolution layer learned.
 */
import * as tf from '@tensorflow/tfjs';
import { fail } from '../core/validate.ts';

type Grid = readonly (readonly number[])[];

/** One layer's output for one image. */
export interface LayerOutput {
  /** The layer's name in the model, e.g. 'conv2d_Conv2D1'. */
  name: string;
  /** Its kind, e.g. 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense'. */
  className: string;
  /** The output's shape without the batch axis, e.g. [10, 10, 4]. */
  shape: number[];
  /** Spatial output (height × width × channels): one map per channel, maps[c][row][col]; else empty. */
  maps: number[][][];
  /** Flat output (Flatten, Dense, global pooling): its values; else empty. */
  values: number[];
}

/** Throws unless the model is a chain of layers (a tf.sequential), which is what it walks. */
function checkChain(model: tf.LayersModel, where: string): void {
  model.layers.forEach((layer, i) => {
    if (i === 0) return;
    const from = layer.inboundNodes[0]?.inboundLayers ?? [];
    if (from.length !== 1 || from[0] !== model.layers[i - 1]) {
      fail(where, `layer ${i} (${layer.name}) does not read layer ${i - 1}; only a chain of layers (tf.sequential) is supported`);
    }
  });
}

/**
 * Runs one image through `model` and returns every layer's output (its feature maps), in layer
 * order. The image is a height × width grid of pixels; it is reshaped to the model's input
 * shape, so a model that takes flat rows (a Reshape layer first) and one that takes
 * [height, width, 1] both work. Every tensor made here is freed.
 * @example featureMapsOf(model, images[0]).find((l) => l.className === 'Conv2D')!.maps // one map per filter
 */
export function featureMapsOf(model: tf.LayersModel, image: Grid): LayerOutput[] {
  const where = 'featureMapsOf';
  checkChain(model, where);
  const pixels = image.flat();
  const inputShape = model.inputs[0].shape.slice(1) as number[];
  const expected = inputShape.reduce((a, b) => a * b, 1);
  if (pixels.length !== expected) {
    fail(where, `the image has ${pixels.length} pixels but the model's input [${inputShape.join(', ')}] holds ${expected}`);
  }
  return tf.tidy(() => {
    let x: tf.Tensor = tf.tensor(pixels, [1, ...inputShape]);
    return model.layers.map((layer) => {
      // Inference mode: dropout off, batch norm with its moving averages.
      x = layer.apply(x, { training: false }) as tf.Tensor;
      const shape = x.shape.slice(1);
      const out = x.arraySync() as unknown[];
      const base = { name: layer.name, className: layer.getClassName(), shape };
      if (shape.length !== 3) return { ...base, maps: [], values: (out[0] as number[][]).flat(Infinity) as number[] };
      // [1, H, W, C] → C maps of H × W: channel last in TF.js, channel first for drawing.
      const hwc = out[0] as number[][][];
      const maps = Array.from({ length: shape[2] }, (_, c) => hwc.map((row) => row.map((pixel) => pixel[c])));
      return { ...base, maps, values: [] };
    });
  });
}

/** A Conv2D layer's learned filters: filters[f][inputChannel] is a kernel-sized grid, and biases[f]. */
export interface ConvFilters {
  filters: number[][][][];
  biases: number[];
}

/**
 * The kernels a Conv2D layer has learned, rearranged from TF.js' [kh, kw, in, out] to one grid per
 * filter and input channel, ready for conv2d or a heatmap.
 */
export function convFiltersOf(layer: tf.layers.Layer): ConvFilters {
  if (layer.getClassName() !== 'Conv2D') fail('convFiltersOf', `expected a Conv2D layer, got ${layer.getClassName()} (${layer.name})`);
  const [kernel, bias] = layer.getWeights();
  const k = kernel.arraySync() as number[][][][];
  const [kh, kw, nIn, nOut] = kernel.shape;
  const filters = Array.from({ length: nOut }, (_, f) => Array.from({ length: nIn }, (_, c) =>
    Array.from({ length: kh }, (_, a) => Array.from({ length: kw }, (_, b) => k[a][b][c][f]))));
  const biases = bias ? (bias.arraySync() as number[]) : new Array<number>(nOut).fill(0);
  return { filters, biases };
}
