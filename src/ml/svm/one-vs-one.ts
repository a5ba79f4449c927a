/** The solved binary problem of one pair of classes (a < b; y = +1 for class a, as libsvm). */
export interface PairModel {
  a: number;
  b: number;
  /** Training indices of the samples of class a, then of class b (each ascending). */
  indices: number[];
  /** y_t α_t for each of those samples (0 for non-support vectors). */
  coef: Float64Array;
  rho: number;
  nIter: number;
}

/** The pair models in libsvm's (and scikit-learn's multiclass) layout. */
export interface OneVsOneLayout {
  support: number[];
  nSupport: number[];
  /** (K − 1) × nSV: for pair (a, b), SVs of class a hold their coefficient in row b − 1, SVs of class b in row a. */
  dualCoef: number[][];
  /** −ρ of each pair, in pair order (0,1), (0,2), …, (1,2), … */
  intercept: number[];
}

/**
 * Collects the support vectors of all pairs (a sample is a support vector if any of its pairs
 * gives it α > 0), grouped by class and ascending within a class, and lays out their coefficients.
 */
export function assembleOneVsOne(pairs: PairModel[], nClasses: number, codes: Int32Array): OneVsOneLayout {
  const isSupport = new Uint8Array(codes.length);
  for (const p of pairs) p.indices.forEach((i, t) => { if (p.coef[t] !== 0) isSupport[i] = 1; });
  const support: number[] = [];
  const nSupport = new Array<number>(nClasses).fill(0);
  for (let c = 0; c < nClasses; c++) {
    for (let i = 0; i < codes.length; i++) {
      if (codes[i] === c && isSupport[i]) {
        support.push(i);
        nSupport[c]++;
      }
    }
  }
  const position = new Map(support.map((i, s) => [i, s]));
  const dualCoef = Array.from({ length: Math.max(1, nClasses - 1) }, () => new Array<number>(support.length).fill(0));
  for (const p of pairs) {
    p.indices.forEach((i, t) => {
      if (p.coef[t] === 0) return;
      const row = codes[i] === p.a ? p.b - 1 : p.a;
      dualCoef[row][position.get(i)!] = p.coef[t];
    });
  }
  return { support, nSupport, dualCoef, intercept: pairs.map((p) => -p.rho) };
}

/**
 * scikit-learn's one-vs-rest view of one-vs-one decisions: each class's votes plus its summed
 * confidences squashed into (−⅓, ⅓), so ties in votes are broken by confidence.
 */
export function ovrFromOvo(decisions: readonly number[], nClasses: number): number[] {
  const votes = new Array<number>(nClasses).fill(0);
  const confidence = new Array<number>(nClasses).fill(0);
  let k = 0;
  for (let a = 0; a < nClasses; a++) {
    for (let b = a + 1; b < nClasses; b++) {
      const dec = decisions[k++];
      confidence[a] += dec;
      confidence[b] -= dec;
      votes[dec > 0 ? a : b] += 1;
    }
  }
  return votes.map((v, c) => v + confidence[c] / (3 * (Math.abs(confidence[c]) + 1)));
}
