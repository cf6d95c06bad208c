import { lazy, Suspense } from 'react';
import type { InsightChartsProps } from './insight-charts.tsx';
import { usePrerendering } from '../../../lib/prerendering.ts';
import { SummaryStrip, type SummaryStripProps } from './summary-strip.tsx';
import './insight.css';

// The charts (and recharts with them) arrive in their own chunk after first paint.
const LazyInsightCharts = lazy(() => import('./insight-charts.tsx'));

export type InsightSectionProps = SummaryStripProps & Omit<InsightChartsProps, 'sessions'>;

const chartsPlaceholder = (
  <div className="insight-charts insight-charts--placeholder" role="status">
    Loading charts…
  </div>
);

/**
 * Summary strip at once; charts lazily, behind a placeholder of the same size. The server's
 * pre-render always shows the placeholder: the browser starts from it too, and charts drawn
 * on a server, with no size to fit, would only be empty frames.
 */
export function InsightSection(props: InsightSectionProps) {
  const { complete, loadedCount, hasMore, retriedSessions, ...charts } = props;
  const prerendering = usePrerendering();
  return (
    <section className="insight" aria-label="Insight">
      <SummaryStrip
        sessions={props.sessions}
        complete={complete}
        loadedCount={loadedCount}
        hasMore={hasMore}
        stats={props.stats ?? null}
        retriedSessions={retriedSessions ?? null}
      />
      {prerendering ? (
        chartsPlaceholder
      ) : (
        <Suspense fallback={chartsPlaceholder}>
          <LazyInsightCharts {...charts} />
        </Suspense>
      )}
    </section>
  );
}
