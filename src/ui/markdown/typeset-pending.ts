/**
 * Typesets, a little at a time, the formulas that Markdown rendering left as placeholders
 * (`<span class="math-pending" data-tex data-display>`; see math-plugin.ts). Formulas on or near
 * the screen go first, then the rest in page order when the page is idle, with the page free to
 * answer the learner in between: a notebook of 50,000 formulas opens at once instead of freezing
 * the tab while KaTeX renders them all.
 */
const SLICE_MS = 12;

type RenderTex = (tex: string, displayMode: boolean) => string;

/** Placeholders found and not typeset yet, in page order. */
let queue: HTMLElement[] = [];
let next = 0;
/** Placeholders on or near the screen: typeset first, without waiting for the page to be idle. */
const near = new Set<HTMLElement>();
let observer: IntersectionObserver | undefined;
let render: RenderTex = (tex) => tex;
let discoverScheduled = false;
let urgentScheduled = false;
let idleScheduled = false;

/** Finds the placeholders the last render left in the page (once it is in the page) and typesets them. */
export function typesetPendingSoon(renderTex: RenderTex): void {
  render = renderTex;
  if (discoverScheduled || typeof document === 'undefined') return;
  discoverScheduled = true;
  setTimeout(() => {
    discoverScheduled = false;
    discover();
    scheduleIdle();
  }, 0);
}

function discover(): void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) near.add(entry.target as HTMLElement);
      if (near.size > 0) scheduleUrgent();
    },
    { rootMargin: '100% 0px' },
  );
  const found = [...document.querySelectorAll<HTMLElement>('.math-pending[data-tex]:not([data-queued])')];
  for (const element of found) {
    element.dataset.queued = '';
    observer.observe(element);
  }
  queue = queue.slice(next).concat(found);
  next = 0;
}

/** Formulas on screen: slices of SLICE_MS in ordinary tasks, so input and paint come in between. */
function scheduleUrgent(): void {
  if (urgentScheduled) return;
  urgentScheduled = true;
  setTimeout(() => {
    urgentScheduled = false;
    const start = performance.now();
    typesetWhile(() => near.size > 0 && performance.now() - start < SLICE_MS);
    if (near.size > 0) scheduleUrgent();
  }, 0);
}

/**
 * The rest, page order, in the page's idle time: each frame lays out the whole page again, so
 * the more typeset per frame the better, and idle periods are the largest slices that never delay
 * the learner. Busy for long, the page still gets a slice every half second.
 */
function scheduleIdle(): void {
  if (idleScheduled || next >= queue.length) return;
  idleScheduled = true;
  const run = (more: () => boolean) => {
    idleScheduled = false;
    typesetWhile(more);
    scheduleIdle();
  };
  if (typeof requestIdleCallback !== 'function') {
    setTimeout(() => {
      const start = performance.now();
      run(() => performance.now() - start < SLICE_MS);
    }, 0);
    return;
  }
  requestIdleCallback(
    (deadline) => {
      const start = performance.now();
      run(() => (deadline.didTimeout ? performance.now() - start < SLICE_MS : deadline.timeRemaining() > 1));
    },
    { timeout: 500 },
  );
}

function typesetWhile(more: () => boolean): void {
  while (more()) {
    const element = takeNext();
    if (!element) return;
    observer?.unobserve(element);
    // A block rendered again since (an edit, a re-run) has dropped its old placeholders.
    if (!element.isConnected) continue;
    element.outerHTML = render(element.dataset.tex ?? '', element.dataset.display === 'true');
  }
}

/** The next placeholder to typeset: one near the screen if any, else the next in page order. */
function takeNext(): HTMLElement | undefined {
  for (const element of near) {
    near.delete(element);
    if (element.isConnected) return element;
  }
  while (next < queue.length) {
    const element = queue[next++];
    if (element.isConnected && element.classList.contains('math-pending')) return element;
  }
  return undefined;
}
