import * as tf from '@tensorflow/tfjs';
import { fail } from '../core/validate.ts';

export type OptimizerName = 'sgd' | 'adam' | 'adamw';

export interface OptimizerOptions {
  /** SGD momentum μ (0 = plain SGD). */
  momentum?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  /** AdamW's decoupled weight decay λ (applied to weight matrices, not biases or norm parameters). */
  weightDecay?: number;
}

/** An optimiser spelled out on tf variables, taking the learning rate at every step (for schedules). */
export interface Optimizer {
  readonly name: OptimizerName;
  step(variables: readonly tf.Variable[], grads: readonly tf.Tensor[], learningRate: number): void;
  /** Frees the moment estimates. */
  dispose(): void;
}

/**
 * SGD (with momentum), Adam, or AdamW with decoupled weight decay (Loshchilov & Hutter, 2019):
 * AdamW shrinks weights by lr·λ·w outside the adaptive step, unlike L2 in the loss, which Adam
 * would rescale. tf.js has no AdamW, and writing all three keeps the update rules visible.
 */
export function createOptimizer(name: OptimizerName, options: OptimizerOptions = {}): Optimizer {
  const { momentum = 0, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8, weightDecay = 0.01 } = options;
  if (!['sgd', 'adam', 'adamw'].includes(name)) fail('createOptimizer', `optimizer must be 'sgd', 'adam' or 'adamw', got ${JSON.stringify(name)}`);
  const slots = new Map<tf.Variable, tf.Variable[]>();
  let t = 0;
  const slotsOf = (v: tf.Variable, count: number) => {
    let s = slots.get(v);
    if (!s) {
      s = Array.from({ length: count }, () => tf.variable(tf.zerosLike(v), false));
      slots.set(v, s);
    }
    return s;
  };
  return {
    name,
    step(variables, grads, lr) {
      t++;
      tf.tidy(() => {
        variables.forEach((w, i) => {
          const g = grads[i];
          if (name === 'sgd') {
            if (momentum === 0) return w.assign(w.sub(g.mul(lr)));
            const [velocity] = slotsOf(w, 1);
            velocity.assign(velocity.mul(momentum).add(g)); // v ← μv + g
            return w.assign(w.sub(velocity.mul(lr))); // w ← w − lr·v
          }
          const [m, v] = slotsOf(w, 2);
          m.assign(m.mul(beta1).add(g.mul(1 - beta1))); // m ← β₁m + (1 − β₁)g
          v.assign(v.mul(beta2).add(g.square().mul(1 - beta2))); // v ← β₂v + (1 − β₂)g²
          const mHat = m.div(1 - beta1 ** t); // bias correction: m and v start at 0
          const vHat = v.div(1 - beta2 ** t);
          let update = mHat.div(vHat.sqrt().add(epsilon));
          if (name === 'adamw' && w.rank >= 2) update = update.add(w.mul(weightDecay)); // decoupled decay: + λw
          w.assign(w.sub(update.mul(lr)));
        });
      });
    },
    dispose() {
      for (const s of slots.values()) s.forEach((v) => v.dispose());
      slots.clear();
    },
  };
}
