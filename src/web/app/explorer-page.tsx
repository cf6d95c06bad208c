import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { usePrerendering } from '../lib/prerendering.ts';
import { usePageOrigin } from '../lib/server-facts.ts';
import { useViewerZone } from '../lib/viewer-zone.ts';
import { IndexStatusLine } from '../components/index-status-line.tsx';
import { useLiveRefresh } from '../features/live/lib/use-live-refresh.ts';
import { useNewRows } from '../features/live/lib/use-new-rows.ts';
import { copyText } from '../features/report/lib/copy-text.ts';
import { useSessionsList } from '../features/sessions/api/use-sessions-list.ts';
import { FilterBar } from '../features/sessions/components/filter-bar.tsx';
import { FilterChips } from '../features/sessions/components/filter-chips.tsx';
import { SessionsResults } from '../features/sessions/components/sessions-results.tsx';
import { UrlNotices } from '../features/sessions/components/url-notices.tsx';
import { INCIDENT_SHORTCUTS, type Shortcut } from '../features/shortcuts/lib/shortcuts.ts';
import { useShortcutsHelpModule } from '../features/shortcuts/lib/shortcuts-help-lazy.ts';
import { useIncidentShortcuts } from '../features/shortcuts/lib/use-shortcuts.ts';
import { buildShareLink } from '../lib/share-link.ts';
import { isOpenWindow } from '../lib/time-window.ts';
import { useExplorerUrl } from '../lib/use-explorer-url.ts';
import { useHealth } from '../lib/use-health.ts';
import { ExplorerInsightSlot } from './explorer-insight-slot.tsx';
import { ExplorerToolbar, LIVE_INTERVAL_MS } from './explorer-toolbar.tsx';
import { useReportStampModule } from './report-stamp-lazy.ts';
import { useExplorerView } from './use-explorer-view.ts';
import { useForcedMask } from './use-forced-mask.ts';

/** The table's own keys (see use-row-keyboard.ts), listed in the `?` help. */
const TABLE_SHORTCUTS: readonly Shortcut[] = [
  { keys: ['j', '↓'], description: 'Next row', group: 'Sessions table' },
  { keys: ['k', '↑'], description: 'Previous row', group: 'Sessions table' },
  { keys: ['Enter'], description: 'Show or hide the row’s details', group: 'Sessions table' },
  { keys: ['Esc'], description: 'Hide the open details', group: 'Sessions table' },
];
const SHORTCUTS = [...INCIDENT_SHORTCUTS, ...TABLE_SHORTCUTS];

/** `/`: filters, toolbar, insight and the sessions table, all driven by the URL. */
export function ExplorerPage() {
  const url = useExplorerUrl();
  const health = useHealth().data;
  const maskedOnly = health?.viewer.maskedOnly;
  const list = useSessionsList(url.state, maskedOnly === false && !url.state.masked);
  const view = useExplorerView(url, list);
  useForcedMask(maskedOnly === true, view.masked, url.update);
  const { search } = useLocation();
  const [helpOpen, setHelpOpen] = useState(false);
  const [recipientProblem, setRecipientProblem] = useState<string | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const viewKey = JSON.stringify([url.state.filters, url.state.time]);
  const newRows = useNewRows(list.headSessions, viewKey);
  const live = useLiveRefresh({
    // A window with a fixed end gets no new sessions: polling it would only spend budget.
    enabled: url.state.live && isOpenWindow(url.state.time),
    intervalMs: LIVE_INTERVAL_MS,
    refetch: list.refresh,
    budgetRemaining: health?.budget.remaining,
    budgetPerMinute: health?.budget.perMinute,
    isFetching: list.isFetching,
  });
  useEffect(() => {
    document.documentElement.dataset['view'] = view.report ? 'report' : '';
    return () => void delete document.documentElement.dataset['view'];
  }, [view.report]);
  // Pinned to the end the rows were fetched for, so the link shows exactly these rows.
  const windowTo = view.window.to;
  const viewerZone = useViewerZone();
  // The origin the page was rendered with: the server's pre-render shows the link in the
  // report header, and the browser hydrates it with the same text.
  const origin = usePageOrigin();
  const getLink = useCallback(
    (relative: boolean) =>
      origin === null
        ? ''
        : buildShareLink({
            href: `${origin}/${search}`,
            now: windowTo,
            relative,
            localTimeZone: viewerZone,
          }),
    [origin, search, windowTo, viewerZone],
  );
  const stamp = useReportStampModule();
  const help = useShortcutsHelpModule();
  const prerendering = usePrerendering();
  // In report mode the stamp is in the first render (its chunk loads first); otherwise it
  // is for print only and comes after the hydrating render, which must match the server's.
  const showStamp = stamp !== null && (view.report || !prerendering);
  useIncidentShortcuts({
    focusSearch: () => searchBox.current?.focus(),
    copyLink: () => void copyText(getLink(false)),
    openHelp: () => setHelpOpen(true),
  });
  const { mask, masked } = view;
  const notices = useMemo(() => {
    // A notice may quote a bad value back, phone numbers included.
    if (!masked) return url.notices;
    return mask ? url.notices.map((n) => ({ ...n, message: mask.maskText(n.message) })) : [];
  }, [url.notices, masked, mask]);
  return (
    <main className="page explorer">
      {showStamp ? (
        <stamp.ReportStamp
          view={url.state}
          window={view.window}
          viewerTimeZone={viewerZone}
          dataAsOf={list.dataAsOf}
          count={view.rows.length}
          complete={!list.hasMore}
          source={list.source}
          total={list.total}
          link={getLink(false)}
        />
      ) : null}
      <h1>OTP sessions</h1>
      <UrlNotices notices={notices} onDismiss={url.dismissNotices} />
      <FilterBar
        url={url}
        searchRef={searchBox}
        masked={masked}
        maskPhone={mask?.maskPhone ?? null}
        onRecipientProblem={setRecipientProblem}
      />
      <ExplorerToolbar url={url} view={view} list={list} live={live} getLink={getLink} />
      <FilterChips
        filters={url.state.filters}
        masked={masked}
        onClear={(param) =>
          url.update(
            (s) => ({ ...s, open: null, filters: { ...s.filters, [param]: undefined } }),
            'push',
          )
        }
      />
      <IndexStatusLine />
      {recipientProblem ? (
        <div className="panel panel-error" role="alert" aria-label="Not searched">
          <strong>Not searched:</strong> {recipientProblem} Correct the recipient, or clear it to
          see every session.
        </div>
      ) : (
        <>
          <ExplorerInsightSlot url={url} view={view} list={list} />
          <SessionsResults
            url={url}
            list={list}
            rows={view.shown}
            newRows={newRows}
            renderAll={view.report}
            backSearch={search}
          />
        </>
      )}
      {help ? (
        <help.ShortcutsHelp
          open={helpOpen}
          onClose={() => setHelpOpen(false)}
          shortcuts={SHORTCUTS}
        />
      ) : null}
    </main>
  );
}
