/**
 * Vite plugin: the built page's Content-Security-Policy. Cells' figures and Markdown are drawn in
 * the app's own page, so the page itself must load nothing from other origins: a figure spec or
 * an image in prose would otherwise reach any host (and through it, send values out).
 *
 * The sandbox frame is a `srcdoc` document, which inherits this policy on top of its own, so the
 * policy admits the frame's one inline script by its hash, and blob: workers running cell code
 * (`'unsafe-eval'`: cells are compiled at run time; Plotly's WebGL traces generate code too).
 * Applied to the build only: the dev server injects scripts of its own.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { BOOTSTRAP } from '../../kernel/host/frame-document.ts';

export function pagePolicy(): string {
  const frameScript = `'sha256-${createHash('sha256').update(BOOTSTRAP).digest('base64')}'`;
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-eval' ${frameScript}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function cspPlugin(): Plugin {
  return {
    name: 'stepwise-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: pagePolicy() }, injectTo: 'head-prepend' }],
  };
}
