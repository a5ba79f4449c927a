/**
 * Runs a step generator to its end and returns what it returns. An estimator's `fit` is its
 * `steps()` run to the end, so a fitted model is exactly the last state a learner steps to.
 */
export function runToEnd<Result>(steps: Iterator<unknown, Result>): Result {
  let result = steps.next();
  while (!result.done) result = steps.next();
  return result.value;
}
