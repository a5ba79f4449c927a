import { checkFitted, fail } from '../core/validate.ts';
import { cloneModel, routeParams } from './clone.ts';
import { isClassifier, type AnyData, type Model, type PredictorModel, type TransformerModel } from './model-types.ts';

/** A named step. */
export type Step = [name: string, model: Model];

export interface PipelineParams {
  /** Transformers in order, then the final estimator. */
  steps: Step[];
  /** Options of a step addressed 'step__option', as scikit-learn's set_params (used by GridSearchCV). */
  [stepOption: `${string}__${string}`]: unknown;
}

/**
 * Chains transformers and a final estimator: fit runs fitTransform through every step and fits the
 * last on the result, so preprocessing is learnt inside each cross-validation fold (no leakage).
 * Steps are copied unfitted from `steps`; reach the fitted ones through namedSteps.
 */
export class Pipeline {
  readonly params: Readonly<PipelineParams>;
  /** The pipeline's own (copied) steps. */
  readonly steps: Step[];
  readonly namedSteps: Record<string, Model>;
  private fitted = false;

  constructor(params: PipelineParams) {
    const where = 'Pipeline';
    if (!params || !Array.isArray(params.steps) || params.steps.length === 0) {
      fail(where, 'steps must be a non-empty array of [name, model] pairs, e.g. [["scale", new StandardScaler()], ["model", model]]');
    }
    const names = params.steps.map((s) => s[0]);
    names.forEach((name, i) => {
      if (typeof name !== 'string' || name.includes('__')) fail(where, `step ${i} name ${JSON.stringify(name)} must be a string without '__'`);
      if (names.indexOf(name) !== i) fail(where, `step name '${name}' is used twice; names must be unique`);
    });
    const { perStep } = routeParams(params as unknown as Record<string, unknown>, names, where);
    this.params = params;
    this.steps = params.steps.map(([name, model]) => [name, cloneModel(model, perStep.get(name) ?? {})]);
    this.namedSteps = Object.fromEntries(this.steps);
    this.steps.slice(0, -1).forEach(([name, model]) => {
      if (typeof (model as TransformerModel).transform !== 'function') {
        fail(where, `step '${name}' has no transform method; every step but the last must be a transformer`);
      }
    });
  }

  /** The last step. */
  get finalEstimator(): Model {
    return this.steps[this.steps.length - 1][1];
  }

  /** The model doing the predicting (see `offers`). */
  get wrapped(): Model {
    return this.finalEstimator;
  }

  /** 'classifier' when the final step is one (so cross-validation stratifies). */
  get estimatorType(): 'classifier' | 'regressor' {
    return isClassifier(this.finalEstimator) ? 'classifier' : 'regressor';
  }

  /** The final step's classes, when it is a classifier. */
  get classes(): number[] | undefined {
    return (this.finalEstimator as PredictorModel).classes;
  }

  /** Fits each transformer on the output of the previous one, then the final estimator. */
  fit(X: AnyData, y?: AnyData): this {
    let Xt = X;
    for (const [, model] of this.steps.slice(0, -1)) {
      const t = model as TransformerModel;
      Xt = typeof t.fitTransform === 'function' ? t.fitTransform(Xt, y) : (t.fit(Xt, y), t.transform(Xt));
    }
    this.finalEstimator.fit(Xt, y);
    this.fitted = true;
    return this;
  }

  /** X passed through every fitted transformer (not the final step). */
  private transformUpToFinal(X: AnyData, where: string): AnyData {
    checkFitted(this.fitted || undefined, where);
    let Xt = X;
    for (const [, model] of this.steps.slice(0, -1)) Xt = (model as TransformerModel).transform(Xt);
    return Xt;
  }

  /** The final step's method, bound; a clear error when the final step lacks it. */
  private final(method: 'predict' | 'predictProba' | 'decisionFunction' | 'score' | 'transform', where: string) {
    const model = this.finalEstimator as unknown as Record<string, unknown>;
    if (typeof model[method] !== 'function') fail(where, `the final step '${this.steps[this.steps.length - 1][0]}' has no ${method} method`);
    return (model[method] as (...args: AnyData[]) => AnyData).bind(model);
  }

  predict(X: AnyData): number[] {
    const where = 'Pipeline.predict';
    return this.final('predict', where)(this.transformUpToFinal(X, where));
  }

  predictProba(X: AnyData): number[][] {
    const where = 'Pipeline.predictProba';
    return this.final('predictProba', where)(this.transformUpToFinal(X, where));
  }

  decisionFunction(X: AnyData): number[] | number[][] {
    const where = 'Pipeline.decisionFunction';
    return this.final('decisionFunction', where)(this.transformUpToFinal(X, where));
  }

  /** The final step's score on the transformed X. */
  score(X: AnyData, y: AnyData): number {
    const where = 'Pipeline.score';
    return this.final('score', where)(this.transformUpToFinal(X, where), y);
  }

  /** When the final step is a transformer too: X through every step. */
  transform(X: AnyData): number[][] {
    const where = 'Pipeline.transform';
    return this.final('transform', where)(this.transformUpToFinal(X, where));
  }

  fitTransform(X: AnyData, y?: AnyData): number[][] {
    return this.fit(X, y).transform(X);
  }
}
