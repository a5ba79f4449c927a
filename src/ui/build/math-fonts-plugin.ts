import type { Plugin } from 'vite';

/**
 * The KaTeX fonts nearly every notebook's math uses, by the start of their file names (the build
 * adds a hash): the main and math-italic faces, and the two sizes of big operators and brackets.
 */
const MATH_FONTS = ['KaTeX_Main-Regular-', 'KaTeX_Math-Italic-', 'KaTeX_Size1-Regular-', 'KaTeX_Size2-Regular-'];

/**
 * Vite plugin: the built page preloads the common math fonts. The browser asks for a font only
 * when text laid out needs it, and math is typeset after KaTeX's chunk has loaded: on a first
 * visit the fonts were requested ~0.75 s after the page started, when the prose was already on
 * screen, and its formulas stayed blank until they arrived, then pushed the text below them down.
 * Preloaded, they arrive with the app's script (~80 kB in all).
 */
export function mathFontsPlugin(): Plugin {
  return {
    name: 'stepwise-math-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const files = Object.keys(context.bundle ?? {}).filter((file) => MATH_FONTS.some((font) => file.split('/').pop()!.startsWith(font)) && file.endsWith('.woff2'));
        // Fonts are fetched in CORS mode: the preload must be too, or the browser fetches them twice.
        return files.map((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href: `./${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}
