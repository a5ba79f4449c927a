declare module 'virtual:stepwise-runtime' {
  /** The sandbox runtime as one classic script (see src/kernel/build/runtime-plugin.ts). */
  const source: string;
  export default source;
}
