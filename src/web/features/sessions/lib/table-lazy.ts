import { lazyModule } from '../../../lib/lazy-module.ts';
import { loadPhone } from '../../../lib/phone-lazy.ts';

/**
 * TanStack Table and Virtual load in their own chunk while the first page is fetched, not
 * before first paint. Numbers are formatted by libphonenumber: the table waits for it too, so
 * rows never reflow as it lands.
 */
const table = lazyModule(() =>
  Promise.all([import('../components/sessions-table.tsx'), loadPhone()]).then(([module]) => module),
);

export const loadTable = table.load;
/** The table module once loaded (null until then); a failed load goes to the error boundary. */
export const useTableModule = table.useModule;
