import { checkPositiveInt, fail } from '../core/validate.ts';

/**
 * Metrics of one ranked list against the items that are relevant to its query. `ranking` is item
 * ids, best first (as topKIndices returns); average them over queries for a retriever's score.
 */

function checkRanking(ranking: readonly number[], where: string): void {
  if (new Set(ranking).size !== ranking.length) fail(where, 'ranking lists an item twice; each item may appear once');
}

/** recall@k = |relevant ∩ top k| / |relevant|: the share of the relevant items found in the first k. */
export function recallAtK(ranking: readonly number[], relevant: ReadonlySet<number> | readonly number[], k: number): number {
  checkPositiveInt(k, 'recallAtK', 'k');
  checkRanking(ranking, 'recallAtK');
  const rel = new Set(relevant);
  if (rel.size === 0) fail('recallAtK', 'no relevant items: recall is undefined for this query');
  return ranking.slice(0, k).filter((i) => rel.has(i)).length / rel.size;
}

/** hit@k: 1 when at least one relevant item is in the first k, else 0 (RAG evaluations often call its mean "recall@k" or hit rate). */
export function hitAtK(ranking: readonly number[], relevant: ReadonlySet<number> | readonly number[], k: number): number {
  checkPositiveInt(k, 'hitAtK', 'k');
  const rel = new Set(relevant);
  return ranking.slice(0, k).some((i) => rel.has(i)) ? 1 : 0;
}

/** 1 / rank of the first relevant item (ranks from 1), 0 when none is ranked; its mean over queries is MRR. */
export function reciprocalRank(ranking: readonly number[], relevant: ReadonlySet<number> | readonly number[]): number {
  checkRanking(ranking, 'reciprocalRank');
  const rel = new Set(relevant);
  const at = ranking.findIndex((i) => rel.has(i));
  return at < 0 ? 0 : 1 / (at + 1);
}

/**
 * nDCG@k with graded relevance, as scikit-learn's ndcg_score for one query:
 *   DCG@k = Σ_{i<k} gain(ranking[i]) / log2(i + 2),  nDCG@k = DCG@k / DCG@k of the ideal order.
 * `gains[item]` is the item's relevance (0 for irrelevant); 0 when no item has any gain.
 */
export function ndcgAtK(ranking: readonly number[], gains: readonly number[], k: number): number {
  checkPositiveInt(k, 'ndcgAtK', 'k');
  checkRanking(ranking, 'ndcgAtK');
  const dcg = (g: readonly number[]) => g.slice(0, k).reduce((s, v, i) => s + v / Math.log2(i + 2), 0);
  const ideal = dcg([...gains].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranking.map((i) => gains[i] ?? 0)) / ideal;
}

/** precision@k = |relevant ∩ top k| / k: the share of the first k that are relevant. */
export function precisionAtK(ranking: readonly number[], relevant: ReadonlySet<number> | readonly number[], k: number): number {
  checkPositiveInt(k, 'precisionAtK', 'k');
  checkRanking(ranking, 'precisionAtK');
  const rel = new Set(relevant);
  return ranking.slice(0, k).filter((i) => rel.has(i)).length / k;
}
