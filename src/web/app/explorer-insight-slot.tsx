import { lazyModule } from '../lib/lazy-module.ts';
import type { ExplorerInsightProps } from './explorer-insight.tsx';
// The section's styles stay in the page's first stylesheet: the server renders the section,
// and the first paint must show it styled, before its chunk has loaded.
import '../features/insight/components/insight.css';

/**
 * The summary, "load all matching" and the charts' fold (explorer-insight.tsx) in their own
 * chunk. They show only once rows are there, like the table: the first screen loads them
 * with the table's chunk, in parallel, before the server's pre-render and before hydrating
 * it (prefetch-explorer.ts), so they cost the first load no extra round trip.
 */
const explorerInsight = lazyModule(() => import('./explorer-insight.tsx'));

export const loadExplorerInsight = explorerInsight.load;

/** The section once its chunk is in; until then its box as it is before there are rows. */
export function ExplorerInsightSlot(props: ExplorerInsightProps) {
  const insight = explorerInsight.useModule();
  if (insight) return <insight.ExplorerInsight {...props} />;
  return (
    <section className="insight-slot" data-slot="insight" aria-label="Summary">
      <div data-controls="" />
    </section>
  );
}
