import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { notebookRunner, outputs } from './report-queries.ts';

// Inline code in computed Markdown is written \`name\` inside md`…`; it must reach Markdown as
// `name` and render as <code>, never as literal backticks.
const dir = join(import.meta.dirname, '../../notebooks');
const withEscapedBackticks = readdirSync(dir).filter((f) => f.endsWith('.md') && readFileSync(join(dir, f), 'utf8').includes('\\`')).sort();

/** The texts between escaped backticks in a notebook's source, as patterns (an interpolation matches anything). */
function codeSpansInSource(source: string): RegExp[] {
  return [...source.matchAll(/\\`(.+?)\\`/g)].map(([, inner]) => {
    const parts = inner.split(/\$\{[^}]*\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${parts.join('.+')}$`);
  });
}

const markdownIt = new MarkdownIt();
/** The contents of the inline code spans of a Markdown text. */
function codeSpans(markdown: string): string[] {
  return markdownIt.parseInline(markdown, {}).flatMap((token) => (token.children ?? []).filter((t) => t.type === 'code_inline').map((t) => t.content));
}

describe('inline code in md`…` outputs', () => {
  it('the notebooks write some', () => {
    expect(withEscapedBackticks.length).toBeGreaterThan(0);
  });

  for (const file of withEscapedBackticks) {
    it(`${file}: every \\\`…\\\` renders as code, and no output shows a literal \\\``, async () => {
      const report = await notebookRunner(file.replace(/\.md$/, ''))();
      const texts = outputs(report).flatMap((o) => (o.kind === 'markdown' ? [o.markdown] : []));
      expect(texts.filter((t) => t.includes('\\`'))).toEqual([]);
      const rendered = texts.flatMap(codeSpans);
      const expected = codeSpansInSource(readFileSync(join(dir, file), 'utf8'));
      expect(expected.filter((pattern) => !rendered.some((code) => pattern.test(code))).map(String)).toEqual([]);
    }, 120_000);
  }
});
