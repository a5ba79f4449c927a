/** A hash of the files' paths (relative to `root`), sizes and modification times (files-state-hash.mjs). */
export function filesStateHash(root: string, relativePaths: readonly string[]): string;
