/**
 * The value kept in `cache` under `key`, computed by `compute` the first time it is asked for.
 * A notebook keeps expensive pure results this way in a Map declared by a cell upstream of the
 * control: moving the control back to a setting seen before costs a lookup, not a recomputation.
 * @example const curves = remember(curvesByDegree, degree, () => learningCurve(degree))
 */
export function remember<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  if (cache.has(key)) return cache.get(key) as V;
  const value = compute();
  cache.set(key, value);
  return value;
}
