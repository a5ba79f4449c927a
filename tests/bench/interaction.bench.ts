/**
 * Interaction speed on the built site in Chromium at 1366×900 (`npm run bench -- interaction`),
 * for every shipped notebook and every control in it (found in the page, so a new notebook is
 * measured without being listed):
 * - control → the figures it drives, scrolled into view, first redrawn with the new data (p50/p95
 *   per notebook, the worst control): what the learner sees respond. A cell that trains live shows
 *   its first frame then; the time until the figures' cells are done is reported beside it
 *   (settled), and how many frames per second the figure drew while they trained;
 * - a playing stepper: frames drawn vs frames due over 5 s;
 * - a slider dragged with input events at 60 Hz: redraws meanwhile, and the lag after release;
 * - first visit (a running browser, an empty cache) and second visit (a new tab after it): prose,
 *   first figure, longest main-thread task before the first figure; in a browser no driver is
 *   attached to (interaction/unwatched-visits.ts: a driven page runs scripts twice as slowly);
 * - the headless runner: `npx stepwise run notebooks/k-means.md` wall time.
 * BENCH_NOTEBOOKS=k-means,pca limits the notebooks; BENCH_PARTS=controls,playback,visits,cli the
 * parts (playback: steppers played and sliders dragged); BENCH_MOVES=3 times fewer moves per
 * control (a scan of every notebook then takes about half a minute each, not minutes);
 * BENCH_REUSE_BUILD=1 serves the last build instead of building again.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumLaunch } from '../../vite.config.ts';
import { launchChromium } from '../e2e/browser.ts';
import { summarize } from './harness.ts';
import { serveBuiltSite, shippedNotebooks, type Site } from './interaction/site.ts';
import { unwatchedVisits, type Visit } from './interaction/unwatched-visits.ts';

const PROBES = fileURLToPath(new URL('./interaction/page-probes.js', import.meta.url));
const VIEWPORT = { width: 1366, height: 900 };
/** Timed moves per control (after one move that finds the figures it drives). */
const MOVES = Number(process.env.BENCH_MOVES ?? 7);
const PLAY_MS = 5000;
const DRAG_MS = 2000;
const VISITS = 3;
const CLI_RUNS = 3;

interface ControlInfo { cell: number; index: number; type: string; label: string }
interface Probes {
  marks: { longTasks: { start: number; duration: number }[]; firstFigureAt?: number; proseAt?: number };
  controls(): ControlInfo[];
  loaded(timeoutMs: number): Promise<void>;
  settle(timeoutMs?: number): Promise<void>;
  discover(control: ControlInfo): Promise<string[]>;
  show(key: string): Promise<void>;
  timeMove(control: ControlInfo, driven: string[], i: number): Promise<{ firstMs: number; settledMs: number; framesPerSecond?: number }>;
  play(control: ControlInfo, key: string, ms: number): Promise<{ intervalMs: number; due: number; drawn: number }>;
  drag(control: ControlInfo, key: string, ms: number): Promise<{ events: number; drawsDuring: number; medianGapMs: number; maxGapMs: number; releaseLagMs: number }>;
  valueOf(control: ControlInfo): string | number | boolean | null;
  restore(control: ControlInfo, value: string | number | boolean | null): Promise<void>;
  figureCount(): number;
}
declare global {
  interface Window { __bench: Probes }
}

export default async function interactionBench(): Promise<void> {
  const only = process.env.BENCH_NOTEBOOKS?.split(',').filter(Boolean);
  const notebooks = shippedNotebooks().filter((slug) => !only || only.includes(slug));
  const parts = process.env.BENCH_PARTS?.split(',') ?? ['controls', 'playback', 'visits', 'cli'];
  const site = await serveBuiltSite(process.env.BENCH_REUSE_BUILD === '1');
  const browser = await launchChromium(chromiumLaunch);
  try {
    console.log(`Chromium ${browser.version()}, ${VIEWPORT.width}×${VIEWPORT.height}; notebooks: ${notebooks.join(', ')}`);
    if (parts.includes('controls') || parts.includes('playback')) {
      const all: Moves = { first: [], settled: [] };
      for (const slug of notebooks) {
        const moves = await controlsOf(browser, site.url, slug, parts.includes('playback'));
        all.first.push(...moves.first);
        all.settled.push(...moves.settled);
      }
      if (all.first.length > 0) {
        console.log(`\nall notebooks: control → figure redrawn p50 ${pct(all.first, 50)} ms, p95 ${pct(all.first, 95)} ms over ${all.first.length} moves | target p50 ≤ 50 ms, p95 ≤ 150 ms`);
        console.log(`all notebooks: control → its figures' cells done p50 ${pct(all.settled, 50)} ms, p95 ${pct(all.settled, 95)} ms`);
      }
    }
    if (parts.includes('visits')) {
      console.log('\n### first and second visit');
      for (const slug of notebooks) await visits(site, slug);
    }
  } finally {
    await browser.close();
    await site.close();
  }
  if (parts.includes('cli')) {
    console.log('\n### headless runner');
    cliRuns('k-means');
  }
}

/** Move times (ms): until the driven figures first show the new data, and until their cells are done. */
interface Moves { first: number[]; settled: number[] }

/** Every control of one notebook: moves timed, and with `playback`, steppers played and sliders dragged. Returns all move times. */
async function controlsOf(browser: Browser, url: string, slug: string, playback: boolean): Promise<Moves> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript({ path: PROBES });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}#/${slug}`);
  await probe(page, (p) => p.loaded(120_000));
  const controls = await probe(page, (p) => p.controls());
  console.log(`\n### ${slug}: ${controls.length} controls, ${await probe(page, (p) => p.figureCount())} figures`);
  const times: Moves = { first: [], settled: [] };
  const rows: { name: string; median: number; p95: number }[] = [];
  for (const control of controls) {
    const name = `${control.type} '${control.label}' (cell ${control.cell + 1})`;
    const initial = await page.evaluate((c) => window.__bench.valueOf(c), control).catch(() => null);
    try {
      const driven = await page.evaluate((c) => window.__bench.discover(c), control);
      const target = driven.find((key) => Number(key.split('.')[0]) >= control.cell) ?? driven[0];
      if (target !== undefined) await page.evaluate((key) => window.__bench.show(key), target);
      const own: number[] = [];
      const settled: number[] = [];
      const liveRates: number[] = [];
      for (let i = 1; i <= MOVES; i++) {
        const move = await page.evaluate(([c, d, n]) => window.__bench.timeMove(c, d, n), [control, driven, i] as const);
        own.push(move.firstMs);
        settled.push(move.settledMs);
        if (move.framesPerSecond !== undefined) liveRates.push(move.framesPerSecond);
        await probe(page, (p) => p.settle());
      }
      times.first.push(...own);
      times.settled.push(...settled);
      rows.push({ name, median: summarize(own).medianMs, p95: Number(pct(own, 95)) });
      const settledNote = summarize(settled).medianMs > summarize(own).medianMs + 50 ? `; its cells done after ${summarize(settled).medianMs.toFixed(0)} ms` : '';
      // Most moves of a control that trains live redraw its figure as it trains: their median rate.
      const liveNote = liveRates.length > MOVES / 2 ? `; while it trains live, ${summarize(liveRates).medianMs.toFixed(1)} frames per second` : '';
      console.log(`  ${name} → ${driven.length ? `figures ${driven.join(', ')}` : 'no figure (until its cells are done)'}: median ${summarize(own).medianMs.toFixed(0)} ms (min ${Math.min(...own).toFixed(0)}, max ${Math.max(...own).toFixed(0)})${settledNote}${liveNote}`);
      if (playback && control.type === 'stepper' && target !== undefined) {
        const played = await page.evaluate(([c, key, ms]) => window.__bench.play(c, key, ms), [control, target, PLAY_MS] as const);
        console.log(`    playing ${PLAY_MS / 1000} s at ${played.intervalMs} ms a step: ${played.drawn} frames drawn of ${played.due} due`);
      }
      if (playback && control.type === 'slider' && target !== undefined) {
        const dragged = await page.evaluate(([c, key, ms]) => window.__bench.drag(c, key, ms), [control, target, DRAG_MS] as const);
        console.log(`    dragged ${DRAG_MS / 1000} s at 60 Hz (${dragged.events} events): ${dragged.drawsDuring} redraws, median gap ${dragged.medianGapMs.toFixed(0)} ms (max ${dragged.maxGapMs.toFixed(0)}); lag after release ${dragged.releaseLagMs.toFixed(0)} ms`);
      }
    } catch (error) {
      console.log(`  ${name}: FAILED: ${(error as Error).message.split('\n')[0]}`);
    }
    await page.evaluate(([c, value]) => window.__bench.restore(c, value), [control, initial] as const).catch((error: Error) => console.log(`  ${name}: could not be set back: ${error.message.split('\n')[0]}`));
  }
  if (times.first.length > 0) {
    const worst = rows.reduce((a, b) => (b.median > a.median ? b : a));
    console.log(`  ${slug}: p50 ${pct(times.first, 50)} ms, p95 ${pct(times.first, 95)} ms; worst control ${worst.name} (median ${worst.median.toFixed(0)} ms, p95 ${worst.p95} ms); cells done p50 ${pct(times.settled, 50)} ms, p95 ${pct(times.settled, 95)} ms`);
  }
  if (errors.length > 0) console.log(`  page errors: ${errors.join(' | ')}`);
  await context.close();
  return times;
}

/** First and second visits in a browser nothing drives (unwatched-visits.ts says why), VISITS times. */
async function visits(site: Site, slug: string): Promise<void> {
  const first: Visit[] = [];
  const second: Visit[] = [];
  for (let i = 0; i < VISITS; i++) {
    const both = await unwatchedVisits(chromiumLaunch, site, slug, VIEWPORT);
    first.push(both.first);
    second.push(both.second);
  }
  const median = (values: number[]) => summarize(values).medianMs.toFixed(0);
  const pictures = (v: Visit[]) => {
    const at = v.flatMap((x) => (x.pictureAt === undefined ? [] : [x.pictureAt]));
    return at.length === 0 ? '' : `, last visit's pictures ${median(at)} ms${at.length < v.length ? ` (in ${at.length} of ${v.length})` : ''}`;
  };
  const line = (what: string, v: Visit[]) =>
    `  ${slug} ${what}: prose ${median(v.map((x) => x.proseAt))} ms${pictures(v)}, first figure ${median(v.map((x) => x.firstFigureAt))} ms, longest task before it ${median(v.map((x) => x.longestTask))} ms (medians of ${v.length})`;
  console.log(line('first visit', first));
  console.log(line('second visit', second));
}

/**
 * Wall time of `npx stepwise run notebooks/<slug>.md` (a new process each time; the build caches
 * already made), and of the same command started by Node directly: npx's own start is most of the difference.
 */
function cliRuns(slug: string): void {
  const timed = (command: string, args: string[]) => () => {
    const t0 = performance.now();
    try {
      execFileSync(command, args, { stdio: 'ignore' });
    } catch {
      // A failing cell exits 1: the time still counts.
    }
    return performance.now() - t0;
  };
  const viaNpx = timed('npx', ['stepwise', 'run', `notebooks/${slug}.md`]);
  const direct = timed(process.execPath, ['src/cli/stepwise.mjs', 'run', `notebooks/${slug}.md`]);
  viaNpx(); // builds the command's and the runtime's bundles and caches if a source changed
  const times = Array.from({ length: CLI_RUNS }, viaNpx);
  console.log(`npx stepwise run notebooks/${slug}.md: ${summarize(times).medianMs.toFixed(0)} ms median (${times.map((t) => t.toFixed(0)).join(', ')}) | target ≤ 1500 ms`);
  const directTimes = Array.from({ length: CLI_RUNS }, direct);
  console.log(`node src/cli/stepwise.mjs run notebooks/${slug}.md: ${summarize(directTimes).medianMs.toFixed(0)} ms median (${directTimes.map((t) => t.toFixed(0)).join(', ')})`);
}

function probe<T>(page: Page, fn: (probes: Probes) => T | Promise<T>): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.__bench)`) as Promise<T>;
}

/** Nearest-rank percentile, whole milliseconds. */
function pct(values: number[], p: number): string {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(0);
}
