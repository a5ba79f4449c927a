import { describe, expect, it } from 'vitest';
import { readNotebookFile } from '../../src/store/index.ts';
import { NotebookFormatError } from '../../src/notebook/index.ts';

const notebook = '---\ntitle: Café\n---\n# Prose\n';

describe('readNotebookFile', () => {
  it('reads a UTF-8 notebook as text', async () => {
    expect(await readNotebookFile(new File([notebook], 'cafe.md'))).toBe(notebook);
  });

  it('refuses a file that is not UTF-8 with the line of the first bad byte, as the headless runner does', async () => {
    const latin1 = Uint8Array.from([...'---\ntitle: Caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x0a], [...'---\n'].map((c) => c.charCodeAt(0))));
    const reading = readNotebookFile(new File([latin1], 'cafe.md'));
    await expect(reading).rejects.toBeInstanceOf(NotebookFormatError);
    await expect(reading).rejects.toThrow(/cafe\.md:2: the file is not valid UTF-8 \(bad byte 0xE9/);
  });

  it('refuses other kinds of file and oversized ones', async () => {
    await expect(readNotebookFile(new File(['x'], 'photo.png'))).rejects.toThrow('is not a notebook');
    await expect(readNotebookFile(new File([new Uint8Array(5_000_001)], 'big.md'))).rejects.toThrow('5.0 MB');
  });
});
