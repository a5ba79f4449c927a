/**
 * A value as error messages show it: strings quoted (so "1" and 1 read differently), arrays and
 * objects by kind. Its own module so that it is not exported to notebook cells with validate.ts.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value === 'object' ? `a ${(value as object).constructor?.name ?? 'object'}` : typeof value;
}
