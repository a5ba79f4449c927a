import { checkPositiveInt, fail } from '../core/validate.ts';

/**
 * Indices of the k largest scores, best first; equal scores keep their index order, so a ranking
 * is the same on every machine. k larger than the list returns the whole ranking.
 */
export function topKIndices(scores: readonly number[], k: number): number[] {
  checkPositiveInt(k, 'topKIndices', 'k');
  if (scores.some((s) => Number.isNaN(s))) fail('topKIndices', 'scores contain NaN; a ranking needs every score to be a number');
  const order = scores.map((_, i) => i);
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return order.slice(0, k);
}

/** Dot product of a query vector with every row: the similarity when rows and query are unit length (cosine), or raw. */
export function dotScores(query: readonly number[], rows: readonly (readonly number[])[]): number[] {
  return rows.map((row, r) => {
    if (row.length !== query.length) fail('dotScores', `row ${r} has ${row.length} values but the query has ${query.length}; they must match`);
    let dot = 0;
    for (let j = 0; j < row.length; j++) dot += row[j] * query[j];
    return dot;
  });
}
