import { describe, expect, it } from 'vitest';
import { stepperText } from '../../src/ui/output/stepper-text.ts';

describe('stepperText', () => {
  it('counts from 0 like the value a cell gets, up to the last step', () => {
    expect(stepperText(0, 14)).toBe('step 0 of 13');
    expect(stepperText(60, 61)).toBe('step 60 of 60');
  });

  it('shows the value a step stands for first, when the stepper has values', () => {
    expect(stepperText(6, 11, ['1', '2', '4', '8', '16', '32', '64', '128', '256', '512', '1024'])).toBe('64 (step 6 of 10)');
  });
});
