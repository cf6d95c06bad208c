import { useEffect, useState } from 'react';

/**
 * The report header (with the masking code) in its own chunk: outside report mode it shows
 * only in print, so it loads after first paint. In report mode it is at the top of the
 * page: the first screen loads it first (prefetch-explorer.ts), so the server's pre-render
 * and the render that hydrates it have it, and it never pushes the page down as it lands.
 * Module state rather than React.lazy, as for the table (see table-lazy.ts).
 */
type StampModule = typeof import('./report-stamp.tsx');

let loaded: StampModule | null = null;
let loading: Promise<StampModule> | null = null;

export function loadReportStamp(): Promise<StampModule> {
  loading ??= import('./report-stamp.tsx').then((module) => (loaded = module));
  return loading;
}

/** The report stamp's module once its chunk is loaded (null until then). */
export function useReportStampModule(): StampModule | null {
  const [module, setModule] = useState(loaded);
  const [failure, setFailure] = useState<Error | null>(null);
  useEffect(() => {
    if (module) return undefined;
    let live = true;
    loadReportStamp().then(
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
