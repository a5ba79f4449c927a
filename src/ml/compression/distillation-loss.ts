// Knowledge distillation loss (Hinton, Vinyals & Dean 2015), averaged over a batch:
//   L = α·CE(y, softmax(s)) + (1 − α)·T²·KL(softmax(t/T) ‖ softmax(s/T))
// s: student logits, t: teacher logits, y: hard labels, T: temperature. The T² keeps the soft
// term's gradient the same size as T changes: ∂KL/∂s = (p_s^T − p_t^T)/T, and for large T the
// difference itself is about (s − t)/(K·T), so without T² the gradient would fall like 1/T².

export interface DistillationOptions {
  /** T ≥ 1 flattens both distributions; T = 1 is the plain softmax. */
  temperature: number;
  /** Weight of the hard-label cross-entropy; 1 − α goes to the soft term. */
  alpha: number;
}

export interface DistillationResult {
  loss: number;
  /** Mean cross-entropy with the hard labels (at T = 1). */
  hardLoss: number;
  /** Mean KL(p_teacher^T ‖ p_student^T), without the T² factor. */
  softLoss: number;
  /** ∂L/∂s, one row per sample. */
  gradient: number[][];
}

/** softmax(z / T), shifted by the maximum so exp never overflows. */
export function temperatureSoftmax(logits: readonly number[], temperature: number): number[] {
  if (!(temperature > 0)) throw new RangeError(`temperatureSoftmax: temperature must be > 0, got ${temperature}`);
  const out = new Array<number>(logits.length);
  softmaxInto(logits, temperature, out);
  return out;
}

/** Writes softmax(z / T) into `out`: the loss below calls it three times per sample, so it allocates nothing. */
function softmaxInto(logits: readonly number[], temperature: number, out: number[]): void {
  let top = -Infinity;
  for (const z of logits) if (z > top) top = z;
  let sum = 0;
  for (let k = 0; k < logits.length; k++) {
    out[k] = Math.exp((logits[k] - top) / temperature);
    sum += out[k];
  }
  for (let k = 0; k < logits.length; k++) out[k] /= sum;
}

export function distillationLoss(
  studentLogits: readonly (readonly number[])[],
  teacherLogits: readonly (readonly number[])[],
  labels: readonly number[],
  options: DistillationOptions,
): DistillationResult {
  const { temperature: T, alpha } = options;
  const n = studentLogits.length;
  if (teacherLogits.length !== n || labels.length !== n) {
    throw new RangeError(`distillationLoss: ${n} student rows, ${teacherLogits.length} teacher rows and ${labels.length} labels must agree`);
  }
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`distillationLoss: alpha must be in [0, 1], got ${alpha}`);
  if (!(T > 0)) throw new RangeError(`distillationLoss: temperature must be > 0, got ${T}`);
  let hardLoss = 0, softLoss = 0;
  const classes = n > 0 ? studentLogits[0].length : 0;
  const p = new Array<number>(classes), pStudent = new Array<number>(classes), pTeacher = new Array<number>(classes);
  const gradient: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const s = studentLogits[i];
    softmaxInto(s, 1, p);
    softmaxInto(s, T, pStudent);
    softmaxInto(teacherLogits[i], T, pTeacher);
    hardLoss -= Math.log(Math.max(p[labels[i]], 1e-300));
    const row = new Array<number>(classes);
    for (let k = 0; k < classes; k++) {
      // KL(q ‖ p) = Σ q log(q / p); a term with q = 0 contributes 0.
      if (pTeacher[k] > 0) softLoss += pTeacher[k] * Math.log(pTeacher[k] / pStudent[k]);
      // ∂CE/∂s = p − onehot(y); ∂(T²·KL)/∂s = T·(p_s^T − p_t^T).
      row[k] = (alpha * (p[k] - (k === labels[i] ? 1 : 0)) + (1 - alpha) * T * (pStudent[k] - pTeacher[k])) / n;
    }
    gradient[i] = row;
  }
  hardLoss /= n;
  softLoss /= n;
  return { loss: alpha * hardLoss + (1 - alpha) * T * T * softLoss, hardLoss, softLoss, gradient };
}
