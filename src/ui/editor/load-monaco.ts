/** Loads Monaco once, on demand (first focus of a cell's code), off the first paint's path. */
import { createSignal } from 'solid-js';

export type Monaco = typeof import('monaco-editor/editor/editor.api');

let loading: Promise<Monaco> | undefined;
const [loaded, setLoaded] = createSignal<Monaco | undefined>();

/** Monaco once it has loaded (a signal: effects that need it re-run then). */
export const monacoIfLoaded = loaded;

export function loadMonaco(): Promise<Monaco> {
  loading ??= import('./monaco-editor.ts').then(({ monaco }) => {
    setLoaded(() => monaco);
    return monaco;
  });
  return loading;
}
