import { lazy, Suspense } from 'react';
import type { InsightChartsProps } from './insight-charts.tsx';
import { SummaryStrip, type SummaryStripProps } from './summary-strip.tsx';
import './insight.css';

// The charts (and recharts with them) arrive in their own chunk after first paint.
const LazyInsightCharts = lazy(() => import('./insight-charts.tsx'));

export type InsightSectionProps = SummaryStripProps & Omit<InsightChartsProps, 'sessions'>;

/** Summary strip at once; charts lazily, behind a placeholder of the same size. */
export function InsightSection(props: InsightSectionProps) {
  const { complete, loadedCount, hasMore, ...charts } = props;
  return (
    <section className="insight" aria-label="Insight">
      <SummaryStrip
        sessions={props.sessions}
        complete={complete}
        loadedCount={loadedCount}
        hasMore={hasMore}
      />
      <Suspense
        fallback={
          <div className="insight-charts insight-charts--placeholder" role="status">
            Loading charts…
          </div>
        }
      >
        <LazyInsightCharts {...charts} />
      </Suspense>
    </section>
  );
}
