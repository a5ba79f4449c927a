import { fail } from '../core/validate.ts';
/** How the learning rate moves during training. */
export type LearningRateSchedule = 'constant' | 'cosine';

/**
 * The learning rate at optimisation step `step` (0-based) of `totalSteps`: a linear warm-up from
 * base/warmup to base over the first `warmup` steps, then constant, or cosine decay to 0:
 * lr = base · ½(1 + cos(π · progress)).
 */
export function learningRateAt(step: number, totalSteps: number, options: { learningRate: number; schedule?: LearningRateSchedule; warmup?: number }): number {
  const { learningRate: base, schedule = 'constant', warmup = 0 } = options;
  if (step < warmup) return (base * (step + 1)) / warmup;
  if (schedule === 'constant') return base;
  if (schedule !== 'cosine') fail('learningRateAt', `schedule must be 'constant' or 'cosine', got ${JSON.stringify(schedule)}`);
  const progress = totalSteps > warmup ? (step - warmup) / (totalSteps - warmup) : 1;
  return base * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress)));
}
