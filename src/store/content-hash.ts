/**
 * Fingerprints of a text.
 * - contentHash: FNV-1a, 32 bits, as 8 hex digits; fast and synchronous, enough to notice that a
 *   site notebook's original changed since a copy was made. Not for names: two texts can be
 *   made to share it.
 * - sha256Hex: SHA-256 (SubtleCrypto, in browsers and Node 20), for what names a notebook by its
 *   text (local notebooks, the original a share link's edits apply to), where a crafted text
 *   must not be able to take another's place.
 */
export function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    // hash × FNV prime (16777619), kept to 32 bits
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The SHA-256 of the text's UTF-8 bytes, as 64 hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
