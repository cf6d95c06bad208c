import { test as base, expect, type Page } from '@playwright/test';
import { NO_PRERENDER_HEADER } from '../../src/contract/prerender.ts';

/**
 * Every spec imports `test` from here. Two automatic fixtures:
 * - `freshBudget`: each test starts with the shared Plivo budget (20 list calls a minute) of the
 *   simulator-backed e2e server unspent, so a test does not fail because earlier tests spent it.
 *   The budget itself is tested in the server's tests and in explorer-rate-limit.spec.ts.
 * - `pageErrors`: fails the test on any uncaught page error, console error or Content-Security-
 *   Policy violation, so a broken render cannot pass by accident.
 */
export const test = base.extend<{ freshBudget: void; pageErrors: string[] }>({
  freshBudget: [
    async ({ request }, use) => {
      const reset = await request.delete('/__sim/rate-limit');
      expect(reset.ok(), 'the e2e server resets the simulator rate limit').toBe(true);
      await use();
    },
    { auto: true },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
      });
      // A Content-Security-Policy violation is silent unless listened for (even one the page
      // survives, like a caught `eval` probe): report it as an error too.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(
            `CSP violation: ${event.violatedDirective} by ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
          );
        });
      });
      await use(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * For tests that answer `/api/sessions` themselves (`page.route`): the server would otherwise
 * pre-render the page from its own first page, and the browser would never ask for it.
 */
export async function withoutPrerender(page: Page): Promise<void> {
  await page.setExtraHTTPHeaders({ [NO_PRERENDER_HEADER]: 'off' });
}
