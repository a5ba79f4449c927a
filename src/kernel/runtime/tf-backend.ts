import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// The plain WebAssembly build (no SIMD, no threads), inlined into the runtime as base64: the
// sandbox may not fetch anything, so the binary travels inside the script that boots it.
import wasmBase64 from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?base64';

const WASM_BINARIES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'] as const;

function wasmBytes(): Uint8Array {
  return Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0));
}

/**
 * Puts TensorFlow.js on its WebAssembly backend in one fixed configuration: the plain build,
 * no SIMD and no threads. WebAssembly's arithmetic is IEEE-754 and the same on every machine,
 * so a notebook's numbers do not depend on the learner's CPU; the SIMD and threaded builds
 * would pick other kernels (other summation orders) by what the browser supports. Measured on
 * the playground's MLP the plain build was also the fastest of the three (see issue 17).
 * TensorFlow.js loads the binary through its platform's fetch; here that fetch hands over the
 * inlined bytes, so no request is made (the sandbox's CSP forbids one anyway).
 */
export async function useWasmBackend(): Promise<void> {
  tf.env().set('WASM_HAS_SIMD_SUPPORT', false);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  const bytes = wasmBytes();
  // Under Node, Emscripten's loader reads `__dirname` to locate the binary; the headless runtime
  // is one ES module, where that name does not exist. Nothing is read from it (the bytes are inlined).
  const scope = globalThis as { __dirname?: string; process?: unknown };
  if (scope.process !== undefined && scope.__dirname === undefined) scope.__dirname = '/';
  setWasmPaths(Object.fromEntries(WASM_BINARIES.map((name) => [name, `inline:${name}`])) as Record<(typeof WASM_BINARIES)[number], string>, true);
  const platform = tf.env().platform as unknown as { fetch: (path: string) => Promise<Response> };
  platform.fetch = async (path) => {
    if (path.startsWith('inline:')) return new Response(bytes.slice().buffer, { headers: { 'Content-Type': 'application/wasm' } });
    throw new Error(`TensorFlow.js asked to fetch ${path}: the notebook runtime has no network`);
  };
  // setBackend would swallow the reason it failed (a warning PROD silences): start it here to keep it.
  await tf.findBackendFactory('wasm')!();
  if (!(await tf.setBackend('wasm'))) throw new Error('the WebAssembly backend of TensorFlow.js did not start');
  await tf.ready();
}
