import type { Page } from '@playwright/test';

/**
 * Waits in the page until the JavaScript `condition` is truthy. Not `page.waitForFunction`:
 * with a string that needs eval inside the page, which the dashboard's strict CSP forbids;
 * one evaluated expression that polls needs none.
 */
export async function waitInPage(page: Page, condition: string, timeoutMs = 20_000): Promise<void> {
  await page.evaluate(`new Promise((resolve, reject) => {
    const started = performance.now();
    const poll = () => {
      let ok = false;
      try { ok = Boolean(${condition}); } catch { ok = false; }
      if (ok) return resolve(true);
      if (performance.now() - started > ${timeoutMs}) {
        return reject(new Error(${JSON.stringify(`timed out waiting for ${condition.slice(0, 200)}`)}));
      }
      setTimeout(poll, 10);
    };
    poll();
  })`);
}
