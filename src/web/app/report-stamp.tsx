import { useEffect } from 'react';
import type { ExplorerState } from '../../contract/explorer-view.ts';
import { ReportHeader } from '../features/report/components/report-header.tsx';
import { describeFilters } from '../features/report/lib/describe-filters.ts';
import { maskText } from '../../contract/mask.ts';
import { coverageSentence, useIndexStatus } from '../lib/index-status.ts';
import type { AbsoluteWindow } from '../lib/time-window.ts';

export type ReportStampProps = {
  view: Pick<ExplorerState, 'filters' | 'masked'>;
  window: AbsoluteWindow;
  viewerTimeZone: string;
  dataAsOf: string | null;
  count: number;
  complete: boolean;
  link: string;
  source: 'index' | 'plivo' | null;
  total: number | null;
};

/**
 * The report header and the document title: both say the filters in words, masked with
 * `mask=1`. Loaded lazily with the masking code (libphonenumber), after first paint.
 */
export function ReportStamp(props: ReportStampProps) {
  const { view } = props;
  const { masked } = view;
  useEffect(() => {
    const words = describeFilters(view);
    document.title = `${masked ? maskText(words) : words} — OTP sessions`;
    return () => {
      document.title = 'OTP sessions';
    };
  }, [view, masked]);
  const status = useIndexStatus();
  // "as of" an absolute time: a printed report must not say "12 s ago".
  const coverage = status ? coverageSentence(status) : null;
  return <ReportHeader {...props} coverage={coverage} />;
}

export default ReportStamp;
