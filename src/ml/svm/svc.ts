import type { Dense } from '../core/dense.ts';
import type { Decision } from '../core/decision.ts';
import { denseFromRows } from '../core/dense.ts';
import { fitWeights, type ClassWeight } from '../core/class-weight.ts';
import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { checkFitted, checkOneOf, checkPositiveInt, fail, toRows, toVector } from '../core/validate.ts';
import { accuracy, encodeLabels } from '../linear/labels.ts';
import { cachedQ } from './kernel-cache.ts';
import type { GammaOption, KernelSpec, SVMKernel } from './kernel.ts';
import { kernelRow, resolveGamma, squaredNorms } from './kernel.ts';
import type { OneVsOneLayout, PairModel } from './one-vs-one.ts';
import { assembleOneVsOne, ovrFromOvo } from './one-vs-one.ts';
import { smo } from './smo.ts';
import { runToEnd } from '../core/run-to-end.ts';

export interface SVCOptions {
  /** Soft-margin penalty: larger C fits the training data harder (fewer margin violations). */
  C: number;
  kernel: SVMKernel;
  degree: number;
  gamma: GammaOption;
  coef0: number;
  /** Stop SMO when the largest KKT violation is below tol. */
  tol: number;
  /** SMO iterations per binary problem; -1 means libsvm's cap of max(10⁷, 100n). */
  maxIter: number;
  /** 'ovr' (scikit-learn's default) or 'ovo' (one column per pair of classes). */
  decisionFunctionShape: 'ovr' | 'ovo';
  /** Scales C per class: 'balanced', a map {label: weight}, or null (all 1). */
  classWeight: ClassWeight;
}

/** What `SVC.steps` yields: the SMO state of one pair of classes (the only pair, for two classes). */
export interface SVCStep {
  /** Indices into `classes` of the pair being solved (positive = the first, as in libsvm). */
  pair: [number, number];
  iteration: number;
  /** α of every training sample of the pair's two classes, in training order. */
  alpha: number[];
  /** Training indices the α refer to (class a's samples, then class b's, as libsvm orders them). */
  indices: number[];
  violation: number;
  converged: boolean;
}

const defaults: SVCOptions = {
  C: 1, kernel: 'rbf', degree: 3, gamma: 'scale', coef0: 0, tol: 1e-3, maxIter: -1, decisionFunctionShape: 'ovr', classWeight: null,
};

/**
 * Support vector classifier (libsvm's C-SVC): the maximum-margin separator in kernel space,
 * solved by SMO; more than two classes are handled one-vs-one. Fitted as scikit-learn:
 * `support`, `supportVectors`, `nSupport`, `dualCoef`, `intercept`, `classes`.
 */
export class SVC {
  readonly params: Readonly<SVCOptions>;
  /** A classifier without predictProba says so, so cross-validation gives it stratified folds. */
  readonly estimatorType = 'classifier';
  classes?: number[];
  /** Training indices of the support vectors, grouped by class. */
  support?: number[];
  supportVectors?: number[][];
  nSupport?: number[];
  /** y_i α_i per support vector, laid out as libsvm/scikit-learn: (nClasses − 1) × nSV. */
  dualCoef?: number[][];
  /** One per pair of classes. */
  intercept?: number[];
  /** The γ used (after resolving 'scale' / 'auto'). */
  gammaValue?: number;
  /** SMO iterations of each binary problem. */
  nIter?: number[];
  nFeaturesIn?: number;
  private spec?: KernelSpec;
  private pairs?: PairModel[];
  /** The libsvm-signed layout and the support vectors as a Dense matrix, for prediction. */
  private fitted?: { layout: OneVsOneLayout; svData: Dense; svNorms: Float64Array };

  constructor(options: Partial<SVCOptions> = {}) {
    this.params = { ...defaults, ...options };
  }

  /** Solves one SMO problem per pair of classes; sample i's α is boxed by C · sampleWeight_i · classWeight[y_i]. */
  fit(X: MatrixLike, y: VectorLike, sampleWeight?: VectorLike): this {
    runToEnd(this.steps(X, y, 10, sampleWeight));
    return this;
  }

  /**
   * Yields the dual variables every `every` SMO iterations (and when each pair finishes). After
   * each yield the fitted attributes describe the current iterate, so `decisionFunction` draws the
   * margin as it forms.
   */
  *steps(X: MatrixLike, y: VectorLike, every = 10, sampleWeight?: VectorLike): Generator<SVCStep, void, void> {
    const where = 'SVC.fit';
    const rows = toRows(X, where);
    const target = toVector(y, where, { length: rows.length });
    const { C, kernel, degree, gamma, coef0, tol, maxIter } = this.params;
    if (!(C > 0) || !Number.isFinite(C)) fail(where, `C must be a positive number, got ${C}`);
    checkOneOf(kernel, ['linear', 'poly', 'rbf', 'sigmoid'], where, 'kernel');
    checkOneOf(this.params.decisionFunctionShape, ['ovr', 'ovo'], where, 'decisionFunctionShape');
    checkPositiveInt(degree, where, 'degree', 0);
    checkPositiveInt(every, where, 'every');
    if (!(tol > 0)) fail(where, `tol must be > 0, got ${tol}`);
    if (maxIter !== -1) checkPositiveInt(maxIter, where, 'maxIter');
    const { classes, codes } = encodeLabels(target, where);
    const weights = fitWeights(this.params.classWeight, sampleWeight, classes, codes, where);
    const data = denseFromRows(rows);
    const spec: KernelSpec = { kernel, degree, coef0, gamma: resolveGamma(gamma, data, where) };
    this.classes = classes;
    this.nFeaturesIn = data.cols;
    this.spec = spec;
    this.gammaValue = spec.gamma;

    // One binary problem per pair (a, b), a < b, with y = +1 for class a (libsvm's convention).
    const pairs: PairModel[] = [];
    for (let a = 0; a < classes.length; a++) {
      for (let b = a + 1; b < classes.length; b++) {
        // libsvm groups the samples by class before solving; the same order makes SMO's
        // tie-breaks, and so its path, identical. Rows of weight 0 are left out, as libsvm does.
        const indices: number[] = [];
        for (const c of [a, b]) for (let i = 0; i < codes.length; i++) if (codes[i] === c && (!weights || weights[i] > 0)) indices.push(i);
        if (indices.every((i) => codes[i] === a) || indices.every((i) => codes[i] === b)) {
          fail(where, `classes ${classes[a]} and ${classes[b]} need samples of positive weight each; one of them has none`);
        }
        pairs.push({ a, b, indices, coef: new Float64Array(indices.length), rho: 0, nIter: 0 });
      }
    }
    this.pairs = pairs;
    for (const pair of pairs) {
      const sub = denseFromRows(pair.indices.map((i) => rows[i]));
      const ySub = Int8Array.from(pair.indices, (i) => (codes[i] === pair.a ? 1 : -1));
      const { Q, QD } = cachedQ(sub, squaredNorms(sub), ySub, spec);
      const cap = maxIter === -1 ? Math.max(10_000_000, 100 * sub.rows) : maxIter;
      const bounds = Float64Array.from(pair.indices, (i) => C * (weights ? weights[i] : 1));
      for (const s of smo(ySub, Q, QD, bounds, tol, cap, every)) {
        // Store y_i α_i: the coefficient of k(x_i, ·) in this pair's decision function.
        for (let t = 0; t < ySub.length; t++) pair.coef[t] = ySub[t] * s.alpha[t];
        pair.rho = s.rho;
        pair.nIter = s.iteration;
        this.publish(data, codes);
        yield { pair: [pair.a, pair.b], iteration: s.iteration, alpha: Array.from(s.alpha), indices: pair.indices, violation: s.violation, converged: s.converged };
      }
    }
  }

  /**
   * Decision values. Two classes: one value per row, positive for classes[1]. More: 'ovo' gives
   * one column per pair (positive for the pair's first class), 'ovr' one per class (votes plus a
   * confidence in (−⅓, ⅓), as scikit-learn).
   */
  decisionFunction(X: MatrixLike): Decision {
    const ovo = this.pairDecisions(X, 'SVC.decisionFunction');
    const K = this.classes!.length;
    if (K === 2) return ovo.map((row) => -row[0]);
    return this.params.decisionFunctionShape === 'ovo' ? ovo : ovo.map((row) => ovrFromOvo(row, K));
  }

  /** The class with the most one-vs-one votes (ties to the smaller class, as libsvm). */
  predict(X: MatrixLike): number[] {
    const classes = checkFitted(this.classes, 'SVC.predict');
    return this.pairDecisions(X, 'SVC.predict').map((row) => {
      const votes = new Array<number>(classes.length).fill(0);
      this.pairs!.forEach((p, k) => votes[row[k] > 0 ? p.a : p.b]++);
      let best = 0;
      for (let c = 1; c < votes.length; c++) if (votes[c] > votes[best]) best = c;
      return classes[best];
    });
  }

  /** Mean accuracy on (X, y). */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    return accuracy(toVector(y, 'SVC.score', { length: predicted.length }), predicted);
  }

  /** Σ_i y_i α_i k(x_i, x) − ρ of every pair (libsvm's signs: positive for the pair's first class). */
  private pairDecisions(X: MatrixLike, where: string): number[][] {
    const pairs = checkFitted(this.pairs, where);
    const rows = toRows(X, where);
    if (rows[0].length !== this.nFeaturesIn) fail(where, `X has ${rows[0].length} features but the model was fitted on ${this.nFeaturesIn}`);
    const q = denseFromRows(rows), qNorms = squaredNorms(q);
    const { svData, svNorms, layout } = this.fitted!;
    const nSV = layout.support.length;
    const svClass = layout.nSupport.flatMap((count, c) => new Array<number>(count).fill(c));
    const k = new Float64Array(nSV);
    return rows.map((_, r) => {
      kernelRow(this.spec!, q, r, qNorms, svData, svNorms, k);
      return pairs.map((p, m) => {
        // For pair (a, b), SVs of class a keep their coefficient in row b − 1, SVs of class b in row a.
        let sum = layout.intercept[m];
        for (let s = 0; s < nSV; s++) {
          if (svClass[s] === p.a) sum += layout.dualCoef[p.b - 1][s] * k[s];
          else if (svClass[s] === p.b) sum += layout.dualCoef[p.a][s] * k[s];
        }
        return sum;
      });
    });
  }

  /** Sets the scikit-learn-shaped attributes from the pair models' current α. */
  private publish(data: Dense, codes: Int32Array): void {
    const layout = assembleOneVsOne(this.pairs!, this.classes!.length, codes);
    const binary = this.classes!.length === 2;
    this.support = layout.support;
    this.nSupport = layout.nSupport;
    this.nIter = this.pairs!.map((p) => p.nIter);
    // For two classes scikit-learn flips libsvm's signs so that a positive decision means classes[1].
    this.dualCoef = binary ? layout.dualCoef.map((r) => r.map((v) => -v)) : layout.dualCoef;
    this.intercept = binary ? layout.intercept.map((v) => -v) : layout.intercept;
    this.supportVectors = layout.support.map((i) => Array.from(data.data.subarray(i * data.cols, (i + 1) * data.cols)));
    const svData: Dense = { data: Float64Array.from(this.supportVectors.flat()), rows: layout.support.length, cols: data.cols };
    this.fitted = { layout, svData, svNorms: squaredNorms(svData) };
  }
}
