import { checkFitted, checkPositiveInt, fail, toRows, type MatrixLike } from '../core/validate.ts';
import type { Transformer } from '../core/estimator.ts';
import { rowsLike } from './check.ts';

export interface PolynomialFeaturesParams {
  /** Highest total degree of a monomial. */
  degree: number;
  /** Only products of distinct features (x0·x1, never x0²). */
  interactionOnly: boolean;
  /** Start with the constant column 1. */
  includeBias: boolean;
}

const DEFAULTS: PolynomialFeaturesParams = { degree: 2, interactionOnly: false, includeBias: true };

/**
 * All monomials of the features up to `degree`, in scikit-learn's column order: degree by degree,
 * each degree's feature combinations (with replacement) in lexicographic order.
 */
export class PolynomialFeatures implements Transformer<PolynomialFeaturesParams> {
  readonly params: Readonly<PolynomialFeaturesParams>;
  /** powers[k][j]: exponent of feature j in output column k. */
  powers?: number[][];
  nFeaturesIn?: number;
  nOutputFeatures?: number;
  /** The feature indices multiplied together for each output column. */
  private combinations?: number[][];

  constructor(params: Partial<PolynomialFeaturesParams> = {}) {
    this.params = { ...DEFAULTS, ...params };
  }

  /** Works out the output columns for X's number of features. */
  fit(X: MatrixLike): this {
    const where = 'PolynomialFeatures.fit';
    checkPositiveInt(this.params.degree, where, 'degree', 0);
    const d = toRows(X, where)[0].length;
    const combos: number[][] = this.params.includeBias ? [[]] : [];
    for (let k = 1; k <= this.params.degree; k++) combos.push(...combinations(d, k, !this.params.interactionOnly));
    if (combos.length === 0) fail(where, 'degree 0 without includeBias gives no output column; raise degree or set includeBias');
    this.combinations = combos;
    this.powers = combos.map((c) => {
      const p = new Array<number>(d).fill(0);
      for (const j of c) p[j]++;
      return p;
    });
    this.nFeaturesIn = d;
    this.nOutputFeatures = combos.length;
    return this;
  }

  /** Each row becomes the products Π x_j over every combination. */
  transform(X: MatrixLike): number[][] {
    const where = 'PolynomialFeatures.transform';
    const combos = checkFitted(this.combinations, where);
    return rowsLike(X, this.nFeaturesIn!, where).map((row) =>
      combos.map((c) => c.reduce((product, j) => product * row[j], 1)),
    );
  }

  fitTransform(X: MatrixLike): number[][] {
    return this.fit(X).transform(X);
  }

  /** Column names such as '1', 'x0', 'x0^2', 'x0 x1' (or with the given input names). */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    const where = 'PolynomialFeatures.getFeatureNamesOut';
    const powers = checkFitted(this.powers, where);
    const names = inputFeatures ?? Array.from({ length: this.nFeaturesIn! }, (_, j) => `x${j}`);
    if (names.length !== this.nFeaturesIn) fail(where, `inputFeatures has ${names.length} names but the model was fitted on ${this.nFeaturesIn} features`);
    return powers.map((p) => {
      const terms = p.flatMap((e, j) => (e === 0 ? [] : [e === 1 ? names[j] : `${names[j]}^${e}`]));
      return terms.length === 0 ? '1' : terms.join(' ');
    });
  }
}

/** k-element combinations of 0..d−1 in lexicographic order, with or without repetition. */
function combinations(d: number, k: number, withReplacement: boolean): number[][] {
  const out: number[][] = [];
  const current: number[] = [];
  const extend = (start: number) => {
    if (current.length === k) {
      out.push(current.slice());
      return;
    }
    for (let j = start; j < d; j++) {
      current.push(j);
      extend(withReplacement ? j : j + 1);
      current.pop();
    }
  };
  extend(0);
  return out;
}
