import { NotebookFormatError } from './errors.ts';

/**
 * Decode file bytes as UTF-8, keeping a byte-order mark in the text (so it can be written back).
 * Invalid bytes are an error naming the line of the first bad byte, never a silent U+FFFD.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const bad = firstInvalidByte(bytes);
    const line = 1 + countByte(bytes, 0x0a, bad);
    const column = bad - (bytes.lastIndexOf(0x0a, bad - 1) + 1) + 1;
    const hex = bad < bytes.length ? `0x${bytes[bad].toString(16).toUpperCase().padStart(2, '0')}` : 'end of file';
    throw new NotebookFormatError(
      file,
      line,
      `the file is not valid UTF-8 (bad byte ${hex} at byte column ${column}); save it with UTF-8 encoding`,
    );
  }
}

function countByte(bytes: Uint8Array, value: number, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === value) count++;
  return count;
}

/**
 * Index of the first byte that starts an invalid UTF-8 sequence (the same rules TextDecoder applies:
 * no stray continuation bytes, no overlong forms, no surrogates, nothing above U+10FFFF).
 */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const [count, low, high] = sequenceShape(lead);
    if (count < 0) return i;
    for (let k = 1; k <= count; k++) {
      const byte = bytes[i + k];
      // The second byte's range is narrowed for E0/ED/F0/F4 leads; the others are plain 80..BF.
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (byte === undefined || byte < min || byte > max) return i;
    }
    i += count + 1;
  }
  return bytes.length;
}

/** For a lead byte: how many continuation bytes follow, and the allowed range of the first one. */
function sequenceShape(lead: number): [count: number, low: number, high: number] {
  if (lead <= 0x7f) return [0, 0, 0];
  if (lead >= 0xc2 && lead <= 0xdf) return [1, 0x80, 0xbf];
  if (lead === 0xe0) return [2, 0xa0, 0xbf]; // no overlong 3-byte forms
  if (lead === 0xed) return [2, 0x80, 0x9f]; // no UTF-16 surrogates
  if (lead >= 0xe1 && lead <= 0xef) return [2, 0x80, 0xbf];
  if (lead === 0xf0) return [3, 0x90, 0xbf]; // no overlong 4-byte forms
  if (lead >= 0xf1 && lead <= 0xf3) return [3, 0x80, 0xbf];
  if (lead === 0xf4) return [3, 0x80, 0x8f]; // nothing above U+10FFFF
  return [-1, 0, 0];
}
