/**
 * Waiting for a page to be still, shared by the H5 tests and the console's browser tests (which import it from here):
 * what a tap just changed rendered, no CSS transition or animation running, images and fonts loaded.
 */
import type { Page } from 'playwright-core';

/** How long a test waits for a state that should come at once on an idle machine (a busy one can be very slow). */
export const WAIT_MS = 60_000;

/**
 * Waits until the screen is still: no CSS transition or finite animation running (sheets, pickers, menus and pages
 * slide), every image loaded or failed, and the web fonts ready. Endless animations (spinners) do not count.
 */
export async function screenSettled(page: Page): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      // Two frames first: what a tap just changed is rendered, and its transition started, by then.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await page.waitForFunction(
        () =>
          document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY) &&
          [...document.images].every((img) => img.complete) &&
          document.fonts.status === 'loaded',
        undefined,
        { timeout: Math.max(1, deadline - Date.now()), polling: 100 },
      );
      return;
    } catch (err) {
      // The page went to another document meanwhile (a page that goes back by itself): settle the new one.
      if (/Execution context was destroyed|navigation/i.test(String(err)) && Date.now() < deadline) {
        await page.waitForLoadState('load', { timeout: Math.max(1, deadline - Date.now()) });
        continue;
      }
      throw new Error(`waiting for the screen to settle (animations done, images loaded): ${err}`);
    }
  }
}
