import { useEffect, useState } from 'react';
import { loadPhone } from '../../../lib/phone-lazy.ts';

/**
 * TanStack Table and Virtual load in their own chunk while the first page is fetched, not
 * before first paint. Numbers are formatted by libphonenumber: the table waits for it too, so
 * rows never reflow as it lands.
 *
 * Not React.lazy: a lazy component behind <Suspense> commits its fallback first, and React
 * then throttles the reveal of the real content (about 300 ms after any fallback), which
 * delayed the first row long after its data had arrived. Module state and a plain re-render
 * show the table in the same frame the chunk resolves.
 */
type TableModule = typeof import('../components/sessions-table.tsx');

let loaded: TableModule | null = null;
let loading: Promise<TableModule> | null = null;

export function loadTable(): Promise<TableModule> {
  loading ??= Promise.all([import('../components/sessions-table.tsx'), loadPhone()]).then(
    ([module]) => (loaded = module),
  );
  return loading;
}

/** The table module once loaded (null until then); a failed load goes to the error boundary. */
export function useTableModule(): TableModule | null {
  const [module, setModule] = useState(loaded);
  const [failure, setFailure] = useState<Error | null>(null);
  useEffect(() => {
    if (module) return undefined;
    let live = true;
    loadTable().then(
      (next) => live && setModule(next),
      (error: unknown) =>
        live && setFailure(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      live = false;
    };
  }, [module]);
  if (failure) throw failure;
  return module;
}
