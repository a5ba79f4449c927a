import { describe, expect, it } from 'vitest';
import {
  accuracyScore, averagePrecisionScore, auc, balancedAccuracyScore, brierScoreLoss, calibrationCurve, classificationReport,
  confusionMatrix, f1Score, fbetaScore, hingeLoss, logLoss, precisionRecallCurve, precisionRecallFscoreSupport,
  precisionScore, recallScore, rocAucScore, rocCurve, specificityScore,
} from '../../src/ml/index.ts';
import fixture from './fixtures/a-metrics.json' with { type: 'json' };
import { expectClose } from './fixtures/b-close.ts';

const c = fixture.classification;

describe('accuracy and confusion matrix', () => {
  it('accuracyScore and balancedAccuracyScore match scikit-learn', () => {
    expect(accuracyScore(c.yTrue, c.yPred)).toBeCloseTo(c.accuracy, 12);
    expect(accuracyScore(c.yTrue, c.yPred, { normalize: false })).toBe(c.accuracyCount);
    expectClose(balancedAccuracyScore(c.y3True, c.y3Pred), c.balancedAccuracy3, 1e-12);
    expectClose(balancedAccuracyScore(c.y3True, c.y3Pred, { adjusted: true }), c.balancedAccuracy3Adjusted, 1e-12);
  });

  it('confusionMatrix matches scikit-learn with labels and every normalize mode', () => {
    expect(confusionMatrix(c.yTrue, c.yPred)).toEqual(c.confusion);
    expect(confusionMatrix(c.y3True, c.y3Pred)).toEqual(c.confusion3);
    expect(confusionMatrix(c.y3True, c.y3Pred, { labels: [2, 0] })).toEqual(c.confusion3Labels);
    expectClose(confusionMatrix(c.y3True, c.y3Pred, { normalize: 'true' }), c.confusion3True, 1e-12);
    expectClose(confusionMatrix(c.y3True, c.y3Pred, { normalize: 'pred' }), c.confusion3Pred, 1e-12);
    expectClose(confusionMatrix(c.y3True, c.y3Pred, { normalize: 'all' }), c.confusion3All, 1e-12);
  });

  it('confusionMatrix entries sum to the number of samples and the diagonal to the correct ones', () => {
    const C = confusionMatrix(c.y3True, c.y3Pred);
    const total = C.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(c.y3True.length);
    expect(C[0][0] + C[1][1] + C[2][2]).toBe(accuracyScore(c.y3True, c.y3Pred, { normalize: false }));
  });
});

describe('precision, recall and F scores', () => {
  it('binary precisionScore, recallScore, f1Score, fbetaScore and specificityScore match scikit-learn', () => {
    const b = c.binary;
    expectClose(precisionScore(c.yTrue, c.yPred), b.precision, 1e-12);
    expectClose(recallScore(c.yTrue, c.yPred), b.recall, 1e-12);
    expectClose(f1Score(c.yTrue, c.yPred), b.f1, 1e-12);
    expectClose(fbetaScore(c.yTrue, c.yPred, { beta: 2 }), b.f2, 1e-12);
    expectClose(precisionScore(c.yTrue, c.yPred, { posLabel: 0 }), b.precisionPos0, 1e-12);
    // Specificity of class 1 is the recall of class 0.
    expectClose(specificityScore(c.yTrue, c.yPred), b.specificity, 1e-12);
  });

  for (const average of ['macro', 'micro', 'weighted'] as const) {
    it(`multiclass scores with average '${average}' match scikit-learn`, () => {
      const ref = c.averages[average];
      expectClose(precisionScore(c.y3True, c.y3Pred, { average }), ref.precision, 1e-12);
      expectClose(recallScore(c.y3True, c.y3Pred, { average }), ref.recall, 1e-12);
      expectClose(f1Score(c.y3True, c.y3Pred, { average }), ref.f1, 1e-12);
      expectClose(fbetaScore(c.y3True, c.y3Pred, { average, beta: 0.5 }), ref.f05, 1e-12);
      expectClose(specificityScore(c.y3True, c.y3Pred, { average }), c.specificity3[average], 1e-12);
    });
  }

  it('micro-averaged precision, recall and F1 all equal accuracy for single-label multiclass', () => {
    const acc = accuracyScore(c.y3True, c.y3Pred);
    for (const f of [precisionScore, recallScore, f1Score]) expectClose(f(c.y3True, c.y3Pred, { average: 'micro' }), acc, 1e-12);
  });

  it('precisionRecallFscoreSupport and classificationReport match scikit-learn per class', () => {
    const r = precisionRecallFscoreSupport(c.y3True, c.y3Pred, { beta: 0.5 });
    expectClose([r.precision, r.recall, r.fScore, r.support], c.prfs, 1e-12);
    const report = classificationReport(c.y3True, c.y3Pred);
    const ref = c.report as unknown as Record<string, Record<string, number>>;
    for (const row of report.classes) {
      const e = ref[String(row.label)];
      expectClose([row.precision, row.recall, row.f1Score, row.support], [e.precision, e.recall, e['f1-score'], e.support], 1e-12);
    }
    expectClose(report.accuracy, c.report.accuracy, 1e-12);
    const avg = (r: { precision: number; recall: number; f1Score: number }) => [r.precision, r.recall, r.f1Score];
    expectClose(avg(report.macroAvg), avg({ ...c.report['macro avg'], f1Score: c.report['macro avg']['f1-score'] }), 1e-12);
    expectClose(avg(report.weightedAvg), avg({ ...c.report['weighted avg'], f1Score: c.report['weighted avg']['f1-score'] }), 1e-12);
  });

  it('precisionScore explains a binary average on multiclass labels, an unknown posLabel and bad average', () => {
    expect(() => precisionScore(c.y3True, c.y3Pred)).toThrow("precisionScore: yTrue and yPred have 3 labels [0, 1, 2]; average 'binary' needs 2");
    expect(() => recallScore([3, 4, 3], [3, 3, 4])).toThrow('recallScore: posLabel 1 is not one of the labels [3, 4]');
    expect(() => f1Score([0, 1], [0, 1], { average: 'samples' as never })).toThrow("f1Score: average must be one of 'binary', 'macro', 'micro', 'weighted'");
    expect(() => accuracyScore([0, 1], [0])).toThrow('accuracyScore: yTrue has 2 values but yPred has 1; they must match');
  });

  it('precisionScore returns zeroDivision when nothing is predicted positive', () => {
    expect(precisionScore([1, 0, 1], [0, 0, 0])).toBe(0);
    expect(precisionScore([1, 0, 1], [0, 0, 0], { zeroDivision: 1 })).toBe(1);
  });
});

describe('ranking curves', () => {
  it('rocCurve matches scikit-learn 1.2 thresholds with and without dropIntermediate', () => {
    const r = rocCurve(c.yTrue, c.score);
    expectClose([r.fpr, r.tpr, r.thresholds], c.roc, 1e-12);
    const all = rocCurve(c.yTrue, c.score, { dropIntermediate: false });
    expectClose([all.fpr, all.tpr, all.thresholds], c.rocAll, 1e-12);
  });

  it('rocAucScore matches scikit-learn for binary, one-vs-rest and one-vs-one', () => {
    expectClose(rocAucScore(c.yTrue, c.score), c.rocAuc, 1e-12);
    expectClose(rocAucScore(c.y3True, c.proba3), c.rocAucOvr, 1e-12);
    expectClose(rocAucScore(c.y3True, c.proba3, { average: 'weighted' }), c.rocAucOvrWeighted, 1e-12);
    expectClose(rocAucScore(c.y3True, c.proba3, { multiClass: 'ovo' }), c.rocAucOvo, 1e-12);
    expectClose(rocAucScore(c.y3True, c.proba3, { multiClass: 'ovo', average: 'weighted' }), c.rocAucOvoWeighted, 1e-12);
  });

  it('rocAucScore equals the fraction of positive–negative pairs ranked correctly (ties count half)', () => {
    let wins = 0;
    let pairs = 0;
    c.yTrue.forEach((yi, i) => c.yTrue.forEach((yj, j) => {
      if (yi !== 1 || yj !== 0) return;
      pairs++;
      wins += c.score[i] > c.score[j] ? 1 : c.score[i] === c.score[j] ? 0.5 : 0;
    }));
    expectClose(rocAucScore(c.yTrue, c.score), wins / pairs, 1e-12);
  });

  it('auc integrates by trapezoids in either direction and rejects unsorted x', () => {
    expect(auc([0, 1, 2], [0, 1, 1])).toBeCloseTo(1.5, 15);
    expect(auc([2, 1, 0], [1, 1, 0])).toBeCloseTo(1.5, 15);
    expect(() => auc([0, 2, 1], [1, 1, 1])).toThrow('auc: x is neither increasing nor decreasing');
  });

  it('precisionRecallCurve and averagePrecisionScore match scikit-learn 1.2', () => {
    const pr = precisionRecallCurve(c.yTrue, c.score);
    expectClose([pr.precision, pr.recall, pr.thresholds], c.pr, 1e-12);
    expectClose(averagePrecisionScore(c.yTrue, c.score), c.averagePrecision, 1e-12);
  });

  it('rocCurve explains labels without a positive class and a single-class yTrue', () => {
    expect(() => rocCurve([2, 3, 2], [0.1, 0.2, 0.3])).toThrow('rocCurve: yTrue has labels [2, 3]; pass posLabel');
    expect(() => rocCurve([1, 1, 1], [0.1, 0.2, 0.3])).toThrow('rocCurve: yTrue has no negative sample');
    expect(() => rocAucScore([0, 1, 2], [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]])).toThrow('rocAucScore: yTrue has 3 classes but yScore has 2 columns');
  });
});

describe('probabilistic losses and calibration', () => {
  it('logLoss, hingeLoss and brierScoreLoss match scikit-learn', () => {
    expectClose(logLoss(c.yTrue, c.score), c.logLoss, 1e-12);
    expectClose(logLoss(c.y3True, c.proba3), c.logLoss3, 1e-12);
    expectClose(hingeLoss(c.yTrue, c.decision2), c.hinge, 1e-12);
    expectClose(hingeLoss(c.y3True, c.decision3), c.hinge3, 1e-12);
    expectClose(brierScoreLoss(c.yTrue, c.score), c.brier, 1e-12);
  });

  it('logLoss clips a confident wrong probability instead of returning Infinity', () => {
    expect(logLoss([1, 0], [0, 0])).toBeCloseTo(-Math.log(Number.EPSILON) / 2, 6);
    expect(() => logLoss([0, 1, 2], [[1, 0], [0, 1], [0, 1]])).toThrow('logLoss: yProb has 2 columns but there are 3 classes [0, 1, 2]');
    expect(() => brierScoreLoss([0, 1], [0.5, 1.5])).toThrow('brierScoreLoss: yProb[1] = 1.5 is not a probability in [0, 1]');
  });

  it('calibrationCurve matches scikit-learn with uniform and quantile bins', () => {
    const u = calibrationCurve(c.yTrue, c.score, { nBins: 5 });
    expectClose([u.probTrue, u.probPred], c.calibrationUniform, 1e-12);
    const q = calibrationCurve(c.yTrue, c.score, { nBins: 4, strategy: 'quantile' });
    expectClose([q.probTrue, q.probPred], c.calibrationQuantile, 1e-12);
    expect(() => calibrationCurve(c.yTrue, c.score, { nBins: 0 })).toThrow('calibrationCurve: nBins must be an integer ≥ 1, got 0');
  });
});
