import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { conv2d, convFiltersOf, drawShapeImage, featureMapsOf, globalAveragePool, maxPool2d } from '../../src/ml/index.ts';

/** A tiny CNN on flat 8 × 8 rows: reshape → conv 3×3 (3 filters, ReLU) → max pool 2 → global average → dense 2. */
function tinyCnn(head: 'flatten' | 'global average') {
  const model = tf.sequential();
  model.add(tf.layers.reshape({ targetShape: [8, 8, 1], inputShape: [64] }));
  model.add(tf.layers.conv2d({ filters: 3, kernelSize: 3, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }), biasInitializer: tf.initializers.constant({ value: 0.05 }) }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(head === 'flatten' ? tf.layers.flatten() : tf.layers.globalAveragePooling2d({}));
  model.add(tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
  return model;
}

const maxDiff = (a: number[][], b: number[][]) => Math.max(...a.flatMap((row, i) => row.map((v, j) => Math.abs(v - b[i][j]))));

describe('featureMapsOf and convFiltersOf', () => {
  const models = [tinyCnn('flatten'), tinyCnn('global average')];
  afterAll(() => models.forEach((m) => m.dispose()));
  const image = drawShapeImage('cross', 8, { row: 4, col: 3, half: 2 });

  it('featureMapsOf gives each layer\'s output: the conv maps are conv2d + bias then ReLU with convFiltersOf\'s kernels, the pool maps maxPool2d of them', () => {
    const [model] = models;
    const layers = featureMapsOf(model, image);
    expect(layers.map((l) => l.className)).toEqual(['Reshape', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']);
    expect(layers.map((l) => l.shape)).toEqual([[8, 8, 1], [6, 6, 3], [3, 3, 3], [27], [2]]);
    expect(layers[0].maps).toEqual([image]);
    const { filters, biases } = convFiltersOf(model.layers[1]);
    expect(filters).toHaveLength(3);
    expect(filters[0]).toHaveLength(1);
    expect(biases).toEqual([0.05, 0.05, 0.05].map((v) => Math.fround(v)));
    filters.forEach(([kernel], f) => {
      const expected = conv2d(image, kernel).map((row) => row.map((v) => Math.max(0, v + biases[f])));
      expect(maxDiff(layers[1].maps[f], expected)).toBeLessThan(1e-6);
      expect(maxDiff(layers[2].maps[f], maxPool2d(layers[1].maps[f]))).toBe(0);
    });
    // Flatten is channel last: pixel (0, 0) of each map, then pixel (0, 1), …
    expect(layers[3].values.slice(0, 3)).toEqual(layers[2].maps.map((m) => m[0][0]));
    expect(layers[4].maps).toEqual([]);
    expect(layers[4].values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('featureMapsOf through global average pooling gives one mean per map, and frees every tensor it made', () => {
    const model = models[1];
    const before = tf.memory().numTensors;
    const layers = featureMapsOf(model, image);
    expect(tf.memory().numTensors).toBe(before);
    const pooled = layers.find((l) => l.className === 'GlobalAveragePooling2D')!;
    const means = globalAveragePool(layers.find((l) => l.className === 'MaxPooling2D')!.maps);
    pooled.values.forEach((v, c) => expect(v).toBeCloseTo(means[c], 6));
  });

  it('featureMapsOf and convFiltersOf say what was wrong', () => {
    expect(() => featureMapsOf(models[0], [[1, 2], [3, 4]])).toThrow("featureMapsOf: the image has 4 pixels but the model's input [64] holds 64");
    expect(() => convFiltersOf(models[0].layers[2])).toThrow('convFiltersOf: expected a Conv2D layer, got MaxPooling2D');
  });
});
