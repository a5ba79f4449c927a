import { createEffect, createSignal, For, on, onCleanup, onMount, Show, type JSX } from 'solid-js';
import type { CellView, ControlValue, Output } from '../../kernel/types.ts';
import { isPlaying, play, stop } from '../output/stepper-playback.ts';
import { SlideView } from './SlideView.tsx';
import { SlidePreview } from './SlidePreview.tsx';
import type { Size } from './preview-scale.ts';
import { focusKeys, presentAction, PRESENT_KEYS, type PresentAction } from './present-keys.ts';
import type { Slide } from './slides.ts';
import type { PresentChannel, PresentMessage } from './present-channel.ts';
import { renderMarkdown } from '../markdown/render-markdown.ts';

type ControlOutput = Extract<Output, { kind: 'control' }>;

export interface PresentationProps {
  slides: Slide[];
  start: number;
  /** The audience's screen, or the presenter's (the live slide, a preview of the next, notes, time). */
  role: 'audience' | 'presenter';
  renderCell(blockId: string): JSX.Element;
  /** A cell's state and outputs now, for the presenter's preview of the next slide (read, never run). */
  cellView(blockId: string): CellView | undefined;
  /** The Controls bar: the controls of what the slide shows that sit on other slides (the notebook's dock, slide-controls.ts). */
  dock: JSX.Element;
  /** A control by its key (controlKey), to step and play the slide's stepper from the keyboard. */
  control(key: string): { cellId: string; output: ControlOutput } | undefined;
  setControl(cellId: string, name: string, value: ControlValue): void;
  /** Other windows of this presentation (the presenter's and the audience's), if any. */
  channel?: PresentChannel;
  /** Shown above the slide (the code of a notebook from a link has not run). */
  notice?: JSX.Element;
  onSlide?(index: number): void;
  onLeave(index: number): void;
  onPresenter(index: number): void;
  onShare(index: number): void;
}

/**
 * Present mode: the notebook as slides filling the window, driven like a clicker (present-keys.ts).
 * Slide changes, the black screen, the code shown and answers revealed go to the other window of
 * the presentation, if there is one, and follow it.
 */
export function Presentation(props: PresentationProps) {
  let stage!: HTMLDivElement;
  let currentBox: HTMLDivElement | undefined;
  const last = () => props.slides.length - 1;
  const [index, setIndex] = createSignal(Math.min(Math.max(0, props.start), last()));
  const [black, setBlack] = createSignal(false);
  const [codeShown, setCodeShown] = createSignal(false);
  const [scale, setScale] = createSignal(1);
  const [started] = createSignal(Date.now());
  const [now, setNow] = createSignal(Date.now());
  /** The live slide's size: the presenter's preview of the next slide is laid out at it. */
  const [currentSize, setCurrentSize] = createSignal<Size>({ width: 0, height: 0 }, { equals: (a, b) => a.width === b.width && a.height === b.height });
  const slide = () => props.slides[Math.min(index(), last())];
  const next = () => props.slides[index() + 1];
  /** A slide's title; a slide split off without a heading is named after the section it continues. */
  const sectionOf = (at: number): string => {
    if (props.slides[at]?.title) return props.slides[at].title;
    for (let before = at - 1; before >= 0; before -= 1) if (props.slides[before].title) return `${props.slides[before].title}, continued`;
    return '';
  };

  const send = (message: PresentMessage) => props.channel?.send(message);
  const go = (to: number) => {
    const bounded = Math.min(Math.max(0, to), last());
    if (bounded === index()) return;
    setIndex(bounded);
    send({ kind: 'slide', index: bounded });
  };
  createEffect(on(index, (at) => props.onSlide?.(at)));
  const revealNext = () => {
    const closed = stage.querySelector<HTMLDetailsElement>('.slide-current details.answer:not([open])');
    if (closed) closed.open = true;
  };
  const fullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  };
  /** The slide's first stepper (in a cell on it, or in the dock for its figures). */
  const stepper = () => {
    for (const element of stage.querySelectorAll<HTMLElement>('.slide-current .control-stepper[data-control], .present-dock .control-stepper[data-control]')) {
      const found = props.control(element.dataset.control as string);
      if (found?.output.control.type === 'stepper') return { key: element.dataset.control as string, ...found, count: found.output.control.count, intervalMs: found.output.control.intervalMs };
    }
    return undefined;
  };
  const step = (by: number) => {
    const found = stepper();
    if (!found) return;
    stop(found.key);
    const value = Math.min(found.count - 1, Math.max(0, Number(found.output.value) + by));
    props.setControl(found.cellId, found.output.name, value);
  };
  const togglePlay = () => {
    const found = stepper();
    if (!found) return;
    if (isPlaying(found.key)) stop(found.key);
    else play(found.key, { from: Number(found.output.value), count: found.count, intervalMs: found.intervalMs, onStep: (value) => props.setControl(found.cellId, found.output.name, value) });
  };
  const actions: Record<PresentAction, () => void> = {
    next: () => go(index() + 1),
    previous: () => go(index() - 1),
    first: () => go(0),
    last: () => go(last()),
    leave: () => props.onLeave(index()),
    fullscreen,
    black: () => {
      setBlack(!black());
      send({ kind: 'black', on: black() });
    },
    code: () => {
      setCodeShown(!codeShown());
      send({ kind: 'code', shown: codeShown() });
    },
    reveal: () => {
      revealNext();
      send({ kind: 'reveal' });
    },
    'step-back': () => step(-1),
    'step-on': () => step(1),
    play: togglePlay,
    presenter: () => {
      if (props.role === 'audience') props.onPresenter(index());
    },
    share: () => props.onShare(index()),
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const action = presentAction(event, focusKeys(event.target));
    if (action === undefined) return;
    event.preventDefault();
    actions[action]();
  };
  const follow = (message: PresentMessage) => {
    if (message.kind === 'slide') setIndex(Math.min(Math.max(0, message.index), last()));
    else if (message.kind === 'black') setBlack(message.on);
    else if (message.kind === 'code') setCodeShown(message.shown);
    else if (message.kind === 'reveal') revealNext();
  };
  // The channel opens as present mode starts (present-mode.ts), maybe after this mounts.
  createEffect(() => {
    const channel = props.channel;
    if (channel) onCleanup(channel.listen(follow));
  });
  onMount(() => {
    document.documentElement.classList.add('presenting');
    window.addEventListener('keydown', onKey);
    const clock = setInterval(() => setNow(Date.now()), 1000);
    // The stage takes the focus, so keys work at once and a screen reader starts on the slide.
    stage.focus({ preventScroll: true });
    const sizes = new ResizeObserver(([entry]) => setCurrentSize({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) }));
    if (currentBox) sizes.observe(currentBox);
    onCleanup(() => {
      sizes.disconnect();
      document.documentElement.classList.remove('presenting');
      window.removeEventListener('keydown', onKey);
      clearInterval(clock);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    });
  });

  // The audience's Controls bar sits in the footer, so that folded it takes no room from the slide
  // (a button beside the slide number); opened, it is a row above the footer and the slide gives way.
  const Footer = (footer: { dock?: JSX.Element }) => (
    <footer class="slide-footer">
      <span class="slide-number" aria-live="polite">
        {index() + 1} / {props.slides.length}
      </span>
      <Show when={footer.dock}>
        <div class="present-dock">{footer.dock}</div>
      </Show>
      <Show when={scale() < 1}>
        <span class="slide-scaled" title="Split it with a line <!-- slide --> in its Markdown">
          Too full: scaled to {Math.round(scale() * 100)} %
        </span>
      </Show>
      <span class="slide-buttons">
        <button type="button" class="icon-button" aria-label="Previous slide" title="Previous slide (←)" disabled={index() === 0} onClick={actions.previous}>
          ‹
        </button>
        <button type="button" class="icon-button" aria-label="Next slide" title="Next slide (→)" disabled={index() === last()} onClick={actions.next}>
          ›
        </button>
        <button type="button" class="slide-button" title="Share this view: link and QR code (Q)" onClick={actions.share}>
          Share this view
        </button>
        <Show when={props.role === 'audience'}>
          <button type="button" class="slide-button" title="Presenter view in a second window (S)" onClick={actions.presenter}>
            Presenter view
          </button>
        </Show>
        <details class="slide-keys">
          <summary class="slide-button">Keys</summary>
          <dl>
            <For each={PRESENT_KEYS}>
              {(key) => (
                <>
                  <dt>
                    <kbd>{key.keys}</kbd>
                  </dt>
                  <dd>{key.action}</dd>
                </>
              )}
            </For>
          </dl>
        </details>
        <button type="button" class="icon-button" aria-label="Leave present mode" title="Back to the notebook (Esc)" onClick={actions.leave}>
          ✕
        </button>
      </span>
    </footer>
  );

  const current = (
    <Show when={slide()} keyed>
      {(shown) => <SlideView slide={shown} renderCell={props.renderCell} codeShown={codeShown()} onScale={setScale} />}
    </Show>
  );
  const elapsed = () => {
    const seconds = Math.max(0, Math.floor((now() - started()) / 1000));
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  };
  return (
    <div
      ref={stage}
      class={`present present-${props.role}`}
      classList={{ 'present-black': black() }}
      role="region"
      aria-roledescription="slides"
      aria-label={`Slide ${index() + 1} of ${props.slides.length}${slide()?.title ? `: ${slide()!.title}` : ''}`}
      tabIndex={-1}
      data-slide={index()}
    >
      <Show
        when={props.role === 'presenter'}
        fallback={
          <>
            {props.notice}
            <div class="slide-current">{current}</div>
            <Footer dock={props.dock} />
          </>
        }
      >
        <div class="presenter-main">
          {props.notice}
          <div ref={currentBox} class="slide-current">
            {current}
          </div>
          <div class="present-dock">{props.dock}</div>
        </div>
        <aside class="presenter-side" aria-label="Presenter">
          <div class="presenter-time" role="timer" aria-label="Elapsed time">
            {elapsed()}
          </div>
          <h2 class="presenter-heading">Next</h2>
          <div class="presenter-next" aria-label="Next slide">
            <Show when={next()} keyed fallback={<p class="presenter-end">End of the slides</p>}>
              {(upcoming) => (
                <>
                  <p class="slide-preview-title">
                    {index() + 2}
                    <Show when={sectionOf(index() + 1)}>{(title) => `. ${title()}`}</Show>
                  </p>
                  <Show when={currentSize().width > 0}>
                    <SlidePreview slide={upcoming} stage={currentSize()} cellView={props.cellView} />
                  </Show>
                </>
              )}
            </Show>
          </div>
          <h2 class="presenter-heading">Notes</h2>
          <div class="presenter-notes prose">
            <Show when={slide()?.notes.length} fallback={<p class="presenter-empty">No notes for this slide (write them in a ::: notes block).</p>}>
              <For each={slide()?.notes}>{(note) => <div innerHTML={renderMarkdown(note)} />}</For>
            </Show>
          </div>
        </aside>
        <Footer />
      </Show>
      <Show when={black()}>
        <div class="present-blackout" aria-label="Black screen (B to show the slide)" />
      </Show>
    </div>
  );
}
