import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rng } from '../../src/ml/core/random.ts';
import {
  deleteBlock,
  insertCell,
  moveBlock,
  NotebookFormatError,
  parseNotebook,
  serializeNotebook,
  setCellOptions,
  updateCellSource,
  updateProse,
  type Notebook,
} from '../../src/notebook/index.ts';
import { matchExpected } from '../support/expected-file.ts';

const casesDir = join(import.meta.dirname, 'cases');
const sources = readdirSync(casesDir)
  .filter((name) => name.endsWith('.md') && !name.startsWith('error-'))
  .map((name) => readFileSync(join(casesDir, name), 'utf8'));

// Pieces that matter to the format: fences, front matter delimiters, line endings, YAML syntax.
const pieces = ['```', '~~~', '````', '```ts', '```ts hidden', '---', '\n', '\r\n', ' ', 'ts', ':', '[', '#', '\uFEFF', 'é'];

/** A copy of `text` with a few random insertions, deletions and line duplications. */
function mutate(text: string, random: ReturnType<typeof rng>): string {
  let out = text;
  const edits = 1 + random.int(4);
  for (let e = 0; e < edits; e++) {
    const at = random.int(out.length + 1);
    const choice = random.int(3);
    if (choice === 0) out = out.slice(0, at) + pieces[random.int(pieces.length)] + out.slice(at);
    else if (choice === 1) out = out.slice(0, at) + out.slice(at + 1 + random.int(8));
    else {
      const lines = out.split('\n');
      const line = random.int(lines.length);
      lines.splice(line, 0, lines[line]);
      out = lines.join('\n');
    }
  }
  return out;
}

describe('parseNotebook on damaged files', () => {
  it('parseNotebook either round-trips a mutated file exactly or throws NotebookFormatError (2000 seeded mutations)', () => {
    const random = rng(7);
    let parsed = 0;
    let rejected = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const text = mutate(sources[random.int(sources.length)], random);
      try {
        const nb = parseNotebook(text, 'fuzz.md');
        expect(serializeNotebook(nb)).toBe(text);
        parsed++;
      } catch (error) {
        if (!(error instanceof NotebookFormatError)) throw error;
        expect(error.message).toMatch(/^fuzz\.md:\d+(:\d+)?: \S/);
        expect(error.line).toBeGreaterThanOrEqual(1);
        expect(error.line).toBeLessThanOrEqual(text.split('\n').length);
        rejected++;
      }
    }
    // Both outcomes must actually occur, or the mutations are not testing anything.
    expect(parsed).toBeGreaterThan(200);
    expect(rejected).toBeGreaterThan(200);
  });

  it('parseNotebook reports the line of the first invalid UTF-8 byte for every kind of bad sequence', () => {
    const prefix = new TextEncoder().encode('---\ntitle: T\n---\nok\n');
    const bad: [number[], string][] = [
      [[0x80], '0x80'], // stray continuation byte
      [[0xc0, 0xaf], '0xC0'], // overlong '/'
      [[0xe0, 0x80, 0x80], '0xE0'], // overlong 3-byte form
      [[0xed, 0xa0, 0x80], '0xED'], // UTF-16 surrogate
      [[0xf4, 0x90, 0x80, 0x80], '0xF4'], // above U+10FFFF
      [[0xe2, 0x82], '0xE2'], // truncated € at the end of the file
    ];
    for (const [bytes, hex] of bad) {
      const file = new Uint8Array([...prefix, 0x61, ...bytes]);
      expect(() => parseNotebook(file, 'bad.md')).toThrow(`bad.md:5: the file is not valid UTF-8 (bad byte ${hex} at byte column 2)`);
    }
    expect(parseNotebook(new Uint8Array([...prefix, 0xe2, 0x82, 0xac]), 'euro.md').blocks[0]).toMatchObject({ text: 'ok\n€' });
  });
});

describe('edits in random order', () => {
  const codeSources = ['', 'const a = 1', 'x\n\n  y', 'const md = `\n```\n~~~\n````\n`', '\n', 'a\r\nb'];
  const proseTexts = ['', 'Text.', '# Heading\n\nTwo paragraphs.', 'trailing  \nspaces'];
  const optionSets = [[], ['hidden'], ['hidden', 'keep=me']];

  /** One random edit of a random block (or an insertion). */
  function randomEdit(nb: Notebook, random: ReturnType<typeof rng>): Notebook {
    const pick = <T,>(items: readonly T[]): T => items[random.int(items.length)];
    const block = nb.blocks.length > 0 ? pick(nb.blocks) : undefined;
    const action = block === undefined ? 0 : random.int(5);
    if (action === 0) {
      const kind = random.int(2) === 0 ? 'code' : 'prose';
      return insertCell(nb, block?.id ?? null, kind === 'code' ? pick(codeSources) : pick(proseTexts), kind);
    }
    if (block === undefined) return nb;
    if (action === 1) return deleteBlock(nb, block.id);
    if (action === 2) return moveBlock(nb, block.id, random.int(2) === 0 ? -1 : 1);
    if (block.kind === 'prose') return updateProse(nb, block.id, pick(proseTexts));
    return action === 3 ? updateCellSource(nb, block.id, pick(codeSources)) : setCellOptions(nb, block.id, pick(optionSets));
  }

  const cellsOf = (nb: Notebook) => nb.blocks.flatMap((block) => (block.kind === 'code' ? [{ ...block, id: '' }] : []));

  it('after any sequence of edits the written file reads back with the same code cells at the same lines (300 seeded runs)', () => {
    const random = rng(11);
    for (let run = 0; run < 300; run++) {
      let nb = parseNotebook(sources[random.int(sources.length)], 'edit.md');
      const steps = 1 + random.int(8);
      for (let step = 0; step < steps; step++) nb = randomEdit(nb, random);
      const ids = nb.blocks.map((block) => block.id);
      expect(new Set(ids).size).toBe(ids.length);
      // Code cells survive a reload exactly; neighbouring prose blocks may merge into one, by design.
      expect(cellsOf(parseNotebook(serializeNotebook(nb), 'edit.md'))).toEqual(cellsOf(nb));
    }
  });
});

describe('matchExpected (the expected-output harness)', () => {
  it('matchExpected fails on a missing file and writes <name>.json-changed for review', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notebook-expected-'));
    const path = join(dir, 'case.json');
    const result = matchExpected(path, { a: 1 }, false);
    expect(result.ok).toBe(false);
    expect(readFileSync(`${path}-changed`, 'utf8')).toBe('{\n  "a": 1\n}\n');
  });

  it('matchExpected passes on equal output and fails with a -changed file on a difference', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notebook-expected-'));
    const path = join(dir, 'case.json');
    writeFileSync(path, '{\n  "a": 1\n}\n');
    expect(matchExpected(path, { a: 1 }, false)).toEqual({ ok: true });
    expect(matchExpected(path, { a: 2 }, false)).toMatchObject({ ok: false });
    expect(readFileSync(`${path}-changed`, 'utf8')).toBe('{\n  "a": 2\n}\n');
  });
});
