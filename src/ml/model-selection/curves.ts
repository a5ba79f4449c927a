import { fail, toVector, type VectorLike } from '../core/validate.ts';
import { checkCV, type CV } from './check-cv.ts';
import { cloneModel } from './clone.ts';
import type { AnyData, PredictorModel } from './model-types.ts';
import { getScorer, type Scoring } from './scoring.ts';
import { asRows, take } from './subset.ts';

/** Scores per setting (rows) and fold (columns). */
export interface CurveScores {
  trainScores: number[][];
  testScores: number[][];
}

/**
 * Train and test scores as the training set grows: for each fold, the model is fitted on the first
 * trainSizes of the training fold (fractions of it, or absolute counts) and scored on the test fold.
 */
export function learningCurve(
  estimator: PredictorModel,
  X: AnyData,
  y: VectorLike,
  options: { trainSizes?: number[]; cv?: CV; scoring?: Scoring } = {},
): CurveScores & { trainSizes: number[] } {
  const where = 'learningCurve';
  const rows = asRows(X, where);
  const target = toVector(y, where, { length: rows.length });
  const folds = [...checkCV(options.cv, estimator).split(rows, target)];
  const nMax = folds[0].train.length;
  const fractions = options.trainSizes ?? [0.1, 0.325, 0.55, 0.775, 1];
  // All values ≤ 1 are fractions of the training fold (truncated, at least 1); otherwise row counts.
  const asFractions = fractions.every((s) => s <= 1);
  const absolute = fractions.map((s) => {
    if (asFractions) {
      if (!(s > 0)) fail(where, `train size fraction ${s} must be in (0, 1]`);
      return Math.max(1, Math.floor(s * nMax));
    }
    if (!Number.isInteger(s) || s < 1 || s > nMax) fail(where, `train size ${s} must be a whole number between 1 and the training fold size ${nMax}`);
    return s;
  });
  const trainSizes = [...new Set(absolute)].sort((a, b) => a - b);
  const scorer = getScorer(options.scoring, where);
  const trainScores = trainSizes.map(() => [] as number[]);
  const testScores = trainSizes.map(() => [] as number[]);
  for (const { train, test } of folds) {
    trainSizes.forEach((size, s) => {
      const subset = train.slice(0, size);
      const model = cloneModel(estimator);
      model.fit(take(rows, subset), take(target, subset));
      trainScores[s].push(scorer(model, take(rows, subset), take(target, subset)));
      testScores[s].push(scorer(model, take(rows, test), take(target, test)));
    });
  }
  return { trainSizes, trainScores, testScores };
}

/** Train and test scores of each value of one option (e.g. a regularisation strength), by cross-validation. */
export function validationCurve(
  estimator: PredictorModel,
  X: AnyData,
  y: VectorLike,
  options: { paramName: string; paramRange: readonly unknown[]; cv?: CV; scoring?: Scoring },
): CurveScores {
  const where = 'validationCurve';
  if (!Array.isArray(options.paramRange) || options.paramRange.length === 0) fail(where, 'paramRange must be a non-empty array of values');
  const rows = asRows(X, where);
  const target = toVector(y, where, { length: rows.length });
  const folds = [...checkCV(options.cv, estimator).split(rows, target)];
  const scorer = getScorer(options.scoring, where);
  const trainScores: number[][] = [];
  const testScores: number[][] = [];
  for (const value of options.paramRange) {
    const tr: number[] = [];
    const te: number[] = [];
    for (const { train, test } of folds) {
      const model = cloneModel(estimator, { [options.paramName]: value });
      model.fit(take(rows, train), take(target, train));
      tr.push(scorer(model, take(rows, train), take(target, train)));
      te.push(scorer(model, take(rows, test), take(target, test)));
    }
    trainScores.push(tr);
    testScores.push(te);
  }
  return { trainScores, testScores };
}
