import { fail } from '../core/validate.ts';
import { toRandom } from '../core/random.ts';
import { checkNoise, checkSamples, linspace, shuffleRows, type Dataset } from './dataset.ts';

export interface MakeCirclesOptions {
  nSamples: number;
  noise: number;
  /** Radius of the inner circle relative to the outer one (0 < factor < 1). */
  factor: number;
  shuffle: boolean;
  seed: number;
}

/** Two concentric circles: class 0 on the unit circle, class 1 on the circle of radius `factor`. */
export function makeCircles(options: Partial<MakeCirclesOptions> = {}): Dataset {
  const where = 'makeCircles';
  const o = { nSamples: 100, noise: 0, factor: 0.8, shuffle: true, seed: 0, ...options };
  checkSamples(o.nSamples, where, 2);
  checkNoise(o.noise, where);
  if (!(o.factor > 0 && o.factor < 1)) fail(where, `factor must be in (0, 1), got ${o.factor}`);
  const random = toRandom(o.seed);
  const nOuter = Math.floor(o.nSamples / 2);
  const nInner = o.nSamples - nOuter;
  const X: number[][] = [
    ...linspace(0, 2 * Math.PI, nOuter, false).map((t) => [Math.cos(t), Math.sin(t)]),
    ...linspace(0, 2 * Math.PI, nInner, false).map((t) => [o.factor * Math.cos(t), o.factor * Math.sin(t)]),
  ];
  const y = [...new Array<number>(nOuter).fill(0), ...new Array<number>(nInner).fill(1)];
  const noisy = o.noise > 0 ? X.map((row) => row.map((v) => v + random.normal(0, o.noise))) : X;
  const data = { X: noisy, y };
  return o.shuffle ? shuffleRows(data, random) : data;
}
