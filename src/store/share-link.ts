/**
 * Share links carry a whole notebook in the URL hash: UTF-8 → raw DEFLATE (fflate) → base64url,
 * behind a version tag so a future format can still read old links.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

const VERSION = 'v1.';

/** A share link that cannot be read, with what to do about it. */
export class ShareLinkError extends Error {
  override name = 'ShareLinkError';
}

/** The hash payload for a notebook's Markdown text. */
export function encodeShare(markdown: string): string {
  return VERSION + toBase64Url(deflateSync(strToU8(markdown), { level: 9 }));
}

/** The Markdown text carried by a payload made by encodeShare; throws ShareLinkError if it is damaged. */
export function decodeShare(payload: string): string {
  if (!payload.startsWith(VERSION)) {
    throw new ShareLinkError('This share link is not one Stepwise can read (it does not start with "v1."). Ask for the link again, copied in full.');
  }
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(payload.slice(VERSION.length));
  } catch {
    throw new ShareLinkError('This share link contains characters a Stepwise link never has; it was probably changed while being copied. Ask for the link again.');
  }
  try {
    const text = strFromU8(inflateSync(bytes));
    if (text === '') throw new Error('empty');
    return text;
  } catch {
    throw new ShareLinkError('This share link is incomplete or damaged: the notebook inside could not be unpacked. It was probably cut off when copied; ask for the whole link again.');
  }
}

/** The full address of a share link for this page's site (works from a sub-path). */
export function shareUrl(markdown: string, location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}#/shared/${encodeShare(markdown)}`;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so String.fromCharCode never receives more arguments than the engine allows.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
