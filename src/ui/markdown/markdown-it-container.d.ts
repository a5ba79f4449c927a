/**
 * Types of markdown-it-container (the plugin ships none; @types/markdown-it-container describes
 * the CommonJS build of markdown-it, which does not match the ES module imported here).
 */
declare module 'markdown-it-container' {
  import type MarkdownIt from 'markdown-it';
  import type { RenderRule } from 'markdown-it/lib/renderer.mjs';

  export interface ContainerOptions {
    /** The fence character(s), `:` by default (`:::`). */
    marker?: string;
    /** Whether the text after the opening marker names this container. */
    validate?(params: string, markup: string): boolean;
    /** Renders the opening (`nesting` 1) and closing (`nesting` -1) tokens. */
    render?: RenderRule;
  }

  export default function container(md: MarkdownIt, name: string, options?: ContainerOptions): void;
}
