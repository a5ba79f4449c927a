import { createEffect, createSignal, For, getOwner, onCleanup, runWithOwner, Show } from 'solid-js';
import { highlightCode } from '../markdown/highlight.ts';
import { highlightedLines } from './highlighted-lines.ts';
import { EDITOR_HINTS, isRunAndNextShortcut, isRunShortcut } from '../notebook/shortcuts.ts';
import { currentTheme } from '../app/theme.ts';
import { loadMonaco, type Monaco } from './load-monaco.ts';
import { cellModel } from './cell-models.ts';

/** What the cell can do with its editor. */
export interface EditorHandle {
  focus(): void;
}

export interface CellEditorProps {
  cellId: string;
  source: string;
  /** 1-based line of the cell's error, highlighted. */
  errorLine?: number;
  onChange(source: string): void;
  onRun(): void;
  onRunAndNext(): void;
  /** The keys to know while the editor has the focus (shown by the cell), or undefined when it has not. */
  onHint(hint: string | undefined): void;
  ref(handle: EditorHandle): void;
}

/** Monaco sizes: the static code uses the same, so nothing moves when the editor takes over. */
const FONT_SIZE = 14;
const LINE_HEIGHT = 21;
const PADDING = 8;

/**
 * The code of a cell: coloured static text first (cheap for thirty cells); Monaco mounts on
 * click, or on keyboard focus that is still there when Monaco is ready, and stays. Both run the
 * cell on Shift+Enter / Ctrl+Enter.
 */
export function CellEditor(props: CellEditorProps) {
  const [mounted, setMounted] = createSignal(false);
  const [loading, setLoading] = createSignal(false);
  let host!: HTMLDivElement;
  let staticCode!: HTMLPreElement;
  let editor: ReturnType<Monaco['editor']['create']> | undefined;
  // Monaco arrives asynchronously; the editor's effects still belong to this component.
  const owner = getOwner();

  /** Mounts Monaco: for a click always; for keyboard focus only if the code still has it (Tab may have moved on). */
  const activate = async (by: 'pointer' | 'focus') => {
    if (loading() || mounted()) return;
    setLoading(true);
    const monaco = await loadMonaco();
    // The cell went away while Monaco loaded: an editor made now would never be disposed.
    if (disposed) return;
    if (by === 'focus' && document.activeElement !== staticCode) {
      setLoading(false);
      return;
    }
    editor = runWithOwner(owner, () => createEditor(monaco, host, props, by === 'pointer'));
    if (!editor) return;
    setMounted(true);
    editor.focus();
  };
  props.ref({
    focus: () => (editor ? editor.focus() : staticCode.focus()),
  });
  let disposed = false;
  onCleanup(() => {
    disposed = true;
    editor?.dispose();
  });

  // The source changed from outside (reset, another tab of the same model): show it.
  createEffect(() => {
    const source = props.source;
    if (editor && editor.getValue() !== source) editor.setValue(source);
  });
  createEffect(() => {
    const line = props.errorLine;
    // Reads mounted(), so an error shown before the editor was mounted is marked once it is.
    if (!mounted() || !editor) return;
    void loadMonaco().then((monaco) => markError(monaco, editor!, line));
  });

  return (
    <div class="code" style={{ '--code-line-height': `${LINE_HEIGHT}px`, '--code-font-size': `${FONT_SIZE}px`, '--code-padding': `${PADDING}px` }}>
      <Show when={!mounted()}>
        <pre
          ref={staticCode}
          class="code-static"
          tabIndex={0}
          role="textbox"
          aria-multiline="true"
          aria-readonly="false"
          aria-label="Cell code (press Enter or click to edit)"
          onFocus={() => void activate('focus')}
          onMouseDown={() => void activate('pointer')}
          // A pointer on its way to the code: start fetching Monaco now, so the click finds it ready.
          onPointerEnter={() => void loadMonaco()}
          onKeyDown={(event) => {
            if (isRunAndNextShortcut(event)) {
              event.preventDefault();
              props.onRunAndNext();
            } else if (isRunShortcut(event)) {
              event.preventDefault();
              props.onRun();
            }
          }}
        >
          {/* Each line ends in its newline: copying the text, or reading textContent, keeps the lines. */}
          <code>
            <For each={highlightedLines(highlightCode(props.source))}>
              {(line, index) => <span class="code-line" classList={{ 'code-line-error': props.errorLine === index() + 1 }} innerHTML={`${line}\n`} />}
            </For>
          </code>
          <Show when={loading()}>
            <span class="editor-loading" role="status">
              Loading the editor…
            </span>
          </Show>
        </pre>
      </Show>
      <div ref={host} class="code-editor" classList={{ 'code-editor-mounted': mounted() }} />
    </div>
  );
}

/**
 * How Tab behaves in an editor. A keyboard user who arrives in the code moves on with Tab, as
 * everywhere on the page (an editor that indented on Tab would trap them and edit the cell);
 * once they type, or if they clicked in, Tab indents as in any code editor. Esc always leaves.
 */
type TabMode = 'moves-focus' | 'indents';

function createEditor(monaco: Monaco, host: HTMLElement, props: CellEditorProps, byPointer: boolean) {
  const model = cellModel(monaco, props.cellId, props.source);
  if (model.getValue() !== props.source) model.setValue(props.source);
  const editor = monaco.editor.create(host, {
    model,
    theme: currentTheme() === 'dark' ? 'vs-dark' : 'vs',
    fontSize: FONT_SIZE,
    lineHeight: LINE_HEIGHT,
    padding: { top: PADDING, bottom: PADDING },
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    lineNumbers: 'on',
    lineNumbersMinChars: 2,
    glyphMargin: false,
    folding: false,
    renderLineHighlightOnlyWhenFocus: true,
    overviewRulerLanes: 0,
    hideCursorInOverviewRuler: true,
    automaticLayout: true,
    tabSize: 2,
    // Long lines wrap inside the cell, as in the static code: nothing is cut off at the edge.
    wordWrap: 'on',
    wrappingIndent: 'none',
    fixedOverflowWidgets: true,
    scrollbar: { alwaysConsumeMouseWheel: false, vertical: 'hidden', verticalScrollbarSize: 0 },
    ariaLabel: 'Cell code',
  });
  // The editor is as tall as its content: the page scrolls, not the cell.
  const fit = () => {
    host.style.height = `${Math.max(LINE_HEIGHT + 2 * PADDING, editor.getContentHeight())}px`;
  };
  editor.onDidContentSizeChange(fit);
  fit();

  let tabMode: TabMode = 'moves-focus';
  let pointerDown = byPointer;
  const setTabMode = (mode: TabMode) => {
    tabMode = mode;
    const hint = EDITOR_HINTS[mode];
    editor.updateOptions({ tabFocusMode: mode === 'moves-focus', ariaLabel: `Cell code. ${hint}` });
    props.onHint(hint);
  };
  host.addEventListener(
    'pointerdown',
    () => {
      pointerDown = true;
      if (editor.hasWidgetFocus()) setTabMode('indents');
    },
    { capture: true },
  );
  // The widget, not its text: going to the find box and back is not arriving anew.
  editor.onDidFocusEditorWidget(() => {
    setTabMode(pointerDown ? 'indents' : 'moves-focus');
    pointerDown = false;
  });
  editor.onDidBlurEditorWidget(() => props.onHint(undefined));
  editor.onDidChangeModelContent((event) => {
    props.onChange(editor.getValue());
    // Typed (not a new text set from outside): the learner is editing now.
    if (!event.isFlush && editor.hasWidgetFocus() && tabMode === 'moves-focus') setTabMode('indents');
  });

  // Actions, not editor.addCommand: a command's keybinding is global (the editor created last
  // would get every Shift+Enter), an action's is bound to its own editor having the focus.
  const action = (id: string, label: string, keybinding: number, run: () => void, keybindingContext?: string) =>
    editor.addAction({ id: `stepwise.${id}`, label, keybindings: [keybinding], keybindingContext, run });
  action('run-and-next', 'Run the cell and move to the next one', monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => props.onRunAndNext());
  action('run', 'Run the cell', monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => props.onRun());
  // Ctrl/Cmd+. interrupts (handled by the page); without this Monaco would open quick fixes.
  action('interrupt', 'Interrupt the running cell', monaco.KeyMod.CtrlCmd | monaco.KeyCode.Period, () => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '.', ctrlKey: true }));
  });
  // Esc leaves the editor for its cell, unless it is closing one of Monaco's own widgets.
  action('leave', 'Leave the editor', monaco.KeyCode.Escape, () => (host.closest('[data-cell]') as HTMLElement | null)?.focus(), '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible');
  const themeWatcher = () => monaco.editor.setTheme(currentTheme() === 'dark' ? 'vs-dark' : 'vs');
  createEffect(themeWatcher);
  return editor;
}

function markError(monaco: Monaco, editor: ReturnType<Monaco['editor']['create']>, line: number | undefined): void {
  const model = editor.getModel();
  if (!model) return;
  const markers =
    line === undefined || line > model.getLineCount()
      ? []
      : [{ severity: monaco.MarkerSeverity.Error, message: 'The error shown below the cell happened here.', startLineNumber: line, endLineNumber: line, startColumn: 1, endColumn: model.getLineMaxColumn(line) }];
  monaco.editor.setModelMarkers(model, 'stepwise-run', markers);
}
