/**
 * TensorFlow.js for the sandbox runtime, evaluated the first time a notebook touches it. It is
 * most of the runtime's code, and most notebooks never use it: evaluated at boot, it was ~0.4 s
 * of every kernel's start (the first figure of a page, the headless runner's start) for nothing.
 * In the runtime bundles, every `import * as tf from '@tensorflow/tfjs'` of the library and the
 * runtime is served this module's `tf` (kernel/build/lazy-tfjs-plugin.ts), which evaluates
 * TensorFlow.js, built apart, through virtual:stepwise-tfjs. Outside the bundles (the
 * unit tests) nothing imports this module and the library imports TensorFlow.js as usual.
 */
import type * as Tfjs from '@tensorflow/tfjs';
import { evaluateTfjs } from 'virtual:stepwise-tfjs';

let loaded: typeof Tfjs | undefined;

/** Whether a notebook has used TensorFlow.js yet (until then it holds no tensors). */
export function tfjsLoaded(): boolean {
  return loaded !== undefined;
}

function load(): typeof Tfjs {
  loaded ??= evaluateTfjs() as typeof Tfjs;
  return loaded;
}

/**
 * Stands for the TensorFlow.js namespace: any use of it (`tf.tensor`, `tf.layers.dense`, a cell's
 * `import * as tf`, even `'tensor' in tf`) evaluates TensorFlow.js first and is then answered by it.
 */
export const tf = new Proxy({} as typeof Tfjs, {
  get: (_, key) => Reflect.get(load(), key),
  has: (_, key) => Reflect.has(load(), key),
  ownKeys: () => Reflect.ownKeys(load()),
  // A proxy may not call a property non-configurable that its (empty) target lacks.
  getOwnPropertyDescriptor: (_, key) => {
    const found = Reflect.getOwnPropertyDescriptor(load(), key);
    return found && { ...found, configurable: true };
  },
});
