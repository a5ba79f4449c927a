/**
 * The author's slide split marker, `<!-- slide -->` on a line of its own (src/ui/present/slides.ts),
 * shows nothing in the notebook. Raw HTML is off, so markdown-it would print it as text: the
 * paragraph that is only the marker is dropped instead.
 */
import type MarkdownIt from 'markdown-it';
import { SLIDE_MARKER } from '../present/slides.ts';

export function slideMarkerPlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'slide-marker', (state) => {
    const tokens = state.tokens;
    for (let i = tokens.length - 3; i >= 0; i -= 1) {
      if (tokens[i].type === 'paragraph_open' && tokens[i + 1].type === 'inline' && tokens[i + 2].type === 'paragraph_close' && SLIDE_MARKER.test(tokens[i + 1].content)) {
        tokens.splice(i, 3);
      }
    }
  });
}
