import { checkPositiveInt } from '../core/validate.ts';
import { toRandom } from '../core/random.ts';
import { checkNoise, checkSamples, linspace, shuffleRows, type Dataset } from './dataset.ts';

export interface MakeSpiralOptions {
  nSamples: number;
  /** Number of arms, one class each. */
  nArms: number;
  /** Standard deviation of Gaussian noise on the angle (radians). */
  noise: number;
  /** How many full turns each arm makes from the centre to radius 1. */
  turns: number;
  shuffle: boolean;
  seed: number;
}

/**
 * k interleaved spiral arms (class j = arm j): radius r from 0 to 1 and angle θ = 2πj/k + 2π·turns·r
 * plus noise, point (r sin θ, r cos θ). Hard for linear models, easy for a small network.
 */
export function makeSpiral(options: Partial<MakeSpiralOptions> = {}): Dataset {
  const where = 'makeSpiral';
  const o = { nSamples: 300, nArms: 3, noise: 0.2, turns: 0.75, shuffle: true, seed: 0, ...options };
  checkPositiveInt(o.nArms, where, 'nArms', 2);
  checkSamples(o.nSamples, where, o.nArms);
  checkNoise(o.noise, where);
  const random = toRandom(o.seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let arm = 0; arm < o.nArms; arm++) {
    const size = Math.floor(o.nSamples / o.nArms) + (arm < o.nSamples % o.nArms ? 1 : 0);
    for (const r of linspace(0, 1, size)) {
      const theta = (2 * Math.PI * arm) / o.nArms + 2 * Math.PI * o.turns * r + random.normal(0, o.noise);
      X.push([r * Math.sin(theta), r * Math.cos(theta)]);
      y.push(arm);
    }
  }
  const data = { X, y };
  return o.shuffle ? shuffleRows(data, random) : data;
}
