import { checkPositiveInt, checkRange, fail } from '../core/validate.ts';

/** One pick of maximal marginal relevance: every candidate's score at that moment, and the winner. */
export interface MMRStep {
  /** The item chosen at this step. */
  picked: number;
  /** Per item: λ·sim(q, d) − (1 − λ)·max_{s ∈ chosen} sim(d, s); NaN for items already chosen. */
  scores: number[];
  /** Per item: the redundancy term max_{s ∈ chosen} sim(d, s) (0 before anything is chosen). */
  redundancy: number[];
}

/**
 * Maximal marginal relevance (Carbonell & Goldstein, 1998): re-ranks candidates so the top k are
 * relevant and not copies of each other. Greedily picks
 *   argmax_d  λ·sim(q, d) − (1 − λ)·max_{s ∈ S} sim(d, s)
 * where S is what has been picked. λ = 1 is the plain ranking; smaller λ trades relevance for
 * variety. `querySim[i]` is sim(q, item i), `pairSim[i][j]` sim(item i, item j). Returns each step.
 */
export function maximalMarginalRelevance(querySim: readonly number[], pairSim: readonly (readonly number[])[], k: number, lambda: number): MMRStep[] {
  const where = 'maximalMarginalRelevance';
  checkPositiveInt(k, where, 'k');
  checkRange(lambda, where, 'lambda', 0, 1);
  const n = querySim.length;
  if (pairSim.length !== n || pairSim.some((row) => row.length !== n)) fail(where, `pairSim must be ${n} × ${n}, one row and column per item of querySim`);
  const chosen = new Set<number>();
  const redundancy = new Array<number>(n).fill(0);
  const steps: MMRStep[] = [];
  for (let step = 0; step < Math.min(k, n); step++) {
    const scores = querySim.map((rel, i) => (chosen.has(i) ? NaN : lambda * rel - (1 - lambda) * redundancy[i]));
    let picked = -1;
    for (let i = 0; i < n; i++) if (!chosen.has(i) && (picked < 0 || scores[i] > scores[picked])) picked = i;
    steps.push({ picked, scores, redundancy: [...redundancy] });
    chosen.add(picked);
    // The redundancy of every item is its largest similarity to anything chosen so far.
    for (let i = 0; i < n; i++) redundancy[i] = step === 0 ? pairSim[i][picked] : Math.max(redundancy[i], pairSim[i][picked]);
  }
  return steps;
}
