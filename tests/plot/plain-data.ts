import { expect } from 'vitest';
import type { Figure } from '../../src/plot/figure.ts';

/** Paths inside `value` that hold something other than plain data (functions, class instances). */
export function nonPlainPaths(value: unknown, at = 'figure'): string[] {
  if (typeof value === 'function') return [at];
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonPlainPaths(v, `${at}[${i}]`));
  if (Object.getPrototypeOf(value) !== Object.prototype) return [at];
  return Object.entries(value).flatMap(([k, v]) => nonPlainPaths(v, `${at}.${k}`));
}

/** A figure crosses to the page by structured clone and may be saved as JSON: plain data only. */
export function expectPlainFigure(figure: Figure): void {
  expect(nonPlainPaths(figure)).toEqual([]);
  expect(structuredClone(figure)).toEqual(figure);
  expect(JSON.parse(JSON.stringify(figure)).data.length).toBe(figure.data.length);
}
