/**
 * Share links carry a notebook in the URL hash, behind a version tag so old links stay readable:
 * - `v1.<data>`: the whole Markdown text (UTF-8 → raw DEFLATE → base64url);
 * - `d1.<slug>.<hash>.<data>`: an edited notebook of the site as its slug, the first 16 hex digits
 *   of the SHA-256 of the original the edits were made to, and the line hunks that turn that
 *   original into the edited text (JSON → raw DEFLATE → base64url). A few hundred characters
 *   instead of ~15 000, so the link fits chat messages and QR codes.
 * Reading either unpacks at most MAX_NOTEBOOK_BYTES, the limit Open applies to files.
 */
import { deflateSync, strFromU8, strToU8 } from 'fflate';
import { inflateBounded, TooLargeError } from './bounded-inflate.ts';
import { sha256Hex } from './content-hash.ts';
import { MAX_NOTEBOOK_BYTES } from './files.ts';
import { applyHunks, diffLines, type Hunk } from './line-diff.ts';

const WHOLE = 'v1.';
const EDITS = 'd1.';
/** Hex digits of the original's SHA-256 kept in an edits link: enough to notice any change. */
const HASH_DIGITS = 16;
/** Past this many changed lines an edits link is no shorter than the whole text. */
const MAX_DIFF_LINES = 2000;

/** A share link that cannot be read, with what to do about it. */
export class ShareLinkError extends Error {
  override name = 'ShareLinkError';
}

/** The site notebook an edited copy was made from: an edits link is measured against it. */
export interface ShareBase {
  slug: string;
  originalText: string;
}

/** The `v1.` payload: the whole Markdown text. */
export function encodeShare(markdown: string): string {
  return WHOLE + pack(markdown);
}

/** The `d1.` payload: the edits that turn the base's original into `markdown`; undefined if there are too many. */
export async function encodeShareEdits(markdown: string, base: ShareBase): Promise<string | undefined> {
  const hunks = diffLines(base.originalText.split('\n'), markdown.split('\n'), MAX_DIFF_LINES);
  if (hunks === undefined) return undefined;
  const data = pack(JSON.stringify(hunks.map((hunk) => [hunk.at, hunk.remove, ...hunk.insert])));
  return `${EDITS}${encodeURIComponent(base.slug)}.${await originalHash(base.originalText)}.${data}`;
}

/** The shorter payload for `markdown`: its edits to the base's original when there is a base, else the whole text. */
export async function sharePayload(markdown: string, base?: ShareBase): Promise<string> {
  const whole = encodeShare(markdown);
  const edits = base === undefined ? undefined : await encodeShareEdits(markdown, base);
  return edits !== undefined && edits.length < whole.length ? edits : whole;
}

/** The full address of a share link for this page's site (works from a sub-path). */
export async function shareUrl(markdown: string, location: { origin: string; pathname: string }, base?: ShareBase): Promise<string> {
  return `${location.origin}${location.pathname}#/shared/${await sharePayload(markdown, base)}`;
}

/** The Markdown text of a `v1.` payload; throws ShareLinkError if it is damaged or too large. */
export function decodeShare(payload: string): string {
  if (!payload.startsWith(WHOLE)) throw notOurs();
  const text = unpack(payload.slice(WHOLE.length), 'notebook');
  if (text === '') throw damaged();
  return text;
}

/**
 * The Markdown text a payload of either format carries. `loadOriginal` gives the text of a site
 * notebook by slug (undefined if the site has none). Throws ShareLinkError saying what to do.
 */
export async function readShare(payload: string, loadOriginal: (slug: string) => Promise<string | undefined>): Promise<string> {
  if (payload.startsWith(WHOLE)) return decodeShare(payload);
  if (!payload.startsWith(EDITS)) throw notOurs();
  const parts = payload.slice(EDITS.length).split('.');
  if (parts.length < 3) throw damaged();
  const [data, hash] = [parts.pop()!, parts.pop()!];
  let slug: string;
  try {
    slug = decodeURIComponent(parts.join('.'));
  } catch {
    throw damaged();
  }
  const hunks = parseHunks(unpack(data, 'edits'));
  const original = await loadOriginal(slug);
  if (original === undefined) {
    throw new ShareLinkError(`This link holds edits to a notebook called “${slug}”, which this site does not have (it may have been renamed). Ask the sender for the notebook as a file (its Download button).`);
  }
  if ((await originalHash(original)) !== hash) {
    throw new ShareLinkError(`This link holds edits to the notebook “${slug}”, which has changed on this site since the link was made, so the edits cannot be applied. The current notebook is at #/${slug}; ask the sender for their notebook as a file (its Download button).`);
  }
  let text: string;
  try {
    text = applyHunks(original.split('\n'), hunks).join('\n');
  } catch {
    throw damaged();
  }
  if (strToU8(text).length > MAX_NOTEBOOK_BYTES) throw tooLarge();
  return text;
}

async function originalHash(text: string): Promise<string> {
  return (await sha256Hex(text)).slice(0, HASH_DIGITS);
}

function parseHunks(json: string): Hunk[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw damaged();
  }
  const isHunk = (item: unknown): item is [number, number, ...string[]] =>
    Array.isArray(item) && item.length >= 2 && Number.isInteger(item[0]) && Number.isInteger(item[1]) && item.slice(2).every((line) => typeof line === 'string');
  if (!Array.isArray(value) || !value.every(isHunk)) throw damaged();
  return value.map(([at, remove, ...insert]) => ({ at, remove, insert }));
}

function pack(text: string): string {
  return toBase64Url(deflateSync(strToU8(text), { level: 9 }));
}

/** The text packed in base64url `data`, unpacking at most MAX_NOTEBOOK_BYTES. */
function unpack(data: string, what: 'notebook' | 'edits'): string {
  // Base64 takes 4 characters for 3 bytes, and DEFLATE never grows text by more than a little.
  if (data.length > (MAX_NOTEBOOK_BYTES / 3) * 4 + 1024) throw tooLarge();
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(data);
  } catch {
    throw new ShareLinkError('This share link contains characters a Stepwise link never has; it was probably changed while being copied. Ask for the link again.');
  }
  try {
    return strFromU8(inflateBounded(bytes, MAX_NOTEBOOK_BYTES));
  } catch (error) {
    if (error instanceof TooLargeError) throw tooLarge();
    throw damaged(what);
  }
}

const notOurs = () =>
  new ShareLinkError('This share link is not one Stepwise can read (it does not start with "v1." or "d1."). Ask for the link again, copied in full.');
const damaged = (what: 'notebook' | 'edits' = 'notebook') =>
  new ShareLinkError(`This share link is incomplete or damaged: the ${what === 'edits' ? 'edits' : 'notebook'} inside could not be unpacked. It was probably cut off when copied; ask for the whole link again.`);
const tooLarge = () =>
  new ShareLinkError(`This share link carries a notebook of more than ${MAX_NOTEBOOK_BYTES / 1e6} MB, the most Stepwise opens (from a file or a link); a notebook is a few kB of text. It was not opened.`);

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
