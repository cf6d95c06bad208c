import { useEffect, useState } from 'react';

/**
 * A module in its own chunk, loaded once, with a hook that re-renders when it lands.
 *
 * Not React.lazy: a lazy component behind <Suspense> commits its fallback first, and React
 * then throttles the reveal of the real content (about 300 ms after any fallback), which
 * delayed the first row long after its data had arrived. Module state and a plain re-render
 * show the part in the same frame its chunk resolves — and a part loaded before hydration
 * (see prefetch-explorer.ts) is there in the very render that hydrates the server's markup.
 */
export function lazyModule<M>(importModule: () => Promise<M>) {
  let loaded: M | null = null;
  let loading: Promise<M> | null = null;

  const load = (): Promise<M> => (loading ??= importModule().then((module) => (loaded = module)));

  /** The module once loaded (null until then); a failed load goes to the error boundary. */
  function useModule(): M | null {
    const [module, setModule] = useState(loaded);
    const [failure, setFailure] = useState<Error | null>(null);
    useEffect(() => {
      if (module) return undefined;
      let live = true;
      load().then(
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

  return { load, useModule };
}
