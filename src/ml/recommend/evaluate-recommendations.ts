import { checkPositiveInt } from '../core/validate.ts';
import { ndcgAtK, precisionAtK, recallAtK } from '../metrics/ranking.ts';
import { topKIndices } from '../retrieval/top-k.ts';

export interface RecommendationMetrics {
  /** Means over the users with at least one relevant held-out item. */
  precision: number;
  recall: number;
  ndcg: number;
  /** How many users the means are over. */
  nUsers: number;
  /** Each evaluated user's numbers, for a per-user look. */
  perUser: { user: number; precision: number; recall: number; ndcg: number; ranking: number[] }[];
}

/**
 * Ranking metrics of a recommender on held-out ratings. For each user the candidates are the
 * items not rated in training, ranked by `scores` (users × items, higher first). An item is
 * relevant when its held-out rating is at least `relevantFrom`, and its gain for nDCG is
 * (held-out rating − (relevantFrom − 1)), so a 5 counts more than a 4. Users with no relevant
 * held-out item are left out: recall and nDCG are undefined for them.
 */
export function evaluateRecommendations(
  scores: readonly (readonly number[])[], train: readonly (readonly number[])[], heldOut: readonly (readonly number[])[],
  k: number, options: { relevantFrom?: number } = {},
): RecommendationMetrics {
  checkPositiveInt(k, 'evaluateRecommendations', 'k');
  const relevantFrom = options.relevantFrom ?? 4;
  const perUser: RecommendationMetrics['perUser'] = [];
  train.forEach((trainRow, user) => {
    const gains = heldOut[user].map((r) => (Number.isNaN(r) ? 0 : Math.max(0, r - relevantFrom + 1)));
    const relevant = gains.flatMap((g, i) => (g > 0 ? [i] : []));
    if (relevant.length === 0) return;
    // Items rated in training are not recommended again: they drop out of the ranking.
    const candidates = trainRow.flatMap((r, i) => (Number.isNaN(r) ? [i] : []));
    const ranking = topKIndices(candidates.map((i) => scores[user][i]), candidates.length).map((c) => candidates[c]);
    perUser.push({
      user, ranking: ranking.slice(0, k),
      precision: precisionAtK(ranking, relevant, k), recall: recallAtK(ranking, relevant, k), ndcg: ndcgAtK(ranking, gains, k),
    });
  });
  const mean = (pick: (m: (typeof perUser)[number]) => number) => perUser.reduce((s, m) => s + pick(m), 0) / perUser.length;
  return { precision: mean((m) => m.precision), recall: mean((m) => m.recall), ndcg: mean((m) => m.ndcg), nUsers: perUser.length, perUser };
}
