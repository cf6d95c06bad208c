import { useLocation } from 'react-router';
import { useSessionsList } from '../features/sessions/api/use-sessions-list.ts';
import { ColumnChooser } from '../features/sessions/components/column-chooser.tsx';
import { FilterBar } from '../features/sessions/components/filter-bar.tsx';
import { SessionsResults } from '../features/sessions/components/sessions-results.tsx';
import { UrlNotices } from '../features/sessions/components/url-notices.tsx';
import { useExplorerUrl } from '../lib/use-explorer-url.ts';

/** `/`: filters, toolbar, summary slot and the sessions table, all driven by the URL. */
export function ExplorerPage() {
  const url = useExplorerUrl();
  const list = useSessionsList(url.state);
  const { search } = useLocation();
  return (
    <main className="page explorer">
      <h1>OTP sessions</h1>
      <UrlNotices notices={url.notices} onDismiss={url.dismissNotices} />
      <FilterBar url={url} />
      {/* Toolbar slot: report view, PII mask and export join the column chooser here. */}
      <div className="toolbar" data-slot="toolbar" role="toolbar" aria-label="View options">
        <ColumnChooser
          cols={url.state.cols}
          onChange={(cols) => url.update((s) => ({ ...s, cols }), 'push')}
        />
      </div>
      {/*
        Insight slot: src/web/features/insight/ renders the summary strip and charts here with
        props { sessions: list.sessions; complete: !list.hasMore } (lazy-loaded; not built yet).
      */}
      <section className="insight-slot" data-slot="insight" aria-label="Summary" hidden />
      <SessionsResults url={url} list={list} backSearch={search} />
    </main>
  );
}
