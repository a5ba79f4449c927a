import { fail } from '../core/validate.ts';

/**
 * Content-based scoring for a user the collaborative model knows nothing about: describe the user
 * by how they rated each genre, and score an item by its popularity moved by the user's liking for
 * its genres. It needs only the item's features, so it works from the first rating (and for an
 * item nobody has rated yet).
 */

/**
 * The user's genre profile: for each genre g, how much more (or less) than μ the user rated the
 * items of that genre, shrunk towards 0 by `prior` pseudo-ratings so that one rating does not
 * make a strong opinion:  profile_g = Σ_{rated i} (r_i − μ) · g_i / (Σ_{rated i} g_i + prior).
 * NaN marks an item the user has not rated.
 */
export function genreProfile(userRatings: readonly number[], itemGenres: readonly (readonly number[])[], mean: number, prior = 1): number[] {
  if (userRatings.length !== itemGenres.length) fail('genreProfile', `${userRatings.length} ratings but ${itemGenres.length} items; give one (or NaN) per item`);
  const nGenres = itemGenres[0]?.length ?? 0;
  const sums = new Array<number>(nGenres).fill(0);
  const counts = new Array<number>(nGenres).fill(0);
  userRatings.forEach((r, i) => {
    if (Number.isNaN(r)) return;
    itemGenres[i].forEach((g, j) => { sums[j] += (r - mean) * g; counts[j] += g; });
  });
  return sums.map((s, j) => s / (counts[j] + prior));
}

/**
 * A content-based predicted rating: the item's baseline (its popularity) plus the user's mean
 * profile over the item's genres, baseline_i + Σ_g profile_g g_i / Σ_g g_i. With an empty
 * profile it is the baseline: the popularity fallback.
 */
export function contentBasedScores(profile: readonly number[], itemGenres: readonly (readonly number[])[], baseline: readonly number[]): number[] {
  if (baseline.length !== itemGenres.length) fail('contentBasedScores', `${baseline.length} baseline scores but ${itemGenres.length} items; give one per item`);
  return itemGenres.map((genres, i) => {
    const n = genres.reduce((s, g) => s + g, 0);
    const affinity = n === 0 ? 0 : genres.reduce((s, g, j) => s + g * profile[j], 0) / n;
    return baseline[i] + affinity;
  });
}

/**
 * Each item's mean training rating, shrunk towards the global mean μ by `prior` pseudo-ratings
 * (an item with one 5 is not the best item): (Σ r + prior · μ) / (n + prior). The fallback when
 * a user has rated nothing.
 */
export function itemPopularityScores(ratings: readonly (readonly number[])[], prior = 3): number[] {
  const observed = ratings.flat().filter((r) => !Number.isNaN(r));
  const mean = observed.reduce((s, r) => s + r, 0) / Math.max(1, observed.length);
  return ratings[0].map((_, i) => {
    let sum = 0, n = 0;
    for (const row of ratings) if (!Number.isNaN(row[i])) { sum += row[i]; n++; }
    return (sum + prior * mean) / (n + prior);
  });
}
