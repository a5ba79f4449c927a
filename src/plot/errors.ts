/**
 * Input checks for the plot helpers. A chart built from bad data would draw nothing or draw
 * something wrong without a word, so each helper checks its input and says what to change:
 * `scatter: labels has 99 values but there are 100 points; give one label per point`.
 */

/** An error in the data or options given to a plot helper; the message starts with the helper's name. */
export class PlotInputError extends Error {
  constructor(where: string, message: string) {
    super(`${where}: ${message}`);
    this.name = 'PlotInputError';
  }
}

export function fail(where: string, message: string): never {
  throw new PlotInputError(where, message);
}

/** A short description of a value for messages: `a string "abc"`, `undefined`, `an object`. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return `a string ${JSON.stringify(value.length > 20 ? value.slice(0, 20) + '…' : value)}`;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'function') return 'a function';
  return `${typeof value === 'object' ? 'an object' : typeof value}`;
}

/** A copy of `values` as a number array; every entry must be a finite number. */
export function toNumbers(values: unknown, where: string, name: string): number[] {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) fail(where, `${name} must be an array of numbers, got ${describe(values)}`);
  const out = Array.from(values as ArrayLike<unknown>);
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(where, `${name}[${i}] is ${describe(v)}, expected a finite number`);
  }
  return out as number[];
}

/** Rows of numbers, each with at least `minWidth` finite values (only the columns used are checked). */
export function toRows(rows: unknown, where: string, name: string, minWidth: number): number[][] {
  if (!Array.isArray(rows)) fail(where, `${name} must be an array of rows like [[x, y], …], got ${describe(rows)}`);
  return rows.map((row: unknown, i: number) => {
    if (!Array.isArray(row) && !ArrayBuffer.isView(row)) fail(where, `${name} row ${i} is ${describe(row)}, expected an array like [x, y]`);
    const values = Array.from(row as ArrayLike<unknown>);
    if (values.length < minWidth) fail(where, `${name} row ${i} has ${values.length} values, expected at least ${minWidth}`);
    for (let j = 0; j < minWidth; j++) {
      const v = values[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(where, `${name}[${i}][${j}] is ${describe(v)}, expected a finite number`);
    }
    return values as number[];
  });
}

/** Checks that an array has one value per item: `labels has 2 values but there are 5 points; give one per point`. */
export function checkSameLength(length: number, expected: number, where: string, name: string, items: string, item: string): void {
  if (length !== expected) fail(where, `${name} has ${length} values but there are ${expected} ${items}; give one per ${item}`);
}

/** A `[min, max]` pair with min < max. */
export function toInterval(range: unknown, where: string, name: string): [number, number] {
  const pair = toNumbers(range, where, name);
  if (pair.length !== 2 || !(pair[0] < pair[1])) {
    fail(where, `${name} must be [min, max] with min < max, got ${JSON.stringify(range)}`);
  }
  return [pair[0], pair[1]];
}

/** An integer ≥ `min`. */
export function checkInteger(value: number, where: string, name: string, min: number): void {
  if (!Number.isInteger(value) || value < min) fail(where, `${name} must be an integer ≥ ${min}, got ${describe(value)}`);
}
