import { expect, type Page } from "@playwright/test";

/** A phone: nothing wider than 375 px, so no horizontal scrolling; the page is then back at 1280 px. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  await page.setViewportSize({ width: 375, height: 800 });
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: window.innerWidth,
  }));
  expect(widths.scroll, page.url()).toBeLessThanOrEqual(widths.client);
  await page.setViewportSize({ width: 1280, height: 900 });
}
