import { describe, expect, it } from 'vitest';
import { KMeans } from '../../src/ml/cluster/index.ts';
import { toDense } from '../../src/ml/core/dense-input.ts';
import { denseFromRows } from '../../src/ml/core/dense.ts';

describe('toDense', () => {
  it('copies rows into one row-major Float64Array, and a Dense too unless copy is false', () => {
    const rows = [[1, 2, 3], [4, 5, 6]];
    const x = toDense(rows, 'test');
    expect(Array.from(x.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect([x.rows, x.cols]).toEqual([2, 3]);
    const dense = denseFromRows(rows);
    expect(toDense(dense, 'test').data).not.toBe(dense.data);
    expect(toDense(dense, 'test', { copy: false })).toBe(dense);
  });

  it('says what is wrong and where, for rows and for a Dense', () => {
    expect(() => toDense([[1, 2], [3]], 'Model.fit')).toThrow(/Model\.fit.*row 1 has 1 values, expected 2/);
    expect(() => toDense([[1, 2], [3, '4' as unknown as number]], 'Model.fit')).toThrow(/Model\.fit/);
    const bad = denseFromRows([[1, 2], [3, 4]]);
    bad.data[2] = NaN;
    expect(() => toDense(bad, 'Model.fit')).toThrow(/X\[1\]\[0\] is NaN, expected a finite number/);
  });

  it('reuses a read-only copy of the same rows only while their values are unchanged', () => {
    const rows = [[0, 0], [0, 1], [10, 10], [10, 11]];
    const first = toDense(rows, 'test', { copy: false });
    expect(toDense(rows, 'test', { copy: false })).toBe(first);
    // A copy that the caller may write to is never the shared one.
    expect(toDense(rows, 'test')).not.toBe(first);
    rows[3][1] = 12;
    const edited = toDense(rows, 'test', { copy: false });
    expect(edited).not.toBe(first);
    expect(edited.data[7]).toBe(12);
    rows.push([20, 20]);
    expect(toDense(rows, 'test', { copy: false }).rows).toBe(5);
    rows[0][0] = NaN;
    expect(() => toDense(rows, 'Model.fit', { copy: false })).toThrow(/NaN/);
  });

  it('a refit after editing the rows sees the edit (KMeans reads X without copying it)', () => {
    const rows = [[0, 0], [0, 1], [10, 10], [10, 11]];
    const init = [[0, 0], [10, 10]];
    expect(new KMeans({ nClusters: 2, init }).fit(rows).clusterCenters).toEqual([[0, 0.5], [10, 10.5]]);
    rows[1][1] = 3;
    expect(new KMeans({ nClusters: 2, init }).fit(rows).clusterCenters).toEqual([[0, 1.5], [10, 10.5]]);
  });
});
