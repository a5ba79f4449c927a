import type { Random } from '../core/random.ts';
import { fail } from '../core/validate.ts';

/** A window of token ids with some of them hidden, and which ones: the masked-token objective's input. */
export interface MaskedTokens {
  /** The ids with every chosen position replaced by the mask id. */
  inputs: number[];
  /** The hidden positions, ascending: the only places where the model is scored. */
  positions: number[];
}

/**
 * Hides round(rate·n) positions of `ids` (at least one) chosen by a seeded generator, for a BERT-style
 * masked-token objective: the model sees the rest of the window on both sides and must recover the
 * hidden ids. BERT replaces 80 % of the chosen tokens with [MASK], 10 % with a random token and leaves
 * 10 % as they are, so the model cannot rely on seeing [MASK]; here every chosen token becomes the
 * mask, which keeps the picture of "what is predicted where" exact.
 */
export function maskRandomTokens(ids: readonly number[], options: { maskId: number; random: Random; rate?: number }): MaskedTokens {
  const { maskId, random, rate = 0.15 } = options;
  if (ids.length === 0) fail('maskRandomTokens', 'ids must hold at least one token');
  if (!(rate > 0 && rate <= 1)) fail('maskRandomTokens', `rate must be in (0, 1], got ${rate}`);
  const count = Math.max(1, Math.round(rate * ids.length));
  const positions = random.sample(ids.length, count).sort((a, b) => a - b);
  const inputs = ids.slice();
  for (const p of positions) inputs[p] = maskId;
  return { inputs, positions };
}
