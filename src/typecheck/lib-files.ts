/**
 * The `lib.*.d.ts` files a set of libs needs (`es2023` pulls in `es2022`, … down to `es5`
 * through `/// <reference lib>`), so the browser's checker ships those and not all hundred.
 */
const REFERENCE_LIB = /^\/\/\/\s*<reference\s+lib="([^"]+)"\s*\/>/gm;

export function libFilesFor(libFileMap: Record<string, string>, libs: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (lib: string) => {
    const name = `lib.${lib.toLowerCase()}.d.ts`;
    if (name in files) return;
    const text = libFileMap[name];
    if (text === undefined) throw new Error(`type check: TypeScript has no ${name} (asked for lib '${lib}')`);
    files[name] = text;
    for (const match of text.matchAll(REFERENCE_LIB)) visit(match[1]);
  };
  for (const lib of libs) visit(lib);
  return files;
}
