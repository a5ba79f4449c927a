import { cloneEstimator, type Estimator } from '../core/estimator.ts';
import { fail } from '../core/validate.ts';
import type { Model } from './model-types.ts';

/**
 * A fresh unfitted copy with options changed; 'step__param' keys reach into Pipeline and
 * ColumnTransformer steps (their constructors route them), as scikit-learn's set_params does.
 */
export function cloneModel<M extends Model>(model: M, overrides: Record<string, unknown> = {}): M {
  return cloneEstimator(model as unknown as Estimator, overrides as never) as unknown as M;
}

/**
 * Splits {'a__b': 1, 'c': 2} into the part for each named step ({a: {b: 1}}) and the own part ({c: 2}).
 * Only the first '__' separates, so 'a__b__c' goes to step a as 'b__c' (nested pipelines).
 */
export function routeParams(params: Record<string, unknown>, stepNames: string[], where: string): {
  own: Record<string, unknown>;
  perStep: Map<string, Record<string, unknown>>;
} {
  const own: Record<string, unknown> = {};
  const perStep = new Map<string, Record<string, unknown>>();
  for (const [key, value] of Object.entries(params)) {
    const cut = key.indexOf('__');
    if (cut < 0) {
      own[key] = value;
      continue;
    }
    const step = key.slice(0, cut);
    if (!stepNames.includes(step)) {
      fail(where, `parameter '${key}' names step '${step}', but the steps are ${stepNames.map((s) => `'${s}'`).join(', ')}`);
    }
    const bucket = perStep.get(step) ?? {};
    bucket[key.slice(cut + 2)] = value;
    perStep.set(step, bucket);
  }
  return { own, perStep };
}
