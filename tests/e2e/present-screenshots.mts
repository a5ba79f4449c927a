/**
 * Screenshots of present mode's presenter window at 1920×1080, light and dark, for looking at it:
 * `npx tsx tests/e2e/present-screenshots.mts [slug[:slide[:audience]] …]` (slides 1-based;
 * default: presenting:1 gradient-descent:4; `:audience` shoots the audience's window instead).
 * Builds the site with the e2e fixtures into a cache folder and writes
 * present-<slug>-<slide>[-audience]-<light|dark>.png to $SCREENSHOTS_DIR (default
 * /tmp/stepwise-screenshots). Each shot waits for the live slide's figures and the preview's.
 */
import { mkdirSync } from 'node:fs';
import { build, preview } from 'vite';
import { chromiumLaunch } from '../../vite.config.ts';
import { launchChromium, openPage, waitForCellsSettled } from './browser.ts';
import { E2E_NOTEBOOK_DIRS, freePort } from './global-setup.ts';

const OUT_DIR = 'node_modules/.cache/stepwise-present-screenshots-dist';
const SHOTS = process.env.SCREENSHOTS_DIR ?? '/tmp/stepwise-screenshots';
const asked = process.argv.slice(2);
const views = (asked.length > 0 ? asked : ['presenting:1', 'gradient-descent:4']).map((text) => {
  const [slug, slide, role] = text.split(':');
  return { slug, slide: Number(slide ?? 1), audience: role === 'audience' };
});

mkdirSync(SHOTS, { recursive: true });
process.env.STEPWISE_NOTEBOOK_DIRS = E2E_NOTEBOOK_DIRS;
await build({ logLevel: 'error', build: { outDir: OUT_DIR, emptyOutDir: true } });
const port = await freePort();
const server = await preview({ logLevel: 'error', build: { outDir: OUT_DIR }, preview: { host: '127.0.0.1', port, strictPort: true } });
const browser = await launchChromium(chromiumLaunch);
try {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, colorScheme: scheme });
    for (const { slug, slide, audience } of views) {
      const { page, errors } = await openPage(context, `http://127.0.0.1:${port}/#/${slug}?slide=${slide}${audience ? '' : '&presenter=1'}`);
      await page.waitForSelector(audience ? '.present-audience' : '.present-presenter');
      // A slide without cells (a title) has nothing to wait for but the preview's figures.
      if ((await page.$('[data-cell]')) !== null) await waitForCellsSettled(page, 180_000);
      else await page.waitForTimeout(5000);
      await page.waitForFunction(
        () => [...document.querySelectorAll<HTMLElement>('.slide-content .figure, .slide-preview-figure')].every((figure) => figure.dataset.drawn !== undefined && figure.dataset.drawn === figure.dataset.latest),
        undefined,
        { timeout: 120_000 },
      );
      await page.waitForTimeout(1500); // KaTeX fonts, the slide's fit settled
      const path = `${SHOTS}/present-${slug}-${slide}${audience ? '-audience' : ''}-${scheme}.png`;
      await page.screenshot({ path });
      console.log(path);
      if (errors.length > 0) console.log(`page errors:\n  ${errors.join('\n  ')}`);
      await page.close();
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
