/** A phone-sized browser window for the end-to-end tests, and the toolbar's one-row height there. */
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const PHONE = { width: 390, height: 844 };
/** One row of toolbar: a button (~31 px) and the toolbar's padding, with room to spare. */
export const ONE_ROW = 56;

/** A fresh profile with a phone-sized window (touch, downloads allowed). */
export function phone(browser: Browser, width = PHONE.width): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width, height: PHONE.height }, hasTouch: true, acceptDownloads: true });
}

export const toolbarHeight = (page: Page) => page.$eval('.toolbar-wrap', (element) => element.getBoundingClientRect().height);
