import type { build } from 'vite';

/** The code of the one script an in-memory Vite build (`write: false`) produced, or an error naming `what`. */
export function scriptOfBuild(result: Awaited<ReturnType<typeof build>>, what: string): string {
  for (const output of Array.isArray(result) ? result : [result]) {
    if (!('output' in output)) continue;
    const chunk = output.output.find((item) => item.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error(`${what} produced no script`);
}
