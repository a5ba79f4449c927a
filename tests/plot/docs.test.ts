import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as plotApi from '../../src/plot/index.ts';

/**
 * Every plot helper becomes a global in notebook cells and the editor shows its JSDoc on hover,
 * so each exported value and each option must carry a comment with an example.
 */
const dir = join(import.meta.dirname, '../../src/plot');
const sources = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(dir, f), 'utf8'));

/** The JSDoc block right before `export function|const|class name`, or undefined. */
function docOf(name: string): string | undefined {
  for (const src of sources) {
    const match = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\s*export (?:function|const|class) ${name}\\b`).exec(src);
    if (match) return match[1];
  }
  return undefined;
}

describe('plot API documentation', () => {
  it('every exported function and constant has a JSDoc comment with an @example', () => {
    const undocumented = Object.keys(plotApi).filter((name) => name !== 'PlotInputError' && !docOf(name)?.includes('@example'));
    expect(undocumented).toEqual([]);
    expect(docOf('PlotInputError')).toBeDefined();
  });

  it('every option of an exported options interface has a JSDoc comment with an @example', () => {
    const missing: string[] = [];
    for (const src of sources) {
      for (const [, name, body] of src.matchAll(/export interface (\w+(?:Options|Style)|Series|Box) (?:extends [^{]+)?\{(?!\})([\s\S]*?)\n\}/g)) {
        // A property line `name?: type;` must follow a comment that contains @example.
        for (const [, doc, prop] of body.matchAll(/(\/\*\*[^]*?\*\/)?\s*\n\s*(\w+)\??:/g)) {
          if (!doc?.includes('@example')) missing.push(`${name}.${prop}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
