// Knowledge distillation loss (Hinton, Vinyals & Dean 2015), averaged over a batch:
//   L = α·CE(y, softmax(s)) + (1 − α)·T²·KL(softmax(t/T) ‖ softmax(s/T))
// s: student logits, t: teacher logits, y: hard labels, T: temperature. The T² keeps the soft
// term's gradient the same size as T changes (its gradient carries a 1/T).

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
  const top = Math.max(...logits);
  const e = logits.map((z) => Math.exp((z - top) / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
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
  let hardLoss = 0, softLoss = 0;
  const gradient = studentLogits.map((s, i) => {
    const p = temperatureSoftmax(s, 1);
    const pStudent = temperatureSoftmax(s, T);
    const pTeacher = temperatureSoftmax(teacherLogits[i], T);
    hardLoss -= Math.log(Math.max(p[labels[i]], 1e-300));
    // KL(q ‖ p) = Σ q log(q / p), terms with q = 0 contribute 0.
    pTeacher.forEach((q, k) => { if (q > 0) softLoss += q * Math.log(q / pStudent[k]); });
    // ∂CE/∂s = p − onehot(y); ∂(T²·KL)/∂s = T·(p_s^T − p_t^T).
    return s.map((_, k) => (alpha * (p[k] - (k === labels[i] ? 1 : 0)) + (1 - alpha) * T * (pStudent[k] - pTeacher[k])) / n);
  });
  hardLoss /= n;
  softLoss /= n;
  return { loss: alpha * hardLoss + (1 - alpha) * T * T * softLoss, hardLoss, softLoss, gradient };
}
