import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeCells, headingAnchor, headings, parseNotebook, slugOf } from '../../src/notebook/index.ts';

const casesDir = join(import.meta.dirname, 'cases');
const load = (name: string) => parseNotebook(readFileSync(join(casesDir, name), 'utf8'), name);
const notebook = (body: string) => parseNotebook(`---\ntitle: T\n---\n${body}`, 't.md');

describe('codeCells', () => {
  it('codeCells returns the code cells in file order', () => {
    const cells = codeCells(load('basic.md'));
    expect(cells.map((cell) => [cell.id, cell.line, cell.options])).toEqual([
      ['c0', 11, []],
      ['c1', 17, ['hidden']],
    ]);
  });

  it('codeCells is empty for a notebook of prose only', () => {
    expect(codeCells(load('meta-defaults.md'))).toEqual([]);
  });
});

describe('slugOf', () => {
  it('slugOf strips the folder and the .md extension', () => {
    expect(slugOf('notebooks/k-means.md')).toBe('k-means');
    expect(slugOf('k-means.md')).toBe('k-means');
    expect(slugOf('C:\\site\\notebooks\\pca.md')).toBe('pca');
    expect(slugOf('notebooks/v1.2-notes.md')).toBe('v1.2-notes');
  });
});

describe('headings', () => {
  it('headings lists ATX and setext headings of prose, not lines inside fences or cells', () => {
    expect(headings(load('headings-and-math.md'))).toEqual([
      { level: 1, text: 'One', anchor: 'one' },
      { level: 1, text: 'Setext heading', anchor: 'setext-heading' },
      { level: 2, text: 'Two', anchor: 'two' },
      { level: 3, text: 'Three: `code` & *more*', anchor: 'three-code--more' },
    ]);
  });

  it('headings gives repeated titles distinct anchors', () => {
    expect(headings(notebook('# Data\n\n```ts\nx\n```\n\n## Data\n\n## Data\n')).map((heading) => heading.anchor)).toEqual([
      'data',
      'data-1',
      'data-2',
    ]);
  });

  it('headings does not take a thematic break, a list or indented code for a heading', () => {
    const nb = notebook('---\nText\n\n- item\n---\n\n    # indented code\n\n#hashtag\n\nTwo-line\nsetext\n---\n');
    expect(headings(nb)).toEqual([{ level: 2, text: 'Two-line setext', anchor: 'two-line-setext' }]);
  });

  it('headingAnchor keeps letters, digits, _ and -, and reads a link by its label', () => {
    expect(headingAnchor('K-means: the [Lloyd](https://x.org) step (v2)')).toBe('k-means-the-lloyd-step-v2');
    expect(headingAnchor('Régression linéaire')).toBe('régression-linéaire');
    expect(headingAnchor('???')).toBe('section');
  });
});
