import { toRandom } from '../core/random.ts';
import { checkNoise, checkSamples, linspace, shuffleRows, type Dataset } from './dataset.ts';

export interface MakeMoonsOptions {
  nSamples: number;
  /** Standard deviation of Gaussian noise added to each coordinate. */
  noise: number;
  shuffle: boolean;
  seed: number;
}

/**
 * Two interleaving half circles: class 0 on (cos t, sin t) and class 1 on (1 − cos t, ½ − sin t),
 * t ∈ [0, π]; a data set no straight line separates.
 */
export function makeMoons(options: Partial<MakeMoonsOptions> = {}): Dataset {
  const where = 'makeMoons';
  const o = { nSamples: 100, noise: 0, shuffle: true, seed: 0, ...options };
  checkSamples(o.nSamples, where, 2);
  checkNoise(o.noise, where);
  const random = toRandom(o.seed);
  const nOuter = Math.floor(o.nSamples / 2);
  const nInner = o.nSamples - nOuter;
  const X: number[][] = [
    ...linspace(0, Math.PI, nOuter).map((t) => [Math.cos(t), Math.sin(t)]),
    ...linspace(0, Math.PI, nInner).map((t) => [1 - Math.cos(t), 1 - Math.sin(t) - 0.5]),
  ];
  const y = [...new Array<number>(nOuter).fill(0), ...new Array<number>(nInner).fill(1)];
  const noisy = o.noise > 0 ? X.map((row) => row.map((v) => v + random.normal(0, o.noise))) : X;
  const data = { X: noisy, y };
  return o.shuffle ? shuffleRows(data, random) : data;
}
