import { toRows, fail } from '../core/validate.ts';
import type { MatrixLike } from '../core/validate.ts';
import { normalizeRow } from './tfidf-transformer.ts';

/**
 * Cosine similarity of every row of X with every row of Y (default Y = X), as scikit-learn's
 * cosine_similarity: cos(x, y) = x·y / (‖x‖‖y‖); a zero row has similarity 0 with everything.
 */
export function cosineSimilarity(X: MatrixLike, Y?: MatrixLike): number[][] {
  const where = 'cosineSimilarity';
  const a = toRows(X, where).map((r) => normalizeRow(r, 'l2'));
  const b = Y === undefined ? a : toRows(Y, where, { name: 'Y' }).map((r) => normalizeRow(r, 'l2'));
  if (a[0].length !== b[0].length) fail(where, `X rows have ${a[0].length} values but Y rows have ${b[0].length}; they must match`);
  return a.map((x) => b.map((y) => {
    let dot = 0;
    for (let k = 0; k < x.length; k++) dot += x[k] * y[k];
    return dot;
  }));
}
