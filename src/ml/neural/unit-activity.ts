import { toRows, type MatrixLike } from '../core/validate.ts';

/** How the units of one layer behave on a batch: one entry per unit (column of z). */
export interface UnitActivity {
  /** Smallest pre-activation zᵢⱼ of unit j over the batch. */
  min: number[];
  /** Largest pre-activation of unit j over the batch. */
  max: number[];
  /** Share of the rows where unit j is active (zᵢⱼ > 0). */
  activeShare: number[];
  /**
   * Unit j is dead when zᵢⱼ ≤ 0 for every row i: a ReLU outputs 0 and passes back a gradient of
   * exactly 0 on the whole batch, so its incoming weights and bias never change again.
   */
  dead: boolean[];
}

/**
 * Per-unit activity of a layer from its pre-activations z (rows = examples, columns = units),
 * the numbers behind "dying ReLU": a unit whose max over the data is ≤ 0 is dead.
 * @example unitActivity([[-1, 2], [-3, 0.5]]).dead → [true, false]
 */
export function unitActivity(preActivations: MatrixLike): UnitActivity {
  const z = toRows(preActivations, 'unitActivity', { name: 'preActivations' });
  const units = z[0].length;
  const min = new Array<number>(units).fill(Infinity);
  const max = new Array<number>(units).fill(-Infinity);
  const activeCount = new Array<number>(units).fill(0);
  for (const row of z) {
    for (let j = 0; j < units; j++) {
      const v = row[j];
      if (v < min[j]) min[j] = v;
      if (v > max[j]) max[j] = v;
      if (v > 0) activeCount[j]++;
    }
  }
  return {
    min, max,
    activeShare: activeCount.map((c) => c / z.length),
    dead: max.map((m) => m <= 0),
  };
}
