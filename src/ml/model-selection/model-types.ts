// Model selection composes estimators whose inputs differ (numeric matrices, categorical tables,
// label vectors), so the composition layer types data loosely and lets each estimator check its own.
export type AnyData = any;

/** Something with scikit-learn's constructor-options shape that can be fitted. */
export interface Model {
  readonly params: object;
  fit(X: AnyData, y?: AnyData): unknown;
}

/** A model with transform (every non-final pipeline step). */
export interface TransformerModel extends Model {
  transform(X: AnyData): number[][];
  fitTransform?(X: AnyData, y?: AnyData): number[][];
}

/** A model with predict (the final step of a pipeline, the estimator a search tunes). */
export interface PredictorModel extends Model {
  predict(X: AnyData): number[];
  score?(X: AnyData, y: AnyData): number;
  predictProba?(X: AnyData): number[][];
  decisionFunction?(X: AnyData): number[] | number[][];
  readonly classes?: number[];
}

/**
 * True for classifiers: they predict labels and get stratified folds (scikit-learn's is_classifier).
 * A classifier has predictProba, or says estimatorType 'classifier' (SVC, LinearSVC), or wraps one.
 */
export function isClassifier(model: object): boolean {
  const m = model as { estimatorType?: string; predictProba?: unknown; wrapped?: object };
  if (m.estimatorType !== undefined) return m.estimatorType === 'classifier';
  if (m.wrapped !== undefined) return isClassifier(m.wrapped);
  return typeof m.predictProba === 'function';
}

/**
 * Whether calling `method` on the model can work (scikit-learn's available_if): a wrapper
 * (Pipeline, search: `wrapped`) has every method, but it only works when the model it wraps has
 * it; a model whose method depends on its options (SGDClassifier's predictProba needs loss
 * 'log_loss') says so with `available(method)`.
 */
export function offers(model: object, method: 'predictProba' | 'decisionFunction'): boolean {
  const m = model as Record<string, unknown> & { wrapped?: object; available?: (method: string) => boolean };
  if (typeof m[method] !== 'function') return false;
  if (typeof m.available === 'function' && !m.available(method)) return false;
  return m.wrapped === undefined || offers(m.wrapped, method);
}
