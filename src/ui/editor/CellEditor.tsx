import { createEffect, createSignal, getOwner, onCleanup, runWithOwner, Show } from 'solid-js';
import { highlightCode } from '../markdown/highlight.ts';
import { isRunAndNextShortcut, isRunShortcut } from '../notebook/shortcuts.ts';
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
  ref(handle: EditorHandle): void;
}

/** Monaco sizes: the static code uses the same, so nothing moves when the editor takes over. */
const FONT_SIZE = 14;
const LINE_HEIGHT = 21;
const PADDING = 8;

/**
 * The code of a cell: coloured static text first (cheap for thirty cells); Monaco mounts on
 * focus or click and stays. Both run the cell on Shift+Enter / Ctrl+Enter.
 */
export function CellEditor(props: CellEditorProps) {
  const [mounted, setMounted] = createSignal(false);
  const [loading, setLoading] = createSignal(false);
  let host!: HTMLDivElement;
  let staticCode!: HTMLPreElement;
  let editor: ReturnType<Monaco['editor']['create']> | undefined;
  // Monaco arrives asynchronously; the editor's effects still belong to this component.
  const owner = getOwner();

  const activate = async (focus: boolean) => {
    if (loading() || mounted()) return;
    setLoading(true);
    const monaco = await loadMonaco();
    editor = runWithOwner(owner, () => createEditor(monaco, host, props));
    if (!editor) return;
    setMounted(true);
    if (focus) editor.focus();
  };
  props.ref({
    focus: () => (editor ? editor.focus() : staticCode.focus()),
  });
  onCleanup(() => editor?.dispose());

  // The source changed from outside (reset, another tab of the same model): show it.
  createEffect(() => {
    const source = props.source;
    if (editor && editor.getValue() !== source) editor.setValue(source);
  });
  createEffect(() => {
    const line = props.errorLine;
    if (!editor) return;
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
          onFocus={() => void activate(true)}
          onMouseDown={() => void activate(true)}
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
          <Show when={props.errorLine}>
            <span class="error-line" style={{ top: `${PADDING + (props.errorLine! - 1) * LINE_HEIGHT}px` }} aria-hidden="true" />
          </Show>
          <code innerHTML={highlightCode(props.source) + '\n'} />
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

function createEditor(monaco: Monaco, host: HTMLElement, props: CellEditorProps) {
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
  editor.onDidChangeModelContent(() => props.onChange(editor.getValue()));
  editor.addCommand(monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => props.onRunAndNext());
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => props.onRun());
  // Ctrl/Cmd+. interrupts (handled by the page); without this Monaco would open quick fixes.
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Period, () => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '.', ctrlKey: true }));
  });
  // Esc leaves the editor (Tab inside it indents), so keyboard users are never trapped in a cell.
  editor.addCommand(monaco.KeyCode.Escape, () => (host.closest('[data-cell]') as HTMLElement | null)?.focus(), '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible');
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
