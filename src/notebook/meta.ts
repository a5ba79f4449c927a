import { isMap, isScalar, visit, type Document } from 'yaml';
import { NotebookFormatError } from './errors.ts';
import { countNewlines } from './lines.ts';
import type { NotebookMeta } from './types.ts';

/**
 * Check the parsed front matter and fill in defaults (summary '', tags []).
 * Errors point at the offending key's line in the file.
 */
export function checkMeta(document: Document, yaml: string, file: string): NotebookMeta {
  const value = plainValue(document, yaml, file);
  if (value === null || value === undefined) {
    throw new NotebookFormatError(file, 1, "front matter is empty; add at least 'title: <the notebook's title>'");
  }
  if (typeof value !== 'object' || Array.isArray(value) || !isMap(document.contents)) {
    const problem = `front matter must be a mapping of 'key: value' lines, got ${describe(value)}`;
    throw new NotebookFormatError(file, 2, problem);
  }
  const fields = value as Record<string, unknown>;
  const lineOf = (key: string): number => keyLine(document, yaml, key);

  if (!('title' in fields)) {
    throw new NotebookFormatError(file, 1, "front matter has no 'title'; add 'title: <the notebook's title>'");
  }
  if (typeof fields.title !== 'string' || fields.title.trim() === '') {
    const problem = `'title' must be a non-empty string, got ${describe(fields.title)}`;
    throw new NotebookFormatError(file, lineOf('title'), problem);
  }
  for (const key of ['summary', 'group'] as const) {
    if (key in fields && typeof fields[key] !== 'string') {
      throw new NotebookFormatError(file, lineOf(key), `'${key}' must be a string, got ${describe(fields[key])}`);
    }
  }
  if ('tags' in fields) {
    const tags = fields.tags;
    if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) {
      throw new NotebookFormatError(
        file,
        lineOf('tags'),
        `'tags' must be a list of strings like [clustering, unsupervised], got ${describe(tags)}`,
      );
    }
  }
  if ('order' in fields && (typeof fields.order !== 'number' || !Number.isFinite(fields.order))) {
    throw new NotebookFormatError(file, lineOf('order'), `'order' must be a number, got ${describe(fields.order)}`);
  }
  return {
    ...fields,
    title: fields.title,
    summary: (fields.summary as string | undefined) ?? '',
    tags: (fields.tags as string[] | undefined) ?? [],
  };
}

/** The file line of a top-level key (the YAML starts on file line 2). */
function keyLine(document: Document, yaml: string, key: string): number {
  const contents = document.contents;
  if (!isMap(contents)) return 1;
  const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key);
  const offset = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
  return offset === undefined ? 1 : 2 + countNewlines(yaml.slice(0, offset));
}

/** A short description of a wrong value for an error message. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) {
    const wrong = value.find((item) => typeof item !== 'string');
    return wrong === undefined ? 'a list' : `a list containing ${describe(wrong)}`;
  }
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'a mapping';
  return `the ${typeof value} ${String(value)}`;
}

/** The front matter as plain data; YAML aliases that expand without bound are a format error. */
function plainValue(document: Document, yaml: string, file: string): unknown {
  try {
    return document.toJS();
  } catch (error) {
    // The yaml package refuses alias expansion past its limit ("billion laughs") with a ReferenceError.
    if (!(error instanceof ReferenceError)) throw error;
    let offset = 0;
    visit(document, {
      Alias(_, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const problem = 'front matter repeats YAML aliases (*name) too many times; write the values out instead';
    throw new NotebookFormatError(file, countNewlines(yaml.slice(0, offset)) + 2, problem);
  }
}
