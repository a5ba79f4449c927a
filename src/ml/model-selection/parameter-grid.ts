import { checkPositiveInt, fail } from '../core/validate.ts';
import { toRandom, type Random } from '../core/random.ts';

/** Candidate values per parameter name. */
export type ParamGrid = Record<string, readonly unknown[]>;

/**
 * Every combination of the grid(s), in scikit-learn's ParameterGrid order: keys sorted, the last
 * key varying fastest; a list of grids is expanded one after another.
 */
export function parameterGrid(grid: ParamGrid | ParamGrid[], where: string): Record<string, unknown>[] {
  const grids = Array.isArray(grid) ? grid : [grid];
  const out: Record<string, unknown>[] = [];
  for (const g of grids) {
    const keys = Object.keys(g).sort();
    for (const k of keys) {
      if (!Array.isArray(g[k]) || g[k].length === 0) fail(where, `parameter '${k}' needs a non-empty array of values`);
    }
    const extend = (i: number, current: Record<string, unknown>) => {
      if (i === keys.length) {
        out.push({ ...current });
        return;
      }
      for (const v of g[keys[i]]) extend(i + 1, { ...current, [keys[i]]: v });
    };
    extend(0, {});
  }
  return out;
}

/** A distribution to draw a parameter from: a list (uniform choice) or a named continuous/integer range. */
export type ParamDistribution =
  | readonly unknown[]
  | { uniform: [number, number] }
  | { logUniform: [number, number] }
  | { int: [number, number] };

/** Draws one value: a list element, U[a, b), log-uniform on [a, b) (for scales like C or alpha) or an integer in [a, b]. */
export function sampleParam(dist: ParamDistribution, random: Random, name: string, where: string): unknown {
  if (Array.isArray(dist)) return dist[random.int(dist.length)];
  const d = dist as Record<string, [number, number]>;
  if ('uniform' in d) return random.uniform(d.uniform[0], d.uniform[1]);
  if ('logUniform' in d) {
    const [a, b] = d.logUniform;
    if (!(a > 0 && b > a)) fail(where, `logUniform for '${name}' needs 0 < a < b, got [${a}, ${b}]`);
    // log x ~ U[log a, log b): every decade is equally likely.
    return Math.exp(random.uniform(Math.log(a), Math.log(b)));
  }
  if ('int' in d) return d.int[0] + random.int(d.int[1] - d.int[0] + 1);
  return fail(where, `parameter '${name}' must be an array or { uniform | logUniform | int: [a, b] }`);
}

/**
 * nIter random candidates from the distributions (scikit-learn's ParameterSampler): distinct grid
 * points when every option is a list, independent draws otherwise.
 */
export function sampleCandidates(dists: Record<string, ParamDistribution>, nIter: number, seed: number | undefined, where: string): Record<string, unknown>[] {
  checkPositiveInt(nIter, where, 'nIter');
  const random = toRandom(seed);
  const keys = Object.keys(dists).sort();
  if (keys.every((k) => Array.isArray(dists[k]))) {
    const grid = parameterGrid(dists as Record<string, unknown[]>, where);
    return random.sample(grid.length, Math.min(nIter, grid.length)).map((i) => grid[i]);
  }
  return Array.from({ length: nIter }, () => Object.fromEntries(keys.map((k) => [k, sampleParam(dists[k], random, k, where)])));
}
