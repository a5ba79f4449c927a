/**
 * Lists the names a declaration file exports, following `export * from` chains, so the cell
 * globals can be declared one by one (`declare global` cannot re-export a whole module).
 * It reads the regular shape of `tsc --emitDeclarationOnly` output, not arbitrary TypeScript.
 */

/** What a name can be used as: a value (`typeof X`), a type, or both (a class, an enum). */
export type ExportKind = 'value' | 'type' | 'both';

export interface ExportedName {
  name: string;
  kind: ExportKind;
  /** The declaration has type parameters, so a plain `type X = P.X` alias would not do. */
  generic: boolean;
}

const DECLARATION = /^export (?:declare )?(?:abstract )?(function|class|const|let|var|interface|type|enum|namespace) ([A-Za-z_$][\w$]*)(\s*<)?/gm;
const NAMED_EXPORT = /^export (type )?\{([^}]*)\}(?: from '([^']+)')?;/gm;
const STAR_EXPORT = /^export \* from '([^']+)';/gm;
const NAMESPACE_IMPORT = /^import \* as ([A-Za-z_$][\w$]*) from/gm;
const TYPE_IMPORT = /^import type \{([^}]*)\} from '([^']+)';/gm;

const KIND_OF_KEYWORD: Record<string, ExportKind> = {
  function: 'value', const: 'value', let: 'value', var: 'value', namespace: 'value',
  class: 'both', enum: 'both', interface: 'type', type: 'type',
};

/**
 * The exports of `entry`, where `files` maps a path ('src/a/b.d.ts') to its text and
 * relative specifiers ('./c.ts') resolve against the importing file's folder.
 */
export function listExports(files: Record<string, string>, entry: string, seen = new Set<string>()): ExportedName[] {
  const text = files[entry];
  if (text === undefined) throw new Error(`listExports: no declaration file ${entry}; was it emitted by tsc?`);
  if (seen.has(entry)) return [];
  seen.add(entry);
  const found = new Map<string, ExportedName>();
  const add = (item: ExportedName) => {
    if (!found.has(item.name)) found.set(item.name, item);
  };

  for (const match of text.matchAll(DECLARATION)) {
    add({ name: match[2], kind: KIND_OF_KEYWORD[match[1]], generic: match[3] !== undefined });
  }
  const namespaces = new Set([...text.matchAll(NAMESPACE_IMPORT)].map((m) => m[1]));
  // Names imported as types, with the file they come from (to tell whether they are generic).
  const typeImports = new Map<string, string>();
  for (const match of text.matchAll(TYPE_IMPORT)) {
    for (const { exported } of splitNames(match[1])) typeImports.set(exported, match[2]);
  }
  for (const match of text.matchAll(NAMED_EXPORT)) {
    const typeOnly = match[1] !== undefined;
    for (const { local, exported } of splitNames(match[2])) {
      const from = match[3] ?? typeImports.get(local);
      const target = from !== undefined && from.startsWith('.') ? resolveRelative(entry, from) : undefined;
      const original = target !== undefined ? listExports(files, target, new Set()).find((item) => item.name === local) : undefined;
      let kind: ExportKind;
      if (typeOnly || local.startsWith('type ') || typeImports.has(local)) kind = 'type';
      else if (original) kind = original.kind;
      else if (namespaces.has(local)) kind = 'value';
      else kind = 'both'; // a name from a package (e.g. ml-matrix's Matrix class)
      add({ name: exported.replace(/^type /, ''), kind, generic: original?.generic ?? false });
    }
  }
  for (const match of text.matchAll(STAR_EXPORT)) {
    if (!match[1].startsWith('.')) continue;
    for (const item of listExports(files, resolveRelative(entry, match[1]), seen)) add(item);
  }
  return [...found.values()];
}

/** The `declare global` block that makes every export of the prelude a global of cells. */
export function globalsDeclaration(preludeSpecifier: string, names: ExportedName[]): string {
  const lines = [`import * as Prelude from '${preludeSpecifier}';`, '', 'declare global {'];
  for (const { name, kind, generic } of names) {
    if (kind !== 'type') lines.push(`  const ${name}: typeof Prelude.${name};`);
    if (kind !== 'value' && !generic) lines.push(`  type ${name} = Prelude.${name};`);
  }
  lines.push('}', '', 'export {};', '');
  return lines.join('\n');
}

function splitNames(list: string): { local: string; exported: string }[] {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [local, exported] = part.split(/\s+as\s+/);
      return { local: local.trim(), exported: (exported ?? local).trim() };
    });
}

/** 'src/a/b.d.ts' + '../c/index.ts' → 'src/c/index.d.ts'. */
export function resolveRelative(from: string, specifier: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const segment of specifier.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/').replace(/\.(ts|js)$/, '') + '.d.ts';
}
