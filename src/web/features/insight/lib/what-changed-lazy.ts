import { lazyModule } from '../../../lib/lazy-module.ts';

/**
 * "What changed" in its own chunk: it shows only with the charts, folded away on the table's
 * first screen. Where the charts are unfolded from the start (report mode, `charts=1`), the
 * first screen loads it before rendering (prefetch-explorer.ts), so the server's pre-render
 * and the render that hydrates it both have it.
 */
const whatChanged = lazyModule(() => import('../components/what-changed.tsx'));

export const loadWhatChanged = whatChanged.load;
/** The section's module once loaded (null until then). */
export const useWhatChangedModule = whatChanged.useModule;
