/**
 * First and second visits timed in a Chromium no driver is attached to. Playwright's DevTools
 * session on a page makes V8 evaluate every script about twice as slowly (it collects what the
 * debugger needs): Plotly's cartesian bundle, loaded by a script tag from the same local server,
 * took 665 ms with its download in a driven page and 350 ms in a plain one on this machine. A
 * learner has no debugger on the page, so the visits are measured without one:
 *
 * - Chromium is started by hand with a fresh profile and a remote-debugging port, but nothing
 *   attaches to a page: each visit opens a new tab through the port's HTTP endpoint (/json/new).
 * - The page is the built site's index.html with page-probes.js added at the top of its head
 *   (`probed.html`, served by site.ts); the probes post their marks to the server once the first
 *   figure is drawn (site.ts hands them over).
 * - First visit: a browser already running (as a learner's is, its network stack up), an empty
 *   cache; the tab stays open a few seconds, as a learner reads (the figures' pictures for the next
 *   visit are taken once they are still). Second visit: a new tab of the same browser after the
 *   first was closed (HTTP cache warm, the pictures stored).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Site, VisitMarks } from './site.ts';

/** How long the first visit's tab stays open after its first figure: its figures are drawn, still, pictured and stored by then. */
const READ_MS = 5000;

export interface Visit {
  proseAt: number;
  firstFigureAt: number;
  /** When the first of the figures' pictures from the last visit was painted, if one was (last-pictures.ts). */
  pictureAt?: number;
  /** The longest main-thread task before the first figure (ms). */
  longestTask: number;
}

export interface Launch {
  executablePath: string;
  args: string[];
}

/** Both visits of one notebook in a browser of its own, started and closed here. */
export async function unwatchedVisits(launch: Launch, site: Site, slug: string, viewport: { width: number; height: number }): Promise<{ first: Visit; second: Visit }> {
  const profile = mkdtempSync(join(tmpdir(), 'stepwise-visit-'));
  const browser = spawn(launch.executablePath, [...launch.args, `--user-data-dir=${profile}`, '--remote-debugging-port=0', `--window-size=${viewport.width},${viewport.height}`, 'about:blank'], { stdio: 'ignore', detached: true });
  try {
    const endpoint = `http://127.0.0.1:${await debuggingPort(profile, browser)}`;
    /** Opens `url` in a new tab (nothing attaches to it); returns how to close it. */
    const openTab = async (url: string) => {
      const tab = (await (await fetch(`${endpoint}/json/new?${encodeURIComponent(url)}`, { method: 'PUT' })).json()) as { id: string };
      return () => fetch(`${endpoint}/json/close/${tab.id}`);
    };
    const visit = async (readMs: number): Promise<Visit> => {
      const marks = site.nextMarks(120_000);
      const close = await openTab(`${site.url}probed.html#/${slug}`);
      const seen = await marks;
      await new Promise((resolve) => setTimeout(resolve, readMs));
      await close();
      if (seen.width !== viewport.width) throw new Error(`the unwatched tab is ${seen.width} px wide, not ${viewport.width}`);
      return toVisit(seen);
    };
    // A learner's browser has its network stack up: in a browser just started, the first page's
    // HTML took 300–600 ms to arrive from this local server (the second's 20–40 ms).
    const closeWarm = await openTab(`${site.url}__probes.js`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await closeWarm();
    const first = await visit(READ_MS);
    const second = await visit(0);
    return { first, second };
  } finally {
    // The whole process group: a renderer left behind would go on loading the machine. The
    // profile goes once the browser has exited (it writes to it until then).
    const exited = browser.exitCode !== null || browser.signalCode !== null ? Promise.resolve() : new Promise((resolve) => browser.once('exit', resolve));
    try {
      process.kill(-browser.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}

function toVisit(marks: VisitMarks): Visit {
  const before = marks.longTasks.filter((task) => task.start < marks.firstFigureAt);
  const pictureAt = marks.pictureAt !== undefined && marks.pictureAt > 0 ? marks.pictureAt : undefined;
  return { proseAt: marks.proseAt, firstFigureAt: marks.firstFigureAt, pictureAt, longestTask: Math.max(0, ...before.map((task) => task.duration)) };
}

/** The port Chromium chose (it writes it to DevToolsActivePort in the profile once it listens). */
async function debuggingPort(profile: string, browser: ChildProcess): Promise<number> {
  for (let waited = 0; waited < 30_000; waited += 50) {
    if (browser.exitCode !== null) throw new Error(`Chromium exited with code ${browser.exitCode} before it listened`);
    try {
      const port = Number(readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0]);
      if (port > 0) return port;
    } catch {
      // Not written yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('Chromium did not open its debugging port within 30 s');
}
