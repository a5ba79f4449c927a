/**
 * Seeded pseudo-random numbers. Every random choice in Stepwise goes through one of these, so the
 * same seed draws the same picture on every machine (Math.random cannot be seeded).
 *
 * The generator is sfc32 (Small Fast Counting, 128-bit state): fast, passes PractRand, and simple
 * enough to read. The seed is spread over the state with splitmix32 so nearby seeds diverge.
 */
import { fail } from './validate.ts';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [low, high). */
  uniform(low?: number, high?: number): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Normal with the given mean and standard deviation (Box–Muller). */
  normal(mean?: number, std?: number): number;
  /** A shuffled copy of `items` (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** A random permutation of 0..n-1. */
  permutation(n: number): number[];
  /** `size` distinct indices from 0..n-1 (without replacement) or any (with replacement). */
  sample(n: number, size: number, replace?: boolean): number[];
  /** Gamma with shape k > 0 and scale θ > 0 (mean kθ, variance kθ²; Marsaglia–Tsang). */
  gamma(shape: number, scale?: number): number;
  /** Beta(a, b) on (0, 1): X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b) (mean a / (a + b)). */
  beta(a: number, b: number): number;
  /** One index drawn with probability proportional to `weights`. */
  weighted(weights: ArrayLike<number>): number;
  /** A new independent generator derived from this one (for nested seeded work). */
  fork(): Random;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A seeded generator. The same seed always gives the same sequence. */
export function rng(seed = 0): Random {
  if (!Number.isFinite(seed)) fail('rng', `seed must be a finite number, got ${seed}`);
  const init = splitmix32(Math.floor(seed));
  let a = init(), b = init(), c = init(), d = init();
  let spareNormal: number | null = null;

  const next = (): number => {
    // sfc32 step: a counter (d) keeps the period ≥ 2^32 whatever the seed.
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };

  const random: Random = {
    next,
    uniform: (low = 0, high = 1) => low + (high - low) * next(),
    int: (n) => Math.floor(next() * n),
    normal(mean = 0, std = 1) {
      if (spareNormal !== null) {
        const z = spareNormal;
        spareNormal = null;
        return mean + std * z;
      }
      // Box–Muller: two uniforms → two independent standard normals; keep the second.
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spareNormal = r * Math.sin(2 * Math.PI * v);
      return mean + std * r * Math.cos(2 * Math.PI * v);
    },
    gamma(shape, scale = 1) {
      if (!(shape > 0) || !(scale > 0)) {
        fail('rng.gamma', `shape and scale must be positive numbers, got shape ${shape}, scale ${scale}`);
      }
      // Shape below 1: Gamma(k) = Gamma(k + 1) · U^(1/k), so the squeeze below always has k ≥ 1.
      if (shape < 1) return random.gamma(shape + 1, scale) * Math.pow(next(), 1 / shape);
      // Marsaglia–Tsang: v = (1 + c·z)³ with z standard normal; d·v is Gamma(k) once accepted.
      const d = shape - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      for (;;) {
        const z = random.normal();
        const w = 1 + c * z;
        if (w <= 0) continue;
        // Products, not **, so a Python port of this loop draws bit for bit the same numbers.
        const v = w * w * w;
        const u = next();
        // A cheap squeeze accepts most draws; the log test decides the rest exactly.
        if (u < 1 - 0.0331 * (z * z) * (z * z)) return d * v * scale;
        if (Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) return d * v * scale;
      }
    },
    beta(a, b) {
      if (!(a > 0) || !(b > 0)) fail('rng.beta', `a and b must be positive numbers, got a ${a}, b ${b}`);
      const x = random.gamma(a);
      const y = random.gamma(b);
      return x / (x + y);
    },
    shuffle(items) {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    permutation: (n) => random.shuffle(Array.from({ length: n }, (_, i) => i)),
    sample(n, size, replace = false) {
      if (replace) return Array.from({ length: size }, () => Math.floor(next() * n));
      if (size > n) fail('rng.sample', `cannot draw ${size} distinct items from ${n}`);
      return random.permutation(n).slice(0, size);
    },
    weighted(weights) {
      let total = 0;
      for (let i = 0; i < weights.length; i++) total += weights[i];
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i];
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    fork: () => rng(Math.floor(next() * 4294967296)),
  };
  return random;
}

/** Accepts a seed or an existing generator, so helpers can share one stream. */
export type SeedLike = number | Random;

export function toRandom(seed: SeedLike | undefined, fallback = 0): Random {
  if (seed === undefined) return rng(fallback);
  return typeof seed === 'number' ? rng(seed) : seed;
}
