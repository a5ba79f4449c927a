/**
 * Folded answers and hints: a `::: answer` or `::: hint` block, closed by `:::`, becomes a
 * `<details class="answer">` whose summary says "Answer" or "Hint", so a learner tries the
 * question before reading on. Built on markdown-it-container, so raw HTML stays off. The block
 * holds any Markdown (maths included) and may sit inside a list item, indented like its text.
 */
import type MarkdownIt from 'markdown-it';
import container, { type ContainerOptions } from 'markdown-it-container';

/** The kinds of folded block: the summary each shows and its class (both are styled as answers). */
const FOLDED = {
  answer: { summary: 'Answer', className: 'answer' },
  hint: { summary: 'Hint', className: 'answer hint' },
  // The presenter's notes (src/ui/present): folded in the notebook, never on an audience's slide.
  notes: { summary: 'Speaker notes', className: 'answer notes' },
} as const;

export function answersPlugin(md: MarkdownIt): void {
  for (const [kind, { summary, className }] of Object.entries(FOLDED)) {
    const options: ContainerOptions = {
      // Only the exact word: `::: answer please` stays text, where its author sees it.
      validate: (params: string) => params.trim() === kind,
      render: (tokens, idx) =>
        tokens[idx].nesting === 1
          ? `<details class="${className}"><summary>${summary}</summary>\n<div class="answer-body">\n`
          : '</div>\n</details>\n',
    };
    md.use(container, kind, options);
  }
}
