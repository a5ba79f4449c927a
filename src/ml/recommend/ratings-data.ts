import { rng } from '../core/random.ts';
import { checkPositiveInt, checkRange } from '../core/validate.ts';

/**
 * A small, seeded world of users rating items (films), for recommender notebooks. Each item has
 * one or two genres; each user has a taste for every genre. Ratings also depend on one hidden
 * trait that no feature records (think "arthouse versus blockbuster": an item's side and a user's
 * liking for it), so a content-based model that sees only genres cannot explain everything,
 * while matrix factorisation can learn the hidden trait from the ratings themselves.
 *
 *   score(u, i) = 3.2 + b_i + 0.7 · mean_{g ∈ genres(i)} taste[u][g] + 1.2 · w_u · h_i
 *   rating(u, i) = round(score + noise · ε) clipped to 1..5,   observed with probability `density`
 */
export interface RatingsDataOptions {
  nUsers: number;
  nItems: number;
  nGenres: number;
  /** Share of (user, item) cells that carry a rating; the rest are missing (NaN). */
  density: number;
  /** Standard deviation of the rating noise ε, before rounding. */
  noise: number;
  seed: number;
}

export interface RatingsData {
  /** nUsers × nItems observed ratings 1..5, NaN where the user did not rate the item. */
  ratings: number[][];
  /** nUsers × nItems noiseless scores clipped to [1, 5]: what each user would think of every item. */
  trueScores: number[][];
  /** nItems × nGenres, 1 where the item has the genre (one or two per item). */
  itemGenres: number[][];
  genreNames: string[];
  /** nUsers × nGenres: each user's taste for each genre (standard normal). */
  userTastes: number[][];
}

const GENRE_NAMES = ['action', 'comedy', 'drama', 'sci-fi', 'romance', 'horror', 'documentary', 'animation'];

const defaults: RatingsDataOptions = { nUsers: 60, nItems: 40, nGenres: 4, density: 0.5, noise: 0.4, seed: 0 };

/** Draws the world; every random number is drawn in a fixed order (items, users, then the cells row by row). */
export function makeRatingsData(options: Partial<RatingsDataOptions> = {}): RatingsData {
  const { nUsers, nItems, nGenres, density, noise, seed } = { ...defaults, ...options };
  checkPositiveInt(nUsers, 'makeRatingsData', 'nUsers');
  checkPositiveInt(nItems, 'makeRatingsData', 'nItems');
  checkPositiveInt(nGenres, 'makeRatingsData', 'nGenres', 2);
  checkRange(nGenres, 'makeRatingsData', 'nGenres', 2, GENRE_NAMES.length);
  checkRange(density, 'makeRatingsData', 'density', 0, 1);
  const random = rng(seed);

  // Items: a main genre, a second one 40 % of the time, a hidden side h_i and a quality b_i.
  const itemGenres: number[][] = [];
  const hiddenSide: number[] = [];
  const quality: number[] = [];
  for (let i = 0; i < nItems; i++) {
    const genres = new Array<number>(nGenres).fill(0);
    genres[random.int(nGenres)] = 1;
    if (random.next() < 0.4) genres[random.int(nGenres)] = 1;
    itemGenres.push(genres);
    hiddenSide.push(random.normal());
    quality.push(random.normal(0, 0.3));
  }
  // Users: a taste per genre and a liking w_u for the hidden side.
  const userTastes: number[][] = [];
  const hiddenLiking: number[] = [];
  for (let u = 0; u < nUsers; u++) {
    userTastes.push(Array.from({ length: nGenres }, () => random.normal()));
    hiddenLiking.push(random.normal());
  }

  const clip = (x: number) => Math.min(5, Math.max(1, x));
  const ratings: number[][] = [];
  const trueScores: number[][] = [];
  for (let u = 0; u < nUsers; u++) {
    const row: number[] = [];
    const trueRow: number[] = [];
    for (let i = 0; i < nItems; i++) {
      let tasteSum = 0, nItemGenres = 0;
      for (let g = 0; g < nGenres; g++) if (itemGenres[i][g] === 1) { tasteSum += userTastes[u][g]; nItemGenres++; }
      const score = 3.2 + quality[i] + (0.7 * tasteSum) / nItemGenres + 1.2 * hiddenLiking[u] * hiddenSide[i];
      // Both draws happen for every cell, so the missing pattern does not depend on the noise.
      const epsilon = random.normal();
      const seen = random.next() < density;
      trueRow.push(clip(score));
      row.push(seen ? clip(Math.round(score + noise * epsilon)) : NaN);
    }
    ratings.push(row);
    trueScores.push(trueRow);
  }
  return { ratings, trueScores, itemGenres, genreNames: GENRE_NAMES.slice(0, nGenres), userTastes };
}

/**
 * Hides a share of the observed ratings for evaluation: each observed cell, row by row, goes to
 * the held-out set with probability `testFraction`. Returns the training matrix (held-out cells
 * set to NaN) and the held-out matrix (NaN everywhere else).
 */
export function splitHeldOutRatings(ratings: readonly (readonly number[])[], options: { testFraction?: number; seed?: number } = {}): { train: number[][]; heldOut: number[][] } {
  const { testFraction = 0.25, seed = 1 } = options;
  checkRange(testFraction, 'splitHeldOutRatings', 'testFraction', 0, 1);
  const random = rng(seed);
  const train = ratings.map((row) => row.slice());
  const heldOut = ratings.map((row) => row.map(() => NaN));
  ratings.forEach((row, u) => row.forEach((r, i) => {
    if (Number.isNaN(r)) return;
    if (random.next() < testFraction) {
      heldOut[u][i] = r;
      train[u][i] = NaN;
    }
  }));
  return { train, heldOut };
}
