import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';
import {
  deleteBlock, deletedBlock, headings, insertCell, insertionIndex, joinBeside, moveBlock, nextBlockId, placeNewText, restoreIndex,
  setCellOptions, updateCellSource, updateProse, type BesidePlacement, type Block,
} from '../../notebook/index.ts';
import { notebookDb } from '../app/storage.ts';
import { afterPaint } from '../app/after-paint.ts';
import { notify } from '../app/notices.tsx';
import { createKernelStore } from './kernel-store.ts';
import { createCrashGuard, CRASHED_LAST_VISIT } from './crash-guard.ts';
import { createTypeWarnings, type TypeWarningsStore } from './type-warnings.ts';
import { shippedSourcesCheck } from './shipped-sources.ts';
import type { CellSource, ControlValue } from '../../kernel/types.ts';
import { createNotebookDoc, type NotebookDoc } from './notebook-doc.ts';
import type { LoadedNotebook } from './load-notebook.ts';
import { NotebookToolbar } from './NotebookToolbar.tsx';
import { NotebookBanners } from './NotebookBanners.tsx';
import { TableOfContents } from './TableOfContents.tsx';
import { Neighbours } from './Neighbours.tsx';
import { ProseBlock } from './ProseBlock.tsx';
import { Cell, type CellHandle } from '../cell/Cell.tsx';
import { isInterruptShortcut, isOutputsOnlyShortcut, isPresentShortcut } from './shortcuts.ts';
import { createCodeView, type CodeView } from './code-view.ts';
import { createKeptControls, type KeptControls } from './kept-controls.ts';
import { createAnchorCounter } from './anchors.ts';
import { syncCellModels, disposeCellModels } from '../editor/cell-models.ts';
import { ControlDock } from '../dock/ControlDock.tsx';
import { NotebookContext } from '../output/notebook-context.ts';
import { upstreamCells, type CellNames } from '../dock/upstream-cells.ts';
import { controlsInWords } from '../dock/controls-in-words.ts';
import { steadyControls, type ControlOutput } from '../dock/steady-controls.ts';
import { stopAll as stopStepperPlayback } from '../output/stepper-playback.ts';
import { kernelIsBusy } from '../output/draw-scheduler.ts';
import { figureCellsOnScreen } from '../dock/on-screen.ts';
import { contentHash, readSettings, updateSettings } from '../../store/index.ts';
import { currentTheme } from '../app/theme.ts';
import { createLastPictures } from './last-pictures.ts';
import { parseViewQuery, type NotebookViewState } from '../present/view-link.ts';
import { usePresentMode } from '../present/present-mode.tsx';
import { Presentation } from '../present/Presentation.tsx';
import { ShareViewDialog } from '../present/ShareViewDialog.tsx';
import { shareViewUrl } from '../present/share-view.ts';
import { slidesOf } from '../present/slides.ts';
import { slideOnScreen } from '../present/slide-controls.ts';
import { controlKey } from '../output/control-key.ts';
import { drawsFigures } from '../output/draws-figures.ts';
import type { OnScreen } from '../dock/on-screen.ts';

/** An "Add text" box beside a text, whose paragraphs join that text when applied. */
interface BesideText extends BesidePlacement {
  /** The neighbour's text before a draft of the box was first applied to it. */
  textBefore?: string;
}

/** A notebook: toolbar, table of contents, prose and cells, neighbours. Owns its doc and kernel. */
export function NotebookView(props: { loaded: LoadedNotebook; /** The address's view (view-link.ts): present mode, control values. */ view?: string }) {
  const loaded = props.loaded;
  const view = parseViewQuery(props.view);
  // A shared view's control values become this notebook's kept values (read just below).
  if (view.controls) updateSettings(loaded.key, (settings) => ({ ...settings, controls: { ...settings.controls, ...view.controls } }));
  let doc!: NotebookDoc;
  const crashGuard = createCrashGuard(loaded.key);
  const kernel = createKernelStore(crashGuard);
  const types = createTypeWarnings();
  // Before the first run: the controls start from the values the learner left them at.
  const kept = createKeptControls(loaded.key, kernel);
  const codeView = createCodeView(loaded.key);
  const isShipped = shippedSourcesCheck(loaded);
  /** Type-checks the sources of a run once it has finished (see type-warnings.ts), unless they are as shipped. */
  const checkAfter = (run: Promise<void>, cells: CellSource[]) =>
    void run.then(
      () => (isShipped(cells) ? types.clear() : afterPaint(() => types.check(cells))),
      () => undefined, // the kernel store shows why the run failed
    );
  /** The tab died while a cell ran on the last visit (crash-guard.ts): that cell does not run on open. */
  const holdCrashedCell = (cells: CellSource[]) => {
    const crashed = crashGuard.crashedLastVisit(cells);
    if (!crashed) return;
    kernel.hold(crashed.id, CRASHED_LAST_VISIT);
    const label = `cell ${cells.indexOf(crashed) + 1}`;
    notify(`The tab stopped while ${label} was running on your last visit (most likely out of memory), so ${label} was not run again. Your edits are kept.`, 'error');
  };
  const [untrusted, setUntrusted] = createSignal(loaded.untrusted);
  const handles = new Map<string, CellHandle>();
  // createNotebookDoc needs the db, which NotebookPage already opened.
  const dbPromise = notebookDb();
  const [ready, setReady] = createSignal(false);
  void dbPromise.then((db) => {
    doc = createNotebookDoc(loaded, db);
    setReady(true);
  });

  onMount(() => {
    document.title = `${loaded.notebook.meta.title} · Stepwise`;
    // Notebooks of the site run on open; ones from a file or link wait for the learner. The
    // kernel and Plotly load after the prose has painted. Plotly's evaluation is one long task
    // on this thread (~0.3 s on a first visit here; twice that with a debugger attached), so it
    // starts once the kernel is ready and its cells run in the sandbox meanwhile: started
    // sooner, it held up the two messages the page relays for the kernel's start (handing the
    // runtime over, hearing it is ready) by as long. Its download and compile start at once, off
    // this thread. The cartesian bundle: a notebook needing more gets the full one when such a
    // figure appears. A notebook whose code draws nothing does not pay for it.
    afterPaint(() => {
      void dbPromise.then(() => {
        const cells = doc.cellSources();
        holdCrashedCell(cells);
        if (!loaded.untrusted) checkAfter(kernel.runAll(cells), cells);
      });
      if (drawsFigures(doc.cellSources().map((cell) => cell.source))) {
        // The figure's component too: asked for only when the first figure arrived, its chunk's
        // download waited for Plotly's evaluation to end.
        void import('../output/Figure.tsx');
        void import('../output/load-plotly.ts').then(({ loadPlotly, prefetchPlotly }) => {
          prefetchPlotly();
          if (loaded.untrusted) void loadPlotly('cartesian');
          else void kernel.runtimeReady().then(() => loadPlotly('cartesian'));
        });
      }
    });
  });
  const onKey = (event: KeyboardEvent) => {
    if (isInterruptShortcut(event)) {
      event.preventDefault();
      void kernel.interrupt();
    } else if (isOutputsOnlyShortcut(event)) {
      event.preventDefault();
      codeView.toggle();
    }
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => {
    window.removeEventListener('keydown', onKey);
    kernel.dispose();
    stopStepperPlayback();
    types.dispose();
    doc?.dispose();
    disposeCellModels();
  });

  return (
    <Show when={ready()} fallback={<p class="loading">Loading the notebook…</p>}>
      <NotebookBody doc={doc} kernel={kernel} kept={kept} codeView={codeView} types={types} checkAfter={checkAfter} loaded={loaded} untrusted={untrusted()} trust={() => setUntrusted(false)} handles={handles} view={view} />
    </Show>
  );
}

function NotebookBody(props: {
  doc: NotebookDoc;
  kernel: ReturnType<typeof createKernelStore>;
  kept: KeptControls;
  codeView: CodeView;
  types: TypeWarningsStore;
  checkAfter(run: Promise<void>, cells: CellSource[]): void;
  loaded: LoadedNotebook;
  untrusted: boolean;
  trust: () => void;
  handles: Map<string, CellHandle>;
  view: NotebookViewState;
}) {
  const { doc, kernel, handles } = props;
  // What a cell's figures are drawn from, for their pictures (last-pictures.ts): the theme, the
  // controls' values and the code of the cells up to it, as run (as it will run, before a run).
  const pictureStamp = (cellId: string) => {
    const cells = doc.cellSources();
    const upTo = cells.slice(0, cells.findIndex((cell) => cell.id === cellId) + 1).map((cell) => [cell.id, kernel.ranSource(cell.id) ?? cell.source]);
    return contentHash(JSON.stringify([currentTheme(), readSettings(props.loaded.key).controls ?? {}, upTo]));
  };
  // A notebook from a link or file does not run on open: nothing to stand in for.
  const pictures = props.loaded.untrusted ? undefined : createLastPictures(props.loaded.key, pictureStamp);
  onCleanup(() => pictures?.dispose());
  const nb = doc.notebook;
  const blockIds = createMemo(() => nb().blocks.map((block) => block.id), undefined, { equals: (a, b) => a.join() === b.join() });
  const blockById = createMemo(() => new Map(nb().blocks.map((block) => [block.id, block])));
  const codeIds = createMemo(() => nb().blocks.filter((block) => block.kind === 'code').map((block) => block.id));
  const toc = createMemo(() => headings(nb()));
  const opensWithTitle = createMemo(() => {
    const first = nb().blocks[0];
    return first?.kind === 'prose' && /^#\s/.test(first.text);
  });
  // One counter for all prose blocks, so heading ids are unique on the page (as toc() computes them).
  const anchorsFor = createAnchorCounter(() => nb().blocks);

  createEffect(() => syncCellModels(doc.cellSources()));
  // Figures off screen are drawn while the kernel is idle, not between a run's cells (draw-scheduler.ts).
  createEffect(() => kernelIsBusy(kernel.status() === 'busy'));
  onCleanup(() => kernelIsBusy(false));
  // Reset returns the controls to their defaults too (before the run that follows it).
  createEffect(on(doc.resets, () => props.kept.reset(), { defer: true }));
  /** Every way a learner moves a control (its cell, the dock, a figure input) comes here: kept, then run. */
  const applyControl = (cellId: string, name: string, value: ControlValue) => {
    const control = kernel.view(cellId)?.outputs.find((output) => output.kind === 'control' && output.name === name);
    if (control?.kind === 'control') props.kept.keep(control, value);
    // The figures in view, even in part, are redrawn first: the pass runs the cells they need,
    // and the others once these are drawn (Session.planPass).
    kernel.setControl(cellId, name, value, figureCellsOnScreen(document, { top: 0, bottom: window.innerHeight }, 1));
  };
  const setControl = (cellId: string, name: string, value: ControlValue) => {
    applyControl(cellId, name, value);
    present.mirror({ kind: 'control', cell: codeIds().indexOf(cellId), name, value });
  };

  const runAll = () => {
    props.trust();
    const cells = doc.cellSources();
    props.checkAfter(kernel.runAll(cells), cells);
  };
  const runCell = (id: string) => {
    props.trust();
    const cells = doc.cellSources();
    props.checkAfter(kernel.run(cells, [id]), cells);
  };
  // The same slides while only code changes (cells are referenced by id): a slide is not re-created, and its editor not lost, at each keystroke.
  const slides = createMemo(() => slidesOf(nb().blocks), [], { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  const present = usePresentMode({
    notebookKey: props.loaded.key,
    view: props.view,
    slides,
    codeIds,
    applyControl,
    applySource: (id, source) => doc.edit((current) => updateCellSource(current, id, source)),
    runCell,
    flush: () => doc.flush(),
  });
  const onPresentKey = (event: KeyboardEvent) => {
    if (!isPresentShortcut(event) || present.presenting()) return;
    event.preventDefault();
    present.enter();
  };
  window.addEventListener('keydown', onPresentKey);
  onCleanup(() => window.removeEventListener('keydown', onPresentKey));
  const [sharedView, setSharedView] = createSignal<string>();
  const shareView = async (slide: number) => {
    await doc.flush();
    setSharedView(await shareViewUrl(doc.text(), props.loaded, slide, location));
  };
  /** A control on the page by its key (controlKey: cell id, '/', name). */
  const controlByKey = (key: string) => {
    const cellId = key.slice(0, key.lastIndexOf('/'));
    const output = kernel.view(cellId)?.outputs.find((candidate) => candidate.kind === 'control' && controlKey(cellId, candidate.name) === key);
    return output?.kind === 'control' ? { cellId, output } : undefined;
  };
  const focusNextCell = (id: string) => {
    const ids = codeIds();
    const next = ids[ids.indexOf(id) + 1];
    if (next !== undefined) handles.get(next)?.focus();
  };
  // The block last worked in (focus moves to the toolbar button when it is clicked): new blocks go after it.
  let lastFocused: string | undefined;
  const onFocusIn = (event: FocusEvent) => {
    const block = (event.target as Element | null)?.closest<HTMLElement>('[data-block]')?.dataset.block;
    if (block !== undefined) lastFocused = block;
  };
  /** Inserts a block at `index` and returns its id (undefined when the notebook took no edit: it is closing). */
  const insertAt = (index: number, kind: 'code' | 'prose', content = '') => {
    const id = nextBlockId(nb(), kind);
    doc.edit((current) => insertCell(current, index === 0 ? null : current.blocks[index - 1].id, content, kind));
    return blockById().has(id) ? id : undefined;
  };
  const addCell = () => {
    const added = insertAt(insertionIndex(nb(), lastFocused), 'code');
    if (added) queueMicrotask(() => handles.get(added)?.focus());
  };
  // "Add text" opens an empty Markdown box after the block last worked in, or beside the text
  // there (block-placement.ts).
  const [openText, setOpenText] = createSignal<string>();
  const [besideText, setBesideText] = createSignal<BesideText>();
  const addText = () => {
    const placement = placeNewText(nb(), insertionIndex(nb(), lastFocused));
    if ('beside' in placement) return setBesideText({ ...placement.beside });
    const id = insertAt(placement.newBlockAt, 'prose');
    if (id === undefined) return;
    setOpenText(id);
    queueMicrotask(() => setOpenText(undefined));
  };
  /** Applies the beside box's text to its neighbour; again (a draft applied when the page hid, then the box) replaces, not repeats. */
  const applyBeside = (beside: BesideText, typed: string): string | undefined => {
    const neighbour = blockById().get(beside.neighbour);
    if (neighbour?.kind !== 'prose') return 'The text this was to go beside has been deleted; copy what you typed into a new text.';
    beside.textBefore ??= neighbour.text;
    const joined = joinBeside(beside.textBefore, typed, beside.side);
    try {
      doc.edit((current) => updateProse(current, neighbour.id, joined));
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };
  /** The beside box was emptied or cancelled: its neighbour goes back to its text before any draft of it was applied. */
  const dropBeside = (beside: BesideText) => {
    if (beside.textBefore !== undefined && blockById().has(beside.neighbour)) {
      const textBefore = beside.textBefore;
      doc.edit((current) => updateProse(current, beside.neighbour, textBefore));
    }
    setBesideText(undefined);
  };
  const BesideBox = (boxProps: { beside: BesideText }) => (
    <ProseBlock
      id={boxProps.beside.neighbour}
      text=""
      anchors={anchorsFor(boxProps.beside.neighbour)}
      startEditing={true}
      onChange={(typed) => applyBeside(boxProps.beside, typed)}
      onDelete={() => dropBeside(boxProps.beside)}
      onClosed={() => setBesideText(undefined)}
    />
  );
  /**
   * Deletes a block and offers Undo, which puts it back between the same neighbours (other edits
   * made since are kept). The offer goes when the notebook is reset or closed.
   */
  const undoOffers = new Set<() => void>();
  const withdrawUndo = () => {
    for (const withdraw of undoOffers) withdraw();
    undoOffers.clear();
  };
  createEffect(on(doc.resets, withdrawUndo, { defer: true }));
  // Another tab's version replaced this one: its cells run as on open (not a stranger's until trusted).
  createEffect(
    on(
      doc.replacements,
      () => {
        withdrawUndo();
        if (!props.untrusted) void kernel.runAll(doc.cellSources());
      },
      { defer: true },
    ),
  );
  onCleanup(withdrawUndo);
  const deleteWithUndo = (id: string, message: string | undefined) => {
    const deleted = deletedBlock(nb(), id);
    if (lastFocused === id) lastFocused = deleted.previous;
    doc.edit((current) => deleteBlock(current, id));
    if (message === undefined) return;
    const withdraw = notify(message, 'info', {
      label: 'Undo',
      run: () => {
        undoOffers.delete(withdraw);
        const { block } = deleted;
        const restored = insertAt(restoreIndex(nb(), deleted), block.kind, block.kind === 'code' ? block.source : block.text);
        if (restored !== undefined && block.kind === 'code' && block.options.length > 0) {
          const options = block.options;
          doc.edit((current) => setCellOptions(current, restored, options));
        }
      },
    });
    undoOffers.add(withdraw);
  };

  // What the dock and pinned figures ask of the graph: each cell's names, and the controls it shows.
  const cellNames = (cellId: string): CellNames | undefined => {
    const view = kernel.view(cellId);
    return view && { id: cellId, declares: view.declares, reads: view.reads };
  };
  const lastControls = new Map<string, ControlOutput[]>();
  const controlsOf = (cellId: string): ControlOutput[] => {
    const view = kernel.view(cellId);
    const now = (view?.outputs ?? []).filter((output): output is ControlOutput => output.kind === 'control');
    const steady = steadyControls(lastControls.get(cellId) ?? [], now, view?.state === 'running' || view?.state === 'queued');
    lastControls.set(cellId, steady);
    return steady;
  };
  const notebookContext: NotebookContext = {
    setControl,
    controlValuesFor: (cellId) => {
      const cells = codeIds().map(cellNames).filter((cell): cell is CellNames => cell !== undefined);
      return controlsInWords(upstreamCells(cells, cellId).flatMap(controlsOf));
    },
  };

  /** A code cell of the notebook, live: in the page, or on a slide (present mode). */
  const cellFor = (id: string, onSlide = false) => {
    const block = () => blockById().get(id) as Block;
    return (
        <Cell
          id={id}
          notebookKey={props.loaded.key}
          reserveOutputs={!props.loaded.untrusted}
          pictures={onSlide ? undefined : pictures}
          index={codeIds().indexOf(id)}
          count={codeIds().length}
          source={(block() as { source: string }).source}
          options={(block() as { options: string[] }).options}
          view={kernel.view(id)}
          ranSource={kernel.ranSource(id)}
          typeWarnings={props.types.warnings(id)}
          register={(handle) => {
            handles.set(id, handle);
            onCleanup(() => handles.delete(id));
          }}
          onSource={(source) => {
            doc.edit((current) => updateCellSource(current, id, source));
            present.mirror({ kind: 'source', cell: codeIds().indexOf(id), source });
          }}
          onRun={() => {
            runCell(id);
            present.mirror({ kind: 'run', cell: codeIds().indexOf(id) });
          }}
          onRunAndNext={() => {
            runCell(id);
            present.mirror({ kind: 'run', cell: codeIds().indexOf(id) });
            focusNextCell(id);
          }}
          onDelete={() => deleteWithUndo(id, 'Cell deleted.')}
          onMove={(direction) => doc.edit((current) => moveBlock(current, id, direction))}
          onHiddenChange={(hidden) =>
            doc.edit((current) => {
              const options = (block() as { options: string[] }).options.filter((o) => o !== 'hidden');
              return setCellOptions(current, id, hidden ? [...options, 'hidden'] : options);
            })
          }
          onControl={(name, value) => setControl(id, name, value)}
        />
    );
  };

  /** On a slide every cell shows whole: its results are on screen, its controls within reach (slide-controls.ts). */
  const onSlide = (): OnScreen =>
    slideOnScreen(
      (slides()[present.slide()]?.pieces ?? [])
        .filter((piece) => piece.kind === 'cell')
        .map((piece) => ({ id: piece.blockId, outputs: kernel.view(piece.blockId)?.outputs ?? [], controls: controlsOf(piece.blockId).map((control) => control.name) })),
    );
  const dock = (shown?: () => OnScreen) => <ControlDock codeIds={codeIds()} cellNames={cellNames} controls={controlsOf} onControl={setControl} shown={shown} startFolded={shown !== undefined} />;
  return (
    <NotebookContext.Provider value={notebookContext}>
    <Show when={sharedView()}>{(url) => <ShareViewDialog url={url()} onClose={() => setSharedView(undefined)} />}</Show>
    <Show
      when={present.presenting()}
      keyed
      fallback={
    <div class="notebook-layout">
      <TableOfContents headings={toc()} />
      <main class="notebook" classList={{ 'code-hidden': props.codeView.hidden() }} aria-labelledby="notebook-title" onFocusIn={onFocusIn}>
        <NotebookToolbar doc={doc} kernel={kernel} loaded={props.loaded} codeView={props.codeView} keptControls={props.kept} onRunAll={runAll} onAddCell={addCell} onAddText={addText} onPresent={present.enter} />
        <NotebookBanners doc={doc} kernel={kernel} loaded={props.loaded} untrusted={props.untrusted} onRunAll={runAll} />
        <header class="notebook-header">
          {/* Most notebooks open with "# <title>"; the front-matter title is shown only when they do not. */}
          <h1 id="notebook-title" classList={{ 'visually-hidden': opensWithTitle() }}>
            {nb().meta.title}
          </h1>
          <Show when={nb().meta.summary && !opensWithTitle()}>
            <p class="lede">{nb().meta.summary}</p>
          </Show>
        </header>
        <For each={blockIds()}>
          {(id) => {
            const block = () => blockById().get(id) as Block;
            const beside = (side: BesideText['side']) => (besideText()?.neighbour === id && besideText()?.side === side ? besideText() : undefined);
            return (
              <>
                <Show when={beside('before')} keyed>
                  {(box) => <BesideBox beside={box} />}
                </Show>
                <Show when={blockById().has(id)}>
                  <Show
                    when={block().kind === 'code'}
                    fallback={
                      <ProseBlock
                        id={id}
                        // While a reset removes the block, its editor may still read the text once.
                        text={(blockById().get(id) as { text: string } | undefined)?.text ?? ''}
                        anchors={anchorsFor(id)}
                        startEditing={openText() === id}
                        onChange={(text) => {
                          try {
                            doc.edit((current) => updateProse(current, id, text));
                            return undefined;
                          } catch (error) {
                            return (error as Error).message;
                          }
                        }}
                        onDelete={() => deleteWithUndo(id, (block() as { text: string }).text.trim() !== '' ? 'Text deleted.' : undefined)}
                      />
                    }
                  >
                    {cellFor(id)}
                  </Show>
                </Show>
                <Show when={beside('after')} keyed>
                  {(box) => <BesideBox beside={box} />}
                </Show>
              </>
            );
          }}
        </For>
        <Show when={props.loaded.source.kind === 'site'}>
          <Neighbours slug={(props.loaded.source as { slug: string }).slug} />
        </Show>
        {dock()}
      </main>
    </div>
      }
    >
      {(presenting) => (
        <Presentation
          slides={slides()}
          start={presenting.start}
          role={presenting.role}
          renderCell={(id) => cellFor(id, true)}
          cellView={kernel.view}
          dock={dock(onSlide)}
          control={controlByKey}
          setControl={setControl}
          channel={present.channel()}
          notice={
            props.untrusted ? (
              <div class="banner banner-warning slide-notice" role="status">
                This notebook came from a link or a file: its code has not run yet.{' '}
                <button type="button" class="button primary" onClick={runAll}>
                  Run all
                </button>
              </div>
            ) : undefined
          }
          onSlide={present.setSlide}
          onLeave={present.leave}
          onPresenter={(index) => void present.openPresenter(index)}
          onShare={(index) => void shareView(index)}
        />
      )}
    </Show>
    </NotebookContext.Provider>
  );
}
