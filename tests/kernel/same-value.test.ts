import { describe, expect, it } from 'vitest';
import { sameValue } from '../../src/kernel/runtime/same-value.ts';

describe('sameValue: did a declared name come back unchanged?', () => {
  it('primitives and the very same object are the same', () => {
    const model = { fit: () => 1 };
    expect(sameValue(1, 1)).toBe(true);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
    expect(sameValue('adam', 'adam')).toBe(true);
    expect(sameValue(model, model)).toBe(true);
    expect(sameValue(1, 2)).toBe(false);
    expect(sameValue(0, -0)).toBe(false);
    expect(sameValue(undefined, null)).toBe(false);
  });

  it('small arrays and plain objects, two deep, of primitives compare by contents', () => {
    expect(sameValue([1, 2], [1, 2])).toBe(true);
    expect(sameValue([[0, 1], [2, 3]], [[0, 1], [2, 3]])).toBe(true);
    expect(sameValue({ x: [-0.5, 4], y: [-3.5, 1.5] }, { x: [-0.5, 4], y: [-3.5, 1.5] })).toBe(true);
    expect(sameValue([{ a: 1 }], [{ a: 1 }])).toBe(true);
    expect(sameValue({ x: [-0.5, 4] }, { x: [-0.5, 5] })).toBe(false);
    expect(sameValue({ lo: 0, hi: 'x', on: true }, { lo: 0, hi: 'x', on: true })).toBe(true);
    expect(sameValue([1, 2], [1, 3])).toBe(false);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue([[0, 1]], [[0, 2]])).toBe(false);
    expect(sameValue({ lo: 0 }, { lo: 0, hi: 1 })).toBe(false);
    expect(sameValue({ lo: 0, hi: 1 }, { lo: 0, up: 1 })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
  });

  it('anything else counts as changed: deeper data, class instances, typed arrays, functions, getters', () => {
    expect(sameValue([[[1]]], [[[1]]])).toBe(false);
    expect(sameValue({ p: { q: [1] } }, { p: { q: [1] } })).toBe(false);
    expect(sameValue([new Map()], [new Map()])).toBe(false);
    expect(sameValue(new Map([[1, 1]]), new Map([[1, 1]]))).toBe(false);
    expect(sameValue(new Float64Array([1]), new Float64Array([1]))).toBe(false);
    expect(sameValue(() => 1, () => 1)).toBe(false);
    let reads = 0;
    const counting = () => ({ get n() { return reads++ * 0; } });
    expect(sameValue(counting(), counting())).toBe(false);
  });

  it('big arrays count as changed without being walked to the end', () => {
    const big = Array.from({ length: 20_000 }, (_, i) => i);
    expect(sameValue(big, big.slice())).toBe(false);
    expect(sameValue(big, big)).toBe(true);
  });
});
