/**
 * Markdown → HTML for prose blocks and Markdown outputs: CommonMark (raw HTML off, since shared
 * notebooks come from strangers), KaTeX math, coloured code, folded answers and hints
 * (`::: answer`), and heading ids for the table of contents that match src/notebook's `headings()`.
 */
import MarkdownIt from 'markdown-it';
import { headingAnchor } from '../../notebook/headings.ts';
import { mathPlugin, mathReady } from './math-plugin.ts';
import { highlightCode } from './highlight.ts';
import { answersPlugin } from './answers-plugin.ts';
import { slideMarkerPlugin } from './slide-marker-plugin.ts';

const md = new MarkdownIt({ html: false, linkify: true, typographer: true, highlight: (code, lang) => highlightCode(code, lang || 'text') });
md.use(mathPlugin);
md.use(answersPlugin);
md.use(slideMarkerPlugin);

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

// Images come from our own origin or data: URLs only (the page's CSP blocks the rest): an image
// elsewhere would tell its host who opened a stranger's notebook. Such an image is named, with a
// link the learner can choose to follow, instead of a broken picture.
const defaultImage = md.renderer.rules.image ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const src = tokens[idx].attrGet('src') ?? '';
  if (isLocalImage(src)) return defaultImage(tokens, idx, options, env, self);
  const alt = md.utils.escapeHtml(tokens[idx].content || 'image');
  const host = md.utils.escapeHtml(hostOf(src));
  const href = md.utils.escapeHtml(md.normalizeLink(src));
  return `<span class="remote-image" role="note">Image “${alt}” from ${host} is not loaded here. <a href="${href}" target="_blank" rel="noopener noreferrer">Open it</a></span>`;
};

function isLocalImage(src: string): boolean {
  return /^data:image\//i.test(src) || !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src);
}

function hostOf(src: string): string {
  try {
    return new URL(src, 'https://invalid.invalid/').host || 'another site';
  } catch {
    return 'another site';
  }
}

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
