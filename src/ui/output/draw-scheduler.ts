/**
 * When figures are drawn. Plotly takes 20–120 ms a figure here, and one stepper click can
 * change half a dozen figures (gradient-descent's step changes six, about 300 ms of drawing).
 * Figures on screen are drawn at once; the others wait, one at a time, for the browser to be
 * idle, or until they are scrolled into view. A step then costs only the figures the learner is
 * looking at, and while a stepper plays, the figures off screen are not redrawn at every step.
 * A figure's first draw (a notebook opening) does not wait for its run to end, only for an idle
 * moment: the cells run in the worker meanwhile, and this page has nothing else to do.
 */

/**
 * How far above or below the viewport a figure still counts as on screen: half a screen, so the
 * figure a short scroll away (often the one just under a slider) is ready when it comes into view.
 */
const NEAR_VIEWPORT = '50% 0px';

const onScreen = new WeakSet<Element>();
/** Figures drawn at least once: only their redraws wait for the kernel to be idle. */
const drawnOnce = new WeakSet<Element>();
const waiting = new Map<Element, () => void>();
let idleScheduled = false;

const observer =
  typeof IntersectionObserver === 'undefined'
    ? undefined
    : new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) {
              onScreen.delete(entry.target);
              continue;
            }
            onScreen.add(entry.target);
            drawNow(entry.target);
          }
        },
        { rootMargin: NEAR_VIEWPORT },
      );

/** Starts watching where a figure's element is; call `forget` when it is removed. */
export function watch(element: Element): void {
  observer?.observe(element);
}

export function forget(element: Element): void {
  observer?.unobserve(element);
  onScreen.delete(element);
  waiting.delete(element);
}

/**
 * Draws soon if the element is on screen, else later. A newer draw for the same element replaces
 * one still waiting, so a figure is drawn once with its latest data.
 *
 * "Soon" is right after the caller's turn (a microtask): draws asked for in one turn are drawn
 * once, and before the messages queued behind it. The runtime runs a pass's cells one after the
 * other without waiting for this page (runtime.ts), so drawing at once holds up no cell; drawn in
 * a task of its own, the figure waited behind the kernel's other messages and a frame rendered
 * in between (measured A/B on the built site: pca's rotation 125 → 79 ms, gradient-descent's
 * learning rate 204 → 169 ms, elastic net's ρ 164 → 128 ms).
 */
export function scheduleDraw(element: Element, draw: () => void): void {
  lastChange = performance.now();
  waiting.set(element, draw);
  if (observer === undefined || onScreen.has(element)) queueMicrotask(() => drawNow(element));
  else if (!drawnOnce.has(element)) drawFirstWhenIdle(element);
  else drawWhenQuiet();
}

function drawNow(element: Element): void {
  const draw = waiting.get(element);
  if (draw === undefined) return;
  waiting.delete(element);
  drawnOnce.add(element);
  draw();
}

/**
 * A figure never drawn, off screen: drawn in the page's next idle period, even while the kernel
 * runs. Waiting for the run to end, as redraws do, k-means' first figure (five screens down) was
 * drawn ~0.6 s after its data arrived: the rest of the notebook's cells ran first, then the quiet
 * period. A notebook opens with its cells in order, so the figures at the top, on screen, get their
 * data before these (and a learner moving a control is not waiting for any).
 */
function drawFirstWhenIdle(element: Element): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => drawNow(element), { timeout: 1000 });
  else setTimeout(() => drawNow(element), 0);
}

/**
 * How long no figure may have changed before the ones off screen are drawn: while cells are
 * still running, the browser is idle between their outputs, and an off-screen draw started then
 * would hold up the figure on screen that arrives next.
 */
const QUIET_MS = 150;
/** When a figure last got new data (the quiet period counts from here). */
let lastChange = 0;

/**
 * Whether the kernel is running cells. Figures off screen wait until it is not: their data may
 * change again before the run ends (a re-run's cells reach them one by one), and a draw is one
 * task Plotly cannot break, so an off-screen figure drawn meanwhile (up to 250 ms for a figure
 * of several panels) would hold up the figure on screen whose data arrives during it. Measured
 * on bias-variance's noise slider: three such draws during one move, 250 ms each.
 */
let kernelBusy = false;

/** Tells the scheduler whether the kernel is running cells (the notebook's view follows its status). */
export function kernelIsBusy(busy: boolean): void {
  kernelBusy = busy;
  if (!busy) drawWhenQuiet();
}

/** Draws the waiting figures one per idle period, oldest first, once figures stop changing and the kernel is idle. */
function drawWhenQuiet(): void {
  if (idleScheduled || waiting.size === 0 || kernelBusy) return;
  idleScheduled = true;
  setTimeout(afterQuiet, QUIET_MS);
}

function afterQuiet(): void {
  if (kernelBusy) {
    idleScheduled = false; // kernelIsBusy(false) starts again
    return;
  }
  const quietFor = performance.now() - lastChange;
  if (quietFor < QUIET_MS) {
    setTimeout(afterQuiet, QUIET_MS - quietFor);
    return;
  }
  const drawOldest = () => {
    if (kernelBusy) {
      idleScheduled = false;
      return;
    }
    const first = waiting.keys().next();
    if (!first.done) drawNow(first.value);
    if (waiting.size > 0) afterQuiet();
    else idleScheduled = false;
  };
  // Safari has no requestIdleCallback; there the quiet period alone has to do (one draw per task).
  if (typeof requestIdleCallback === 'function') requestIdleCallback(drawOldest, { timeout: 1000 });
  else setTimeout(drawOldest, 0);
}

/** Printing shows every figure, so the waiting ones are drawn first. */
if (typeof window !== 'undefined') {
  window.addEventListener('beforeprint', () => {
    for (const element of [...waiting.keys()]) drawNow(element);
  });
}
