/**
 * The few dense products LoRA needs, on plain row-major arrays. ml-matrix's `mmul` reads every
 * entry through a checked `get`, which makes a 32 × 24 × 24 product ~15× slower than these loops;
 * training takes thousands of such products per control move.
 */
type Rows = readonly (readonly number[])[];

/** (PQ)ᵢⱼ = Σₗ Pᵢₗ Qₗⱼ. The inner loop walks a row of Q, so memory is read in order. */
export function matmul(P: Rows, Q: Rows): number[][] {
  const m = Q[0]?.length ?? 0;
  return P.map((p) => {
    const row = new Array<number>(m).fill(0);
    for (let l = 0; l < p.length; l++) {
      const pl = p[l];
      if (pl === 0) continue;
      const q = Q[l];
      for (let j = 0; j < m; j++) row[j] += pl * q[j];
    }
    return row;
  });
}

/** P Qᵀ: (PQᵀ)ᵢⱼ = Σₗ Pᵢₗ Qⱼₗ, a dot product of row i of P with row j of Q; Qᵀ is never built. */
export function matmulTransposed(P: Rows, Q: Rows): number[][] {
  return P.map((p) => Q.map((q) => {
    let sum = 0;
    for (let l = 0; l < p.length; l++) sum += p[l] * q[l];
    return sum;
  }));
}

/** Pᵀ Q: (PᵀQ)ᵢⱼ = Σₗ Pₗᵢ Qₗⱼ, accumulated one row l of P and Q at a time; Pᵀ is never built. */
export function transposedMatmul(P: Rows, Q: Rows): number[][] {
  const rows = P[0]?.length ?? 0;
  const m = Q[0]?.length ?? 0;
  const out = Array.from({ length: rows }, () => new Array<number>(m).fill(0));
  P.forEach((p, l) => {
    const q = Q[l];
    for (let i = 0; i < rows; i++) {
      const pi = p[i];
      const row = out[i];
      for (let j = 0; j < m; j++) row[j] += pi * q[j];
    }
  });
  return out;
}

/** Pᵀ, a new array. */
export function transpose(P: Rows): number[][] {
  const columns = P[0]?.length ?? 0;
  return Array.from({ length: columns }, (_, j) => P.map((row) => row[j]));
}

/** P + c·Q, a new array. */
export function addScaled(P: Rows, c: number, Q: Rows): number[][] {
  return P.map((row, i) => row.map((v, j) => v + c * Q[i][j]));
}

/** c·P, a new array. */
export function scaled(c: number, P: Rows): number[][] {
  return P.map((row) => row.map((v) => c * v));
}

/** ‖P‖_F = √(Σᵢⱼ Pᵢⱼ²). */
export function frobeniusNorm(P: Rows): number {
  let sum = 0;
  for (const row of P) for (const v of row) sum += v * v;
  return Math.sqrt(sum);
}
