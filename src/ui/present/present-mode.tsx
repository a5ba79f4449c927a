/**
 * Present mode of a notebook page: entering (at the slide of the section on screen) and leaving
 * (back to that place in the notebook), the presenter's second window, the channel that mirrors
 * the two windows (present-channel.ts) and "Share this view".
 */
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { ControlValue } from '../../kernel/types.ts';
import { parseRoute, routeHash } from '../app/route.ts';
import { openPresentChannel, type PresentChannel, type PresentMessage } from './present-channel.ts';
import { slideOfHeading, type Slide } from './slides.ts';
import { viewQuery, type NotebookViewState } from './view-link.ts';

export interface Presenting {
  start: number;
  role: 'audience' | 'presenter';
}

export interface PresentMode {
  presenting: Accessor<Presenting | undefined>;
  /** The slide shown now (while presenting). */
  slide: Accessor<number>;
  setSlide(index: number): void;
  channel: Accessor<PresentChannel | undefined>;
  /** Enters present mode at the slide of the section on screen. */
  enter(): void;
  /** Leaves present mode, back to where the slide is in the notebook. */
  leave(index: number): void;
  /** Opens the presenter's window at this slide; this window becomes the audience's. */
  openPresenter(index: number): Promise<void>;
  /** Sends what this window did to the other window of the presentation, if any. */
  mirror(message: PresentMessage): void;
}

export function usePresentMode(options: {
  notebookKey: string;
  view: NotebookViewState;
  slides: Accessor<Slide[]>;
  codeIds: Accessor<string[]>;
  applyControl(cellId: string, name: string, value: ControlValue): void;
  applySource(cellId: string, source: string): void;
  runCell(cellId: string): void;
  /** Saves pending edits, so that a window opened now loads the same text. */
  flush(): Promise<void>;
}): PresentMode {
  const fromView: Presenting | undefined =
    options.view.slide !== undefined || options.view.presenter ? { start: options.view.slide ?? 0, role: options.view.presenter ? 'presenter' : 'audience' } : undefined;
  const [presenting, setPresenting] = createSignal<Presenting | undefined>(fromView);
  const [slide, setSlide] = createSignal(fromView?.start ?? 0);
  const [channel, setChannel] = createSignal<PresentChannel | undefined>();
  const active = createMemo(() => presenting() !== undefined);

  const cellAt = (index: number) => options.codeIds()[index];
  const follow = (message: PresentMessage) => {
    if (message.kind === 'control' || message.kind === 'source' || message.kind === 'run') {
      const id = cellAt(message.cell);
      if (id === undefined) return;
      if (message.kind === 'control') options.applyControl(id, message.name, message.value);
      else if (message.kind === 'source') options.applySource(id, message.source);
      else options.runCell(id);
    }
  };
  // The channel is open while presenting: a window not presenting follows nobody.
  createEffect(
    on(active, (on) => {
      if (!on) return;
      const opened = openPresentChannel(options.notebookKey);
      if (!opened) return;
      const stop = opened.listen(follow);
      setChannel(opened);
      onCleanup(() => {
        stop();
        opened.close();
        setChannel(undefined);
      });
    }),
  );

  const headingsOnPage = () => [...document.querySelectorAll<HTMLElement>('.notebook .prose-block h2, .notebook .prose-block h3')];
  return {
    presenting,
    slide,
    setSlide,
    channel,
    enter() {
      // The last section heading in the top third of the window is where the reader is (at the
      // top of the page, the title slide).
      let reading: number | undefined;
      if (window.scrollY > 0) {
        headingsOnPage().forEach((heading, index) => {
          if (heading.getBoundingClientRect().top <= window.innerHeight / 3) reading = index;
        });
      }
      const start = slideOfHeading(options.slides(), reading);
      setSlide(start);
      setPresenting({ start, role: 'audience' });
    },
    leave(index) {
      const shown = options.slides()[index];
      setPresenting(undefined);
      // The notebook is drawn again first; then the slide's place in it is brought into view.
      requestAnimationFrame(() => {
        const heading = shown?.heading === undefined ? undefined : headingsOnPage()[shown.heading];
        const first = shown?.pieces[0];
        const target = heading ?? (index > 0 && first ? document.querySelector(`[data-block="${first.blockId}"]`) : undefined);
        if (target) target.scrollIntoView({ block: 'start' });
        else window.scrollTo(0, 0);
        (target as HTMLElement | undefined)?.focus?.({ preventScroll: true });
      });
    },
    async openPresenter(index) {
      await options.flush();
      const route = parseRoute(location.hash);
      if (route.page !== 'notebook' && route.page !== 'local' && route.page !== 'shared') return;
      const url = `${location.origin}${location.pathname}${routeHash({ ...route, view: viewQuery({ slide: index, presenter: true }) })}`;
      window.open(url, `stepwise-presenter-${options.notebookKey}`, 'popup,width=1280,height=800');
    },
    mirror(message) {
      channel()?.send(message);
    },
  };
}
