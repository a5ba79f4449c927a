import MarkdownIt from 'markdown-it';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';

// Inline code in computed Markdown is written \`name\` inside md`…`; it must reach Markdown as
// `name` and render as <code>, never as literal backticks.

/** The texts between escaped backticks in a notebook's source, as patterns (an interpolation matches anything). */
export function codeSpansInSource(source: string): RegExp[] {
  return [...source.matchAll(/\\`(.+?)\\`/g)].map(([, inner]) => {
    const parts = inner.split(/\$\{[^}]*\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${parts.join('.+')}$`);
  });
}

const markdownIt = new MarkdownIt();
/** The contents of the inline code spans of a Markdown text. */
export function codeSpans(markdown: string): string[] {
  return markdownIt.parseInline(markdown, {}).flatMap((token) => (token.children ?? []).filter((t) => t.type === 'code_inline').map((t) => t.content));
}

/**
 * What is wrong with a run's inline code: Markdown outputs that show a literal \`, and the
 * escaped code spans of the source that no output renders as code. Both empty when all is well.
 */
export function codeSpanProblems(source: string, report: RunReport): { literalBackticks: string[]; notRendered: string[] } {
  const texts = report.cells.flatMap((c) => c.outputs.flatMap((o) => (o.kind === 'markdown' ? [o.markdown] : [])));
  const rendered = texts.flatMap(codeSpans);
  return {
    literalBackticks: texts.filter((t) => t.includes('\\`')),
    notRendered: codeSpansInSource(source).filter((pattern) => !rendered.some((code) => pattern.test(code))).map(String),
  };
}
