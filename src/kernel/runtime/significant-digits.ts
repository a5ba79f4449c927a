/** A number as short text: integers as they are, others to `digits` significant digits without float noise (0.30000000000000004 → "0.3"). */
export function withSignificantDigits(x: number, digits: number): string {
  return Number.isInteger(x) ? String(x) : String(Number.parseFloat(x.toPrecision(digits)));
}
