/**
 * A sandbox frame started while a notebook's page loads, before its kernel asks for one: by the
 * time the prose has painted and the cells are sent, the frame's process is up and its runtime
 * booting as the spare (frame-document.ts), which the kernel's start makes the active worker.
 * Started when the kernel asks, the frame's process, the runtime's download and the runtime's
 * start came one after the other, after the page's own chunks (k-means, first visit: the
 * runtime was fetched ~2 s after the page opened).
 */
import { createSandboxFrame } from './frame-document.ts';
import { takeKeptFrame } from './kept-frame.ts';

let warming: Promise<HTMLIFrameElement | undefined> | undefined;

/** Starts a frame and hands it the runtime, unless one is warming or a closed notebook left one (kept-frame.ts). */
export function warmSandbox(loadRuntime: () => Promise<Blob>, container: HTMLElement = document.body): void {
  if (warming) return;
  const kept = takeKeptFrame();
  if (kept) {
    warming = Promise.resolve(kept);
    return;
  }
  const frame = createSandboxFrame(container);
  warming = Promise.all([loadRuntime(), loaded(frame)])
    .then(([runtime]) => {
      frame.contentWindow?.postMessage({ channel: 'stepwise-host', boot: runtime }, '*');
      return frame;
    })
    .catch(() => {
      // The kernel's own start will say what is wrong (it loads the runtime again, in a frame of its own).
      frame.remove();
      return undefined;
    });
}

/**
 * The warmed frame, once it has the runtime (a frame with its spare booting), if one was started
 * and is still in the page; each is taken once.
 */
export async function takeWarmFrame(): Promise<HTMLIFrameElement | undefined> {
  const frame = await warming;
  warming = undefined;
  return frame?.isConnected ? frame : undefined;
}

function loaded(frame: HTMLIFrameElement): Promise<void> {
  return new Promise((resolve) => {
    const listen = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow || (event.data as { loaded?: boolean } | null)?.loaded !== true) return;
      window.removeEventListener('message', listen);
      resolve();
    };
    window.addEventListener('message', listen);
  });
}
