/**
 * A short fingerprint of a text (FNV-1a, 32 bits, as 8 hex digits): enough to notice that a
 * notebook's original changed since a copy was made, or to name a notebook opened from a link.
 * Not a cryptographic hash.
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
