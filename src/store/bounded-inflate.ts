/** DEFLATE decompression that stops as soon as the output passes a size limit. */
import { Inflate } from 'fflate';

/** The output would be larger than the limit; nothing more was unpacked. */
export class TooLargeError extends Error {
  override name = 'TooLargeError';
}

/**
 * Inflates raw DEFLATE `bytes`, refusing (TooLargeError) output over `limit` bytes. The input is
 * fed in small slices, so at most about a megabyte past the limit is ever unpacked (DEFLATE
 * expands a byte at most ~1000 times): a small link cannot fill the memory. Other damage throws
 * fflate's error.
 */
export function inflateBounded(bytes: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const stream = new Inflate((chunk) => {
    size += chunk.length;
    if (size > limit) throw new TooLargeError(`more than ${limit} bytes`);
    chunks.push(chunk);
  });
  const SLICE = 1024;
  if (bytes.length === 0) stream.push(bytes, true);
  for (let i = 0; i < bytes.length; i += SLICE) stream.push(bytes.subarray(i, i + SLICE), i + SLICE >= bytes.length);
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
