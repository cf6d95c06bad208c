import type { Page } from '@playwright/test';

/**
 * The e2e server's simulator runs on a fixed clock (SIM_NOW=2026-11-20T12:00:00Z), so specs use
 * absolute windows before that instant. Each distinct query spends one of Plivo's 20 list calls
 * a minute, shared by the whole suite: specs reuse the same window so the server cache answers.
 */
export const WINDOW = 'from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z';

/** The data rows of the explorer's virtual table, or of report mode's plain `<table>`. */
export const dataRows = (page: Page) =>
  page
    .getByRole('table', { name: 'Sessions' })
    .locator('[role="row"][data-row-index], tr[data-row-index]');

export async function cellTexts(page: Page, column: string): Promise<string[]> {
  return dataRows(page).locator(`.cell-${column}`).allInnerTexts();
}

/** Takes out the console errors Chromium logs for an expected HTTP status; returns how many. */
export function takeExpectedStatus(errors: string[], status: number): number {
  let taken = 0;
  for (let i = errors.length - 1; i >= 0; i--) {
    if ((errors[i] ?? '').includes(`status of ${status}`)) {
      errors.splice(i, 1);
      taken++;
    }
  }
  return taken;
}
