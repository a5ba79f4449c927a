import { describe, expect, it } from 'vitest';
import {
  accuracyScore, averagePrecisionScore, auc, balancedAccuracyScore, brierScoreLoss, calibrationCurve, classificationReport,
  confusionMatrix, f1Score, fbetaScore, hingeLoss, logLoss, precisionRecallCurve, precisionRecallFscoreSupport,
  precisionScore, recallScore, rocAucScore, rocCurve, specificityScore,
} from '../../src/ml/index.ts';
import type { Label } from '../../src/ml/metrics/labels.ts';
import fixture from './fixtures/metrics.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

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
    // Three classes and one score per row: scikit-learn refuses too (it needs multi_class).
    expect(() => rocAucScore([0, 1, 2, 2], [0.1, 0.5, 0.9, 0.8])).toThrow('rocAucScore: yTrue has 3 classes but yScore is one score per row');
    expectClose(rocAucScore([0, 1, 2, 2], [0.1, 0.5, 0.9, 0.8], { posLabel: 2 }), 1, 1e-12);
    // Labels none of which are in yTrue (e.g. numbers for class names) are an error, as in scikit-learn.
    expect(() => confusionMatrix(['a', 'b'], ['a', 'a'], { labels: ['c'] })).toThrow('confusionMatrix: none of labels ["c"] occurs in yTrue');
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

describe('string labels (class names)', () => {
  const s = c.strings;

  it('accuracyScore, balancedAccuracyScore and confusionMatrix match scikit-learn on class names', () => {
    expectClose(accuracyScore(s.yTrue, s.yPred), s.accuracy, 1e-12);
    expect(accuracyScore(s.yTrue, s.yPred, { normalize: false })).toBe(s.accuracyCount);
    // 'Dog' is only predicted: scikit-learn leaves it out of the mean recall, and so do we.
    expectClose(balancedAccuracyScore(s.yTrue, s.yPred), s.balancedAccuracy, 1e-12);
    expect(confusionMatrix(s.yTrue, s.yPred)).toEqual(s.confusion);
    expect(confusionMatrix(s.yTrue, s.yPred, { labels: s.labels })).toEqual(s.confusionLabels);
    expectClose(confusionMatrix(s.yTrue, s.yPred, { normalize: 'true' }), s.confusionTrue, 1e-12);
    expect(confusionMatrix(s.bTrue, s.bPred)).toEqual(s.binary.confusion);
  });

  it('labels sort by code unit as numpy sorts them, so the capitalised "Dog" comes first', () => {
    expect(s.classes).toEqual(['Dog', 'ant', 'bee', 'cat']);
    expect(precisionRecallFscoreSupport(s.yTrue, s.yPred).labels).toEqual(s.classes);
    expect(classificationReport(s.yTrue, s.yPred).classes.map((row) => row.label)).toEqual(s.classes);
  });

  it('precision, recall and F scores match scikit-learn per class, with labels, averaged and binary with posLabel', () => {
    const r = precisionRecallFscoreSupport(s.yTrue, s.yPred);
    expectClose([r.precision, r.recall, r.fScore, r.support], s.prfs, 1e-12);
    const l = precisionRecallFscoreSupport(s.yTrue, s.yPred, { labels: s.labels });
    expect(l.labels).toEqual(s.labels);
    expectClose([l.precision, l.recall, l.fScore, l.support], s.prfsLabels, 1e-12);
    for (const average of ['macro', 'micro', 'weighted'] as const) {
      const ref = s.averages[average];
      expectClose(precisionScore(s.yTrue, s.yPred, { average }), ref.precision, 1e-12);
      expectClose(recallScore(s.yTrue, s.yPred, { average }), ref.recall, 1e-12);
      expectClose(f1Score(s.yTrue, s.yPred, { average }), ref.f1, 1e-12);
      expectClose(fbetaScore(s.yTrue, s.yPred, { average, beta: 0.5 }), ref.f05, 1e-12);
    }
    const b = s.binary;
    expectClose(precisionScore(s.bTrue, s.bPred, { posLabel: 'spam' }), b.precision, 1e-12);
    expectClose(recallScore(s.bTrue, s.bPred, { posLabel: 'spam' }), b.recall, 1e-12);
    expectClose(f1Score(s.bTrue, s.bPred, { posLabel: 'spam' }), b.f1, 1e-12);
    expectClose(fbetaScore(s.bTrue, s.bPred, { posLabel: 'spam', beta: 2 }), b.f2, 1e-12);
    expectClose(recallScore(s.bTrue, s.bPred, { posLabel: 'ham' }), b.recallHam, 1e-12);
    // Specificity of 'spam' is the recall of 'ham'.
    expectClose(specificityScore(s.bTrue, s.bPred, { posLabel: 'spam' }), b.recallHam, 1e-12);
  });

  it('classificationReport keys its rows by the class names and matches scikit-learn', () => {
    const report = classificationReport(s.yTrue, s.yPred);
    const ref = s.report as unknown as Record<string, Record<string, number>>;
    for (const row of report.classes) {
      const e = ref[row.label];
      expectClose([row.precision, row.recall, row.f1Score, row.support], [e.precision, e.recall, e['f1-score'], e.support], 1e-12);
    }
    expectClose(report.accuracy, s.report.accuracy, 1e-12);
    const avg = (r: { precision: number; recall: number; f1Score: number; support: number }) => [r.precision, r.recall, r.f1Score, r.support];
    expectClose(avg(report.macroAvg), avg({ ...s.report['macro avg'], f1Score: s.report['macro avg']['f1-score'] }), 1e-12);
    expectClose(avg(report.weightedAvg), avg({ ...s.report['weighted avg'], f1Score: s.report['weighted avg']['f1-score'] }), 1e-12);
  });

  it('rocCurve, rocAucScore, precisionRecallCurve and averagePrecisionScore take posLabel as a class name', () => {
    const r = rocCurve(s.bTrue, s.bScore, { posLabel: 'spam' });
    expectClose([r.fpr, r.tpr, r.thresholds], s.roc, 1e-12);
    // scikit-learn 1.2's roc_auc_score has no pos_label: its positive class is the greater label, 'spam'.
    expectClose(rocAucScore(s.bTrue, s.bScore), s.rocAuc, 1e-12);
    expectClose(rocAucScore(s.bTrue, s.bScore, { posLabel: 'ham' }), 1 - s.rocAuc, 1e-12);
    expectClose(rocAucScore(s.yTrue, s.proba, { multiClass: 'ovr' }), s.rocAucOvr, 1e-12);
    expectClose(rocAucScore(s.yTrue, s.proba, { multiClass: 'ovo' }), s.rocAucOvo, 1e-12);
    const pr = precisionRecallCurve(s.bTrue, s.bScore, { posLabel: 'spam' });
    expectClose([pr.precision, pr.recall, pr.thresholds], s.pr, 1e-12);
    expectClose(averagePrecisionScore(s.bTrue, s.bScore, { posLabel: 'spam' }), s.averagePrecision, 1e-12);
    expectClose(averagePrecisionScore(s.bTrue, s.bScore.map((v) => 1 - v), { posLabel: 'ham' }), s.averagePrecisionHam, 1e-12);
  });

  it('logLoss, hingeLoss, brierScoreLoss and calibrationCurve match scikit-learn on class names', () => {
    expectClose(logLoss(s.bTrue, s.bScore), s.logLossBinary, 1e-12);
    expectClose(logLoss(['spam', 'spam', 'spam', 'spam', 'spam'], s.bScore.slice(0, 5), { labels: ['ham', 'spam'] }), s.logLossOneClass, 1e-12);
    expectClose(logLoss(s.yTrue, s.proba), s.logLoss, 1e-12);
    expectClose(logLoss(s.yTrue, s.proba4, { labels: ['Dog', 'ant', 'bee', 'cat'] }), s.logLoss4, 1e-12);
    expectClose(hingeLoss(s.bTrue, s.bScore.map((v) => v - 0.5)), s.hinge, 1e-12);
    expectClose(hingeLoss(s.yTrue, s.decision), s.hinge3, 1e-12);
    expectClose(brierScoreLoss(s.bTrue, s.bScore, { posLabel: 'spam' }), s.brier, 1e-12);
    const u = calibrationCurve(s.bTrue, s.bScore, { nBins: 5, posLabel: 'spam' });
    expectClose([u.probTrue, u.probPred], s.calibration, 1e-12);
    expect(() => logLoss(['ham', 'eggs'], [0.5, 0.5], { labels: ['ham', 'spam'] }))
      .toThrow('logLoss: yTrue[1] = "eggs" is not one of the labels ["ham", "spam"]');
  });

  it('mixing strings and numbers is an error that names the function, the argument and two of the values', () => {
    const mixed: Label[] = ['cat', 'dog', 'cat', 1];
    expect(() => confusionMatrix(mixed, ['cat', 'cat', 'cat', 'cat']))
      .toThrow('confusionMatrix: yTrue mixes strings and numbers (yTrue[0] is "cat", yTrue[3] is 1); use one kind of label');
    expect(() => accuracyScore(['a', 'b'], [2, 'b'] as Label[]))
      .toThrow('accuracyScore: yPred mixes strings and numbers (yPred[0] is 2, yPred[1] is "b"); use one kind of label');
    expect(() => rocCurve(['1', 0] as Label[], [0.2, 0.8], { posLabel: '1' }))
      .toThrow('rocCurve: yTrue mixes strings and numbers (yTrue[0] is "1", yTrue[1] is 0)');
    // The generic signatures already reject this at compile time; plain JavaScript gets the runtime error.
    // @ts-expect-error yTrue holds strings, yPred numbers
    expect(() => f1Score(['ham', 'spam'], [0, 1])).toThrow(
      'f1Score: yTrue holds strings but yPred holds numbers (yTrue[0] is "ham", yPred[0] is 0); use one kind of label for both',
    );
    expect(() => accuracyScore(['a', null] as unknown as Label[], ['a', 'a']))
      .toThrow('accuracyScore: yTrue[1] is null; labels must be all strings or all finite numbers');
    expect(() => accuracyScore([0, NaN], [0, 1])).toThrow('accuracyScore: yTrue[1] is NaN, expected a finite number');
  });

  it('a binary problem on class names needs posLabel, since no name is positive by default', () => {
    expect(() => precisionScore(s.bTrue, s.bPred))
      .toThrow('precisionScore: yTrue and yPred have labels ["ham", "spam"]; pass posLabel to say which one is positive');
    expect(() => rocCurve(s.bTrue, s.bScore))
      .toThrow('rocCurve: yTrue has labels ["ham", "spam"]; pass posLabel to say which one is positive');
    expect(() => brierScoreLoss(s.bTrue, s.bScore))
      .toThrow('brierScoreLoss: yTrue has labels ["ham", "spam"]; pass posLabel to say which one is positive');
    expect(() => recallScore(s.bTrue, s.bPred, { posLabel: 'eggs' }))
      .toThrow('recallScore: posLabel "eggs" is not one of the labels ["ham", "spam"]; pass posLabel');
  });
});
