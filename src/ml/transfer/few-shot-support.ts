import { checkPositiveInt, fail, toVector, type VectorLike } from '../core/validate.ts';
import { rng } from '../core/random.ts';

/**
 * The indices of a k-shot support set: `shots` examples of every class, drawn without
 * replacement from a labelled pool with the random numbers of `seed`. Listed class by class, so
 * index shots·k + i is the i-th example of the k-th class. With the same seed, a larger `shots`
 * keeps the smaller set's examples and adds more, so accuracy against shots compares nested sets.
 */
export function sampleSupportSet(y: VectorLike, shots: number, seed = 0): number[] {
  const where = 'sampleSupportSet';
  checkPositiveInt(shots, where, 'shots');
  const labels = toVector(y, where, { name: 'y' });
  const classes = [...new Set(labels)].sort((a, b) => a - b);
  const random = rng(seed);
  return classes.flatMap((c) => {
    const members = labels.flatMap((label, i) => (label === c ? [i] : []));
    if (members.length < shots) fail(where, `class ${c} has ${members.length} examples in the pool, fewer than ${shots} shots`);
    // the order of a full permutation, so shots = 1, 2, … take its first 1, 2, … members
    return random.permutation(members.length).slice(0, shots).map((j) => members[j]);
  });
}
