import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseNotebook } from '../../src/notebook/index.ts';
import { renderMarkdown } from '../../src/ui/markdown/render-markdown.ts';
import { mathReady } from '../../src/ui/markdown/math-plugin.ts';

const casesDir = join(import.meta.dirname, 'answers-cases');
const cases = readdirSync(casesDir).filter((name) => name.endsWith('.md')).sort();

// KaTeX loads after the first paint; Node has no frames, so a frame is the next macrotask here.
beforeAll(async () => {
  globalThis.requestAnimationFrame ??= (callback: FrameRequestCallback) => Number(setTimeout(() => callback(0), 0));
  renderMarkdown('$x$');
  while (!mathReady()) await new Promise((resolve) => setTimeout(resolve, 10));
});
// Typesetting has a time budget per task (math-plugin.ts); with the clock stopped every formula
// is typeset at once, so the expected HTML does not depend on how busy the machine is.
beforeEach(() => void vi.spyOn(performance, 'now').mockReturnValue(0));
afterEach(() => vi.restoreAllMocks());

describe('folded answers and hints: expected HTML (tests/ui/answers-cases; UPDATE_EXPECTED=1 rewrites)', () => {
  it('has cases to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  for (const name of cases) {
    const expectedPath = join(casesDir, name.replace(/\.md$/, '.html'));
    it(`renders ${name} as ${name.replace(/\.md$/, '.html')}`, () => {
      const html = renderMarkdown(readFileSync(join(casesDir, name), 'utf8'));
      if (process.env.UPDATE_EXPECTED === '1') writeFileSync(expectedPath, html);
      if (!existsSync(expectedPath)) expect.fail(`${expectedPath} does not exist; run with UPDATE_EXPECTED=1 and review it`);
      expect(html).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});

describe('folded answers', () => {
  it('typeset the maths inside them', () => {
    const html = renderMarkdown('::: answer\n$\\sqrt{d_k}$\n:::\n');
    expect(html).toMatch(/^<details class="answer"><summary>Answer<\/summary>\n<div class="answer-body">\n<p><span class="katex">/);
    expect(html).toContain('<msqrt>');
  });

  it('are closed by default: no open attribute', () => {
    expect(renderMarkdown('::: hint\nx\n:::\n')).not.toContain('open');
  });
});

describe('the flagship notebooks’ Check-yourself answers', () => {
  for (const slug of ['attention', 'bias-variance', 'gradient-descent', 'k-means', 'pca']) {
    it(`${slug}: every question of Check yourself has a folded answer`, () => {
      const notebook = parseNotebook(readFileSync(join(import.meta.dirname, '../../notebooks', `${slug}.md`), 'utf8'), `${slug}.md`);
      const prose = notebook.blocks.flatMap((block) => (block.kind === 'prose' ? [block.text] : []));
      const check = prose.find((text) => /^## Check yourself/m.test(text));
      if (check === undefined) expect.fail(`${slug}.md has no Check yourself section`);
      const section = check.slice(check.search(/^## Check yourself/m));
      const questions = section.match(/^\d+\. /gm) ?? [];
      const html = renderMarkdown(section);
      expect(questions.length).toBeGreaterThanOrEqual(6);
      expect(html.match(/<details class="answer"><summary>Answer<\/summary>/g)).toHaveLength(questions.length);
      expect(section).not.toContain('**Answer.**');
    });
  }
});
