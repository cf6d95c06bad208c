import { lazyModule } from '../lib/lazy-module.ts';

/**
 * The report header (with the masking code) in its own chunk: outside report mode it shows
 * only in print, so it loads after first paint. In report mode it is at the top of the
 * page: the first screen loads it first (prefetch-explorer.ts), so the server's pre-render
 * and the render that hydrates it have it, and it never pushes the page down as it lands.
 */
const reportStamp = lazyModule(() => import('./report-stamp.tsx'));

export const loadReportStamp = reportStamp.load;
/** The report stamp's module once its chunk is loaded (null until then). */
export const useReportStampModule = reportStamp.useModule;
