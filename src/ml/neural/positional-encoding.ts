import { fail } from '../core/validate.ts';
/**
 * Sinusoidal positional encoding (Vaswani et al., 2017): PE[pos][2i] = sin(pos / 10000^(2i/d)),
 * PE[pos][2i+1] = cos(pos / 10000^(2i/d)). Each pair of columns is a clock of its own frequency,
 * so nearby positions get similar codes and PE[pos + k] is a rotation of PE[pos].
 */
export function positionalEncoding(maxLen: number, dModel: number): number[][] {
  if (!Number.isInteger(maxLen) || maxLen < 1) fail('positionalEncoding', `maxLen must be a whole number ≥ 1, got ${maxLen}`);
  if (!Number.isInteger(dModel) || dModel < 1) fail('positionalEncoding', `dModel must be a whole number ≥ 1, got ${dModel}`);
  return Array.from({ length: maxLen }, (_, pos) => Array.from({ length: dModel }, (_, j) => {
    const i2 = j - (j % 2); // the 2i shared by columns 2i and 2i+1
    const angle = pos / 10000 ** (i2 / dModel);
    return j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
  }));
}
