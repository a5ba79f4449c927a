declare module 'virtual:stepwise-runtime' {
  /** Resolves to the sandbox runtime as one classic script (see src/kernel/build/runtime-plugin.ts). */
  const loadRuntime: () => Promise<Blob>;
  export default loadRuntime;
}
