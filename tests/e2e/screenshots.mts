/**
 * Screenshots of the built app at laptop size (light and dark) and at phone width (390 px, light),
 * for looking at it as a learner would: `npx tsx tests/e2e/screenshots.mts [slug …]` (default:
 * welcome). Builds into a cache folder (not dist/), writes <page>-<light|dark|phone>.png and
 * <page>-<…>-full.png (the whole page) to $SCREENSHOTS_DIR, by default /tmp/stepwise-screenshots
 * (give each author their own when several work at once).
 */
import { mkdirSync } from 'node:fs';
import { build, preview } from 'vite';
import { chromiumLaunch } from '../../vite.config.ts';
import { launchChromium, newProfile, openPage, waitForCellsSettled } from './browser.ts';
import { freePort } from './global-setup.ts';
import { phone } from './phone.ts';

const OUT_DIR = 'node_modules/.cache/stepwise-screenshots-dist';
const SHOTS = process.env.SCREENSHOTS_DIR ?? '/tmp/stepwise-screenshots';
const slugs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['welcome'];

mkdirSync(SHOTS, { recursive: true });
await build({ logLevel: 'error', build: { outDir: OUT_DIR, emptyOutDir: true } });
const port = await freePort();
const server = await preview({ logLevel: 'error', build: { outDir: OUT_DIR }, preview: { host: '127.0.0.1', port, strictPort: true } });
const browser = await launchChromium(chromiumLaunch);
try {
  for (const scheme of ['light', 'dark', 'phone'] as const) {
    const context = scheme === 'phone' ? await phone(browser) : await newProfile(browser, scheme);
    const { page, errors } = await openPage(context, `http://127.0.0.1:${port}/#/`);
    await page.waitForSelector('.card');
    await page.screenshot({ path: `${SHOTS}/index-${scheme}.png` });
    for (const slug of slugs) {
      await page.goto(`http://127.0.0.1:${port}/#/${slug}`);
      await waitForCellsSettled(page, 90_000);
      await page.waitForTimeout(1500); // figures drawn, KaTeX fonts loaded
      await page.screenshot({ path: `${SHOTS}/${slug}-${scheme}.png` });
      await page.screenshot({ path: `${SHOTS}/${slug}-${scheme}-full.png`, fullPage: true });
    }
    if (errors.length > 0) console.log(`${scheme}: page errors:\n  ${errors.join('\n  ')}`);
    await context.close();
  }
  console.log(`screenshots in ${SHOTS}`);
} finally {
  await browser.close();
  await server.close();
}
