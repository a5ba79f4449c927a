import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderMarkdown } from '../../src/ui/markdown/render-markdown.ts';
import { mathReady } from '../../src/ui/markdown/math-plugin.ts';

// KaTeX loads after the first paint; Node has no frames, so a frame is the next macrotask here.
beforeAll(async () => {
  globalThis.requestAnimationFrame ??= (callback: FrameRequestCallback) => Number(setTimeout(() => callback(0), 0));
  renderMarkdown('$x$');
  while (!mathReady()) await new Promise((resolve) => setTimeout(resolve, 10));
});

afterEach(() => vi.restoreAllMocks());

/** Stops the clock: typesetting then never runs out of its time budget (see the last test). */
const stopClock = () => vi.spyOn(performance, 'now').mockReturnValue(0);

describe('renderMarkdown', () => {
  it('typesets a formula as visible HTML hidden from screen readers plus MathML they read', () => {
    stopClock();
    const html = renderMarkdown('The mean of $\\mu$ is');
    expect(html).toContain('<span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML">');
    expect(html).toContain('<mi>μ</mi>');
    expect(html).toContain('<span class="katex-html" aria-hidden="true">');
  });

  it('keeps raw HTML escaped, in prose, link text and next to math', () => {
    stopClock();
    const html = renderMarkdown('[<b>bold</b> $x$](https://example.com) <script>alert(1)</script> $\\href{javascript:alert(1)}{y}$');
    expect(html).not.toMatch(/<b>|<script>|href="javascript:/);
    // KaTeX does not trust \href: the command is shown as an error, not made a link.
    expect(html).toContain('<mtext>\\href</mtext>');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer">');
  });

  it('typesets for a bounded time per task: the formulas past it stay placeholders (TeX source, escaped) for the page to typeset a slice at a time', async () => {
    await new Promise((resolve) => setTimeout(resolve, 0)); // a task of its own, with a fresh budget
    // Each formula "takes" 1 ms on this clock; the budget is 30 ms a task.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
    const text = Array.from({ length: 200 }, (_, i) => `$a_{${i}} < b$`).join(' ');
    const html = renderMarkdown(text);
    clock.mockRestore();
    const typesetCount = html.split('class="katex"').length - 1;
    const pending = [...html.matchAll(/<span class="math-pending" data-tex="([^"]*)" data-display="false">/g)].map((m) => m[1]);
    expect(typesetCount).toBe(30);
    expect(pending).toHaveLength(170);
    expect(pending[0]).toBe('a_{30} &#60; b');
    // In a later task the budget is fresh, and formulas typeset before come from memory at no cost.
    await new Promise((resolve) => setTimeout(resolve, 0));
    now = 0;
    const clockAgain = vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
    const again = renderMarkdown(text);
    clockAgain.mockRestore();
    expect(again.split('class="katex"').length - 1).toBe(60);
  });
});

