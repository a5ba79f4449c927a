import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

const SUFFIX = '?base64';

/**
 * `import bytes from 'some/file.wasm?base64'` gives the file's bytes as a base64 string, inlined
 * into the bundle. The sandbox runtime cannot fetch anything (its CSP forbids it, and the headless
 * runtime may read no file but its own bundle), so a WebAssembly binary it needs has to travel
 * inside the script. Used by both runtime builds (runtime-plugin.ts, node/runtime-bundle.ts).
 */
export function wasmBase64(): Plugin {
  return {
    name: 'stepwise-wasm-base64',
    enforce: 'pre',
    async resolveId(id, importer) {
      if (!id.endsWith(SUFFIX)) return undefined;
      const resolved = await this.resolve(id.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      return resolved && `\0${resolved.id}${SUFFIX}`;
    },
    async load(id) {
      if (!id.startsWith('\0') || !id.endsWith(SUFFIX)) return undefined;
      const bytes = await readFile(id.slice(1, -SUFFIX.length));
      return `export default ${JSON.stringify(bytes.toString('base64'))};`;
    },
  };
}
