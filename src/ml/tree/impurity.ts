import { toVector, type VectorLike } from '../core/validate.ts';

/** Gini impurity of a label vector: 1 − Σ_c p_c², the chance two random draws disagree. */
export function giniImpurity(y: VectorLike): number {
  const proportions = classProportions(toVector(y, 'giniImpurity'));
  return 1 - proportions.reduce((s, p) => s + p * p, 0);
}

/** Shannon entropy of a label vector in bits: −Σ_c p_c log₂ p_c. */
export function entropy(y: VectorLike): number {
  const proportions = classProportions(toVector(y, 'entropy'));
  return -proportions.reduce((s, p) => s + (p > 0 ? p * Math.log2(p) : 0), 0);
}

function classProportions(y: number[]): number[] {
  if (y.length === 0) return [];
  const counts = new Map<number, number>();
  for (const label of y) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts.values()].map((c) => c / y.length);
}

