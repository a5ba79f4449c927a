import { fail } from '../core/validate.ts';

/** log(1 + x) elementwise (numpy's log1p): compresses right-skewed, non-negative features. */
export function logTransform<T extends number | readonly number[] | readonly (readonly number[])[]>(X: T): T {
  const apply = (v: number, where: string): number => {
    if (!(v > -1)) fail('logTransform', `${where} is ${v}; log1p needs values > −1`);
    return Math.log1p(v);
  };
  if (typeof X === 'number') return apply(X, 'the value') as T;
  return (X as readonly unknown[]).map((row, i) =>
    Array.isArray(row) ? row.map((v: number, j: number) => apply(v, `X[${i}][${j}]`)) : apply(row as number, `X[${i}]`),
  ) as unknown as T;
}

/** exp(x) − 1 elementwise: the inverse of logTransform. */
export function inverseLogTransform<T extends number | readonly number[] | readonly (readonly number[])[]>(X: T): T {
  if (typeof X === 'number') return Math.expm1(X) as T;
  return (X as readonly unknown[]).map((row) =>
    Array.isArray(row) ? row.map((v: number) => Math.expm1(v)) : Math.expm1(row as number),
  ) as unknown as T;
}
