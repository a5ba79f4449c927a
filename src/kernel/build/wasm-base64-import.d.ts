declare module '*.wasm?base64' {
  /** The file's bytes, base64 (see src/kernel/build/wasm-base64.ts). */
  const base64: string;
  export default base64;
}
