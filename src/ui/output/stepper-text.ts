/**
 * What a stepper shows next to its slider and what a screen reader hears for it (the same text):
 * the step is 0-based like the value a cell gets, so "step 0 of 13" sits next to a figure titled
 * "step 0"; a stepper over values shows the value first: "64 (step 6 of 10)".
 */
export function stepperText(step: number, count: number, values?: readonly string[]): string {
  const position = `step ${step} of ${count - 1}`;
  const value = values?.[step];
  return value === undefined ? position : `${value} (${position})`;
}
