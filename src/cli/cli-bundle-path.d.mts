/** The folder of the `stepwise` command's bundle for the sources under `projectRoot` as they are now (cli-bundle-path.mjs). */
export function cliBundlePath(projectRoot: string): string;
