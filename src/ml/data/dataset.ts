import { checkPositiveInt, fail } from '../core/validate.ts';
import type { Random } from '../core/random.ts';

/** A labelled (or targeted) data set: rows X and one label or target per row. */
export interface Dataset {
  X: number[][];
  y: number[];
}

/** Rows and labels in the same random order (the generators' shuffle option). */
export function shuffleRows<T extends Dataset>(data: T, random: Random): T {
  const order = random.permutation(data.X.length);
  return { ...data, X: order.map((i) => data.X[i]), y: order.map((i) => data.y[i]) };
}

/** Throws unless nSamples is an integer ≥ min. */
export function checkSamples(nSamples: number, where: string, min = 1): void {
  checkPositiveInt(nSamples, where, 'nSamples', min);
}

/** Throws unless noise is a number ≥ 0. */
export function checkNoise(noise: number, where: string): void {
  if (typeof noise !== 'number' || !(noise >= 0)) fail(where, `noise must be a number ≥ 0, got ${String(noise)}`);
}

/** n evenly spaced numbers from start to stop (numpy's linspace, endpoint included unless asked). */
export function linspace(start: number, stop: number, n: number, endpoint = true): number[] {
  const div = endpoint ? n - 1 : n;
  const step = div > 0 ? (stop - start) / div : 0;
  return Array.from({ length: n }, (_, i) => start + i * step);
}
