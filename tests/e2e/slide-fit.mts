/**
 * How well a notebook's slides fit a 1280×720 projector, for authors: `npm run slides -- [slug …]`
 * (default: every notebook in notebooks/). Builds the site into a cache folder, runs each notebook,
 * enters present mode and prints every slide's scale (1 = fits; below, the slide is shrunk to fit)
 * with its code cells and figures. Exits 1 when a slide is shrunk below MIN_SCALE: split it with a
 * line `<!-- slide -->` (README, "Slides and speaker notes").
 */
import { readdirSync } from 'node:fs';
import { build, preview } from 'vite';
import { chromiumLaunch } from '../../vite.config.ts';
import { launchChromium, openPage, waitForCellsSettled } from './browser.ts';
import { freePort } from './global-setup.ts';
import { openInPage } from './pages.ts';

const OUT_DIR = 'node_modules/.cache/stepwise-slide-fit-dist';
/** Below this a slide's text no longer reads from the back of a room (the flagships' e2e test holds them to it). */
const MIN_SCALE = 0.6;
const SCREEN = { width: 1280, height: 720 };
const asked = process.argv.slice(2);
const slugs = asked.length > 0 ? asked : readdirSync('notebooks').filter((file) => file.endsWith('.md')).map((file) => file.slice(0, -3)).sort();

process.env.STEPWISE_NOTEBOOK_DIRS = 'notebooks';
await build({ logLevel: 'error', build: { outDir: OUT_DIR, emptyOutDir: true } });
const port = await freePort();
const server = await preview({ logLevel: 'error', build: { outDir: OUT_DIR }, preview: { host: '127.0.0.1', port, strictPort: true } });
const browser = await launchChromium(chromiumLaunch);
const tooSmall: string[] = [];
try {
  const context = await browser.newContext({ viewport: SCREEN });
  const { page, errors } = await openPage(context, `http://127.0.0.1:${port}/#/`);
  for (const slug of slugs) {
    await openInPage(page, slug, 120_000);
    await waitForCellsSettled(page, 300_000);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.waitForSelector('.present');
    const count = Number((await page.textContent('.slide-number'))?.split('/')[1]);
    await page.keyboard.press('Home');
    for (let index = 0; index < count; index += 1) {
      // The slide's figures drawn with their newest data, then the fit measured on a later frame.
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.slide-content .figure')].every((figure) => figure.dataset.drawn !== undefined && figure.dataset.drawn === figure.dataset.latest), undefined, { timeout: 120_000 });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const slide = await page.evaluate(() => {
        const content = document.querySelector('.slide-content')!;
        return {
          scale: Number(document.querySelector('.slide-box')?.getAttribute('data-scale') ?? 1),
          cells: [...content.querySelectorAll('[data-cell]')].map((cell) => Number(cell.getAttribute('data-cell')) + 1),
          figures: content.querySelectorAll('.figure').length,
          start: (content.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60),
        };
      });
      const flag = slide.scale < MIN_SCALE ? '  << split it' : '';
      console.log(`${slug} slide ${index + 1}/${count}: scale ${slide.scale.toFixed(2)}, cells ${slide.cells.join(',') || '-'}, figures ${slide.figures} | ${slide.start}${flag}`);
      if (flag) tooSmall.push(`${slug} slide ${index + 1} (${slide.scale.toFixed(2)})`);
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('Escape');
    await page.waitForSelector('.present', { state: 'detached' });
  }
  if (errors.length > 0) console.log(`page errors:\n  ${errors.join('\n  ')}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
if (tooSmall.length > 0) {
  console.log(`\nShrunk below ${MIN_SCALE} at ${SCREEN.width}×${SCREEN.height}: ${tooSmall.join(', ')}`);
  process.exitCode = 1;
} else console.log(`\nEvery slide of ${slugs.length} notebook(s) fits at ${MIN_SCALE} or more.`);
