import { lazy, Suspense, useId } from 'react';
import type { InsightChartsProps } from './insight-charts.tsx';
import { usePrerendering } from '../../../lib/prerendering.ts';
import { SummaryStrip, type SummaryStripProps } from './summary-strip.tsx';
import './insight.css';

// The charts (and recharts with them) arrive in their own chunk after first paint.
const LazyInsightCharts = lazy(() => import('./insight-charts.tsx'));

export type ChartsFold = { shown: boolean; onChange: (shown: boolean) => void };

export type InsightSectionProps = SummaryStripProps &
  Omit<InsightChartsProps, 'sessions'> & {
    /** Folding the charts away (`charts=` in the URL); without it they always show. */
    charts?: ChartsFold;
  };

const chartsPlaceholder = (
  <div className="insight-charts insight-charts--placeholder" role="status">
    Loading charts…
  </div>
);

/**
 * Summary line at once; charts lazily, behind a placeholder of the same size, and only when
 * unfolded. The server's pre-render always shows the placeholder: the browser starts from it
 * too, and charts drawn on a server, with no size to fit, would only be empty frames.
 */
export function InsightSection(props: InsightSectionProps) {
  const { complete, loadedCount, hasMore, retriedSessions, charts: fold, ...charts } = props;
  const prerendering = usePrerendering();
  const chartsId = useId();
  const shown = fold?.shown ?? true;
  return (
    <section className="insight" aria-label="Insight">
      <div className="insight-head">
        <SummaryStrip
          sessions={props.sessions}
          complete={complete}
          loadedCount={loadedCount}
          hasMore={hasMore}
          stats={props.stats ?? null}
          retriedSessions={retriedSessions ?? null}
        />
        {fold ? (
          <button
            type="button"
            className="insight-fold"
            aria-expanded={shown}
            aria-controls={shown ? chartsId : undefined}
            onClick={() => fold.onChange(!shown)}
            data-controls=""
          >
            {shown ? 'Hide charts' : 'Show charts'}
          </button>
        ) : null}
      </div>
      {!shown ? null : (
        <div id={chartsId} className="insight-charts-slot">
          {prerendering ? (
            chartsPlaceholder
          ) : (
            <Suspense fallback={chartsPlaceholder}>
              <LazyInsightCharts {...charts} />
            </Suspense>
          )}
        </div>
      )}
    </section>
  );
}
