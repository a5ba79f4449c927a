/**
 * markdown-it rules for TeX math: `$…$` inline and `$$…$$` display (on its own lines or one
 * line), rendered with KaTeX. A bad formula shows KaTeX's red message in place, not a broken page.
 * KaTeX (~70 kB gzip) loads on the first formula, off the first paint: until then the TeX source
 * is shown, and `mathReady` tells the page to render again. Each formula carries MathML next to
 * its HTML: KaTeX hides the HTML from assistive technology and the MathML from the eye (its CSS
 * clips it to one pixel), so screen readers read the formula while the page looks the same.
 * Typesetting is bounded per task (see TASK_BUDGET_MS).
 */
import type MarkdownIt from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import { createSignal } from 'solid-js';
import { escapeHtml } from './highlight.ts';
import { afterPaint } from '../app/after-paint.ts';
import { typesetPendingSoon } from './typeset-pending.ts';

type Katex = typeof import('katex').default;
let katex: Katex | undefined;
let loading: Promise<void> | undefined;
const [ready, setReady] = createSignal(false);
/** True once KaTeX has loaded; read it where Markdown is rendered so math re-renders then. */
export const mathReady = ready;

/**
 * Typesetting time one task may spend (ms). Past it, formulas are left as placeholders that
 * typeset-pending.ts renders a slice at a time, nearest the screen first: a typical notebook is
 * typeset at once, a notebook of thousands of formulas never freezes the page.
 */
const TASK_BUDGET_MS = 30;
let spentInTask = 0;
let budgetArmed = false;
/** Formulas typeset lately (a Markdown output re-rendered as a control moves repeats them). */
const typeset = new Map<string, string>();
const TYPESET_KEPT = 1000;

function renderTex(tex: string, displayMode: boolean): string {
  if (katex) return withinBudget(tex, displayMode);
  loading ??= new Promise<void>((resolve) => afterPaint(resolve))
    .then(() => import('katex'))
    .then((module) => {
      katex = module.default;
      setReady(true);
    });
  return `<span class="math-pending">${escapeHtml(tex)}</span>`;
}

function withinBudget(tex: string, displayMode: boolean): string {
  const known = typeset.get(key(tex, displayMode));
  if (known !== undefined) return known;
  if (!budgetArmed) {
    budgetArmed = true;
    spentInTask = 0;
    setTimeout(() => (budgetArmed = false), 0);
  }
  if (spentInTask >= TASK_BUDGET_MS) {
    typesetPendingSoon(typesetNow);
    return `<span class="math-pending" data-tex="${escapeHtml(tex)}" data-display="${displayMode}">${escapeHtml(tex)}</span>`;
  }
  const start = performance.now();
  const html = typesetNow(tex, displayMode);
  spentInTask += performance.now() - start;
  return html;
}

function typesetNow(tex: string, displayMode: boolean): string {
  const html = katex!.renderToString(tex, { displayMode, throwOnError: false, output: 'htmlAndMathml' });
  if (typeset.size >= TYPESET_KEPT) typeset.delete(typeset.keys().next().value!);
  typeset.set(key(tex, displayMode), html);
  return html;
}

const key = (tex: string, displayMode: boolean) => (displayMode ? '$$' : '$') + tex;

/** `$x$`: not `$ x$`, not `$x $`, and not followed by a digit (so "$5 and $6" stays text). */
function inlineMath(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src[pos] !== '$' || src[pos + 1] === '$' || pos + 1 >= posMax || /\s/.test(src[pos + 1])) return false;
  let end = pos + 1;
  while (end < posMax) {
    end = src.indexOf('$', end);
    if (end === -1 || end >= posMax) return false;
    if (src[end - 1] === '\\') {
      end++;
      continue;
    }
    break;
  }
  if (/\s/.test(src[end - 1]) || /\d/.test(src[end + 1] ?? '')) return false;
  if (!silent) {
    const token = state.push('math_inline', 'math', 0);
    token.content = src.slice(pos + 1, end);
  }
  state.pos = end + 1;
  return true;
}

/** `$$` … `$$` spanning lines, or `$$ … $$` on one line. */
function blockMath(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine] + state.tShift[startLine];
  const firstLine = state.src.slice(start, state.eMarks[startLine]);
  if (!firstLine.startsWith('$$')) return false;
  if (silent) return true;
  let content: string;
  let line = startLine;
  const rest = firstLine.slice(2);
  if (rest.trimEnd().endsWith('$$')) {
    content = rest.trimEnd().slice(0, -2);
  } else {
    const lines = [rest];
    let closed = false;
    while (++line < endLine) {
      const text = state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
      if (text.trimEnd().endsWith('$$')) {
        lines.push(text.trimEnd().slice(0, -2));
        closed = true;
        break;
      }
      lines.push(text);
    }
    if (!closed) return false;
    content = lines.join('\n');
  }
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.content = content;
  token.map = [startLine, line + 1];
  state.line = line + 1;
  return true;
}

/** Adds the math rules to a markdown-it instance. */
export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.after('escape', 'math_inline', inlineMath);
  md.block.ruler.after('blockquote', 'math_block', blockMath, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules.math_inline = (tokens, idx) => renderTex(tokens[idx].content, false);
  md.renderer.rules.math_block = (tokens, idx) => `<div class="math-display">${renderTex(tokens[idx].content, true)}</div>\n`;
}
