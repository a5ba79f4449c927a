/**
 * A dense row-major matrix on one Float64Array: the layout hot loops want (one allocation,
 * contiguous rows, no per-row objects). Row i is data[i*cols .. (i+1)*cols).
 */
export interface Dense {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

export function denseFromRows(rows: readonly (readonly number[])[]): Dense {
  const n = rows.length;
  const d = n === 0 ? 0 : rows[0].length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) data.set(rows[i], i * d);
  return { data, rows: n, cols: d };
}

export function denseToRows(m: Dense): number[][] {
  const out: number[][] = new Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols));
  return out;
}

/** Squared Euclidean distance between row i of a and row j of b. */
export function sqDistRows(a: Dense, i: number, b: Dense, j: number): number {
  const d = a.cols;
  const ai = i * d, bj = j * d;
  let s = 0;
  for (let k = 0; k < d; k++) {
    const t = a.data[ai + k] - b.data[bj + k];
    s += t * t;
  }
  return s;
}
