import { describe, expect, it } from 'vitest';
import { avgPool2d, conv2d, convSteps, globalAveragePool, kernels, maxPool2d, type Padding } from '../../src/ml/index.ts';
import fixture from './fixtures/conv2d.json';

function maxAbsDiff(a: number[][], b: number[][]): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  a.forEach((row, i) => {
    expect(row.length).toBe(b[i].length);
    row.forEach((v, j) => { worst = Math.max(worst, Math.abs(v - b[i][j])); });
  });
  return worst;
}

describe('conv2d', () => {
  for (const c of fixture.cases) {
    it(`conv2d matches scipy.signal.correlate2d (${c.name}) at 1e-12`, () => {
      const kernel = fixture.kernels[c.kernel as 'k3' | 'k2x4'];
      const out = conv2d(fixture.image, kernel, { padding: c.padding as Padding, stride: c.stride });
      expect(maxAbsDiff(out, c.out)).toBeLessThan(1e-12);
    });
  }

  it('conv2d output size is floor((n + 2p − k)/s) + 1', () => {
    const image = Array.from({ length: 9 }, (_, i) => Array.from({ length: 6 }, (_, j) => i * 6 + j));
    const out = conv2d(image, kernels.boxBlur, { padding: 1, stride: 2 });
    expect(out).toHaveLength(Math.floor((9 + 2 - 3) / 2) + 1);
    expect(out[0]).toHaveLength(Math.floor((6 + 2 - 3) / 2) + 1);
    expect(conv2d(image, kernels.identity, { padding: 'same' })).toEqual(image);
  });

  it('convSteps yields every window in row-major order, with the value conv2d puts in that cell', () => {
    const image = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    const steps = [...convSteps(image, [[1, 0], [0, -1]])];
    expect(steps.map((s) => [s.outRow, s.outCol])).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(steps[1].window).toEqual([[2, 3], [5, 6]]);
    expect(steps[1].value).toBe(2 - 6);
    expect(conv2d(image, [[1, 0], [0, -1]])).toEqual([[-4, -4], [-4, -4]]);
    const padded = [...convSteps(image, kernels.identity, { padding: 1 })];
    expect(padded[0].window).toEqual([[0, 0, 0], [0, 1, 2], [0, 4, 5]]); // zeros around the border
  });

  it('kernels.sobelX responds to a vertical edge and sobelY does not', () => {
    const edge = Array.from({ length: 5 }, () => [0, 0, 0, 1, 1, 1]); // dark left, bright right
    const gx = conv2d(edge, kernels.sobelX), gy = conv2d(edge, kernels.sobelY);
    expect(gx[0]).toEqual([0, 4, 4, 0]);
    expect(gy.flat().every((v) => v === 0)).toBe(true);
    expect(conv2d(edge, kernels.laplacian)[1]).toEqual([0, 1, -1, 0]);
  });

  it('conv2d says what is wrong with bad input', () => {
    expect(() => conv2d([[1, 2], [3]], kernels.identity)).toThrow(/conv2d: image row 1 has 1 values, expected 2/);
    expect(() => conv2d([[1, 2]], kernels.sobelX)).toThrow(/the 3×3 kernel is larger than the padded 1×2 image/);
    expect(() => conv2d([[1, 2]], [[1]], { stride: 0 })).toThrow(/stride must be a whole number ≥ 1/);
    expect(() => conv2d([[1, 2]], [[1]], { padding: -1 })).toThrow(/padding must be 'valid', 'same', 'full' or a whole number ≥ 0/);
  });
});

describe('pooling', () => {
  const image = [
    [1, 3, 2, 0],
    [4, 2, 1, 5],
    [0, 0, 7, 1],
    [2, 6, 1, 1],
  ];

  it('maxPool2d takes the largest value of each 2×2 window', () => {
    expect(maxPool2d(image)).toEqual([[4, 5], [6, 7]]);
    expect(maxPool2d(image, { size: 3, stride: 1 })).toEqual([[7, 7], [7, 7]]);
  });

  it('avgPool2d takes the mean of each window; windows that run off the edge are dropped', () => {
    expect(avgPool2d(image)).toEqual([[2.5, 2], [2, 2.5]]);
    expect(avgPool2d(image, { size: 3, stride: 2 })).toEqual([[20 / 9]]); // 1+3+2+4+2+1+0+0+7
  });

  it('globalAveragePool averages a whole map, or each channel of a list of maps', () => {
    expect(globalAveragePool(image)).toBe(36 / 16);
    expect(globalAveragePool([image, [[1, 1], [1, 1]]])).toEqual([36 / 16, 1]);
  });

  it('maxPool2d rejects a window larger than the image', () => {
    expect(() => maxPool2d([[1, 2]], { size: 2 })).toThrow(/maxPool2d: the 2×2 window is larger than the 1×2 image/);
  });
});
