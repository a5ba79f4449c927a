/**
 * Markdown → HTML for prose blocks and Markdown outputs: CommonMark (raw HTML off, since shared
 * notebooks come from strangers), KaTeX math, coloured code, and heading ids for the table of
 * contents that match src/notebook's `headings()`.
 */
import MarkdownIt from 'markdown-it';
import { headingAnchor } from '../../notebook/headings.ts';
import { mathPlugin, mathReady } from './math-plugin.ts';
import { highlightCode } from './highlight.ts';

const md = new MarkdownIt({ html: false, linkify: true, typographer: true, highlight: (code, lang) => highlightCode(code, lang || 'text') });
md.use(mathPlugin);

// Links leave the app in a new tab; in-page (#…) links stay.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = tokens[idx].attrGet('href') ?? '';
  if (!href.startsWith('#')) {
    tokens[idx].attrSet('target', '_blank');
    tokens[idx].attrSet('rel', 'noopener noreferrer');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Heading anchors already used on this page, so repeats get -1, -2 (as `headings()` does). */
export type AnchorCounter = Map<string, number>;

md.renderer.rules.heading_open = (tokens, idx, options, env: { anchors?: AnchorCounter }, self) => {
  const inline = tokens[idx + 1];
  const base = headingAnchor(inline?.content ?? '');
  const anchors = env.anchors ?? new Map();
  const seen = anchors.get(base) ?? 0;
  anchors.set(base, seen + 1);
  tokens[idx].attrSet('id', seen === 0 ? base : `${base}-${seen}`);
  return self.renderToken(tokens, idx, options);
};

/** HTML of a Markdown text; pass one `anchors` map for all prose of a page so ids stay unique. */
export function renderMarkdown(text: string, anchors: AnchorCounter = new Map()): string {
  mathReady(); // inside a memo, the HTML is made again once KaTeX has loaded
  return md.render(text, { anchors });
}

/** HTML of one line of Markdown (a heading in the table of contents), without a <p>. */
export function renderInlineMarkdown(text: string): string {
  mathReady();
  return md.renderInline(text);
}
