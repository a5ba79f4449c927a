declare module 'virtual:stepwise-tfjs' {
  /** Evaluates TensorFlow.js, set up for the sandbox (runtime/tfjs-entry.ts), and returns its namespace (see src/kernel/build/lazy-tfjs-plugin.ts). */
  export function evaluateTfjs(): unknown;
}
