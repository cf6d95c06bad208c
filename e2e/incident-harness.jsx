// A test page that mounts issue 7's pieces exactly as the explorer is meant to, against the
// real dashboard server (simulator data): e2e/incident-*.spec.ts build it with Vite and serve
// it on the server's origin. It doubles as the wiring example for the explorer. Plain JSX
// (not TSX) because the e2e tsconfig has no JSX; the pieces it mounts are all type-checked.
import { StrictMode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { sessionsPageSchema } from '../src/contract/api.ts';
import { toPlivoTime } from '../src/contract/time.ts';
import { ExportMenu } from '../src/web/features/export/components/export-menu.tsx';
import { browserTimeZone, resolveTimeZone } from '../src/web/features/export/lib/zoned-time.ts';
import { LiveToggle } from '../src/web/features/live/components/live-toggle.tsx';
import { useLiveRefresh } from '../src/web/features/live/lib/use-live-refresh.ts';
import { useNewRows } from '../src/web/features/live/lib/use-new-rows.ts';
import { CopyLinkButton } from '../src/web/features/report/components/copy-link-button.tsx';
import { MaskToggle } from '../src/web/features/report/components/mask-toggle.tsx';
import { ReportHeader } from '../src/web/features/report/components/report-header.tsx';
import { ReportModeToggle } from '../src/web/features/report/components/report-mode-toggle.tsx';
import { copyText } from '../src/web/features/report/lib/copy-text.ts';
import { describeFilters } from '../src/web/features/report/lib/describe-filters.ts';
import { ShortcutsHelp } from '../src/web/features/shortcuts/components/shortcuts-help.tsx';
import { INCIDENT_SHORTCUTS } from '../src/web/features/shortcuts/lib/shortcuts.ts';
import { useIncidentShortcuts } from '../src/web/features/shortcuts/lib/use-shortcuts.ts';
import { StatusBadge } from '../src/web/features/theme/components/status-badge.tsx';
import { ThemeToggle } from '../src/web/features/theme/components/theme-toggle.tsx';
import { useTheme } from '../src/web/features/theme/lib/use-theme.ts';
import { maskSession, maskText } from '../src/web/lib/mask.ts';
import { buildShareLink, resolveWindow } from '../src/web/lib/share-link.ts';
import '../src/web/styles/theme.css';
import '../src/web/styles/print.css';

const SERVER_FILTERS = [
  'status',
  'recipient',
  'app_uuid',
  'subaccount',
  'brand_name',
  'app_hash',
  'country',
  'alias',
];

function useSearch() {
  const [search, setSearch] = useState(() => location.search);
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const update = useCallback((changes) => {
    const next = new URLSearchParams(location.search);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) next.delete(name);
      else next.set(name, value);
    }
    history.replaceState(null, '', `${location.pathname}?${next}`);
    setSearch(location.search);
  }, []);
  return [params, update];
}

/**
 * One page from /api/sessions for exactly the window a share link would pin. Only `from`
 * without `to` ("until now") is open-ended, so it also sees a simulator clock run ahead.
 */
async function fetchSessions(params) {
  const window = resolveWindow(params, Date.now());
  const query = new URLSearchParams();
  for (const name of SERVER_FILTERS) if (params.get(name)) query.set(name, params.get(name));
  query.set('session_time__gte', toPlivoTime(window.from));
  if (!params.get('from') || params.get('to'))
    query.set('session_time__lte', toPlivoTime(window.to));
  const response = await fetch(`/api/sessions?${query}`);
  const body = await response.json();
  if (!response.ok) throw Object.assign(new Error(body.error.message), body.error);
  const page = sessionsPageSchema.parse(body);
  return { ...page, window, complete: page.page.nextOffset === null };
}

function Harness() {
  const [params, update] = useSearch();
  const masked = params.get('mask') === '1';
  const report = params.get('view') === 'report';
  const viewerZone = browserTimeZone();
  const timeZone = resolveTimeZone(params.get('tz'), viewerZone);
  const [data, setData] = useState(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const search = useRef(null);
  const [theme, setTheme] = useTheme(params.get('theme'), (value) => update({ theme: value }));
  // The part of the URL that decides what is fetched (filters and window).
  const serverSearch = useMemo(() => {
    const kept = new URLSearchParams();
    for (const name of [...SERVER_FILTERS, 'from', 'to', 'range']) {
      if (params.get(name)) kept.set(name, params.get(name));
    }
    return kept.toString();
  }, [params]);
  const load = useCallback(
    () => fetchSessions(new URLSearchParams(serverSearch)).then(setData),
    [serverSearch],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const intervalMs = Number(params.get('live_interval_ms') ?? 30_000);
  const live = useLiveRefresh({ enabled: params.get('live') === '1', intervalMs, refetch: load });
  const fresh = useNewRows(data?.sessions, serverSearch);

  useEffect(() => {
    document.documentElement.dataset.view = report ? 'report' : '';
    const words = describeFilters(params, { masked });
    document.title = `${masked ? maskText(words) : words} — OTP sessions`;
  }, [params, report, masked]);

  const link = (relative) =>
    buildShareLink({
      href: location.href,
      // Pinned to the window the rows were fetched for; before any data, nothing to pin.
      now: data?.window.to ?? 0,
      relative: relative || !data,
      localTimeZone: viewerZone,
    });
  useIncidentShortcuts({
    focusSearch: () => search.current?.focus(),
    copyLink: () => void copyText(link(false)),
    openHelp: () => setHelpOpen(true),
  });

  const shown = useMemo(
    () => (data ? (masked ? data.sessions.map(maskSession) : data.sessions) : []),
    [data, masked],
  );
  return (
    <main>
      <h1>OTP sessions</h1>
      {data ? (
        <ReportHeader
          params={params}
          window={data.window}
          viewerTimeZone={viewerZone}
          dataAsOf={data.fetchedAt}
          count={shown.length}
          complete={data.complete}
          link={link(false)}
        />
      ) : null}
      <div data-controls="">
        <label>
          Recipient{' '}
          <input ref={search} defaultValue={masked ? '' : (params.get('recipient') ?? '')} />
        </label>
        <MaskToggle masked={masked} onChange={(m) => update({ mask: m ? '1' : null })} />
        <CopyLinkButton getLink={link} />
        <ThemeToggle value={theme} onChange={setTheme} />
        <LiveToggle
          enabled={params.get('live') === '1'}
          onChange={(on) => update({ live: on ? '1' : null })}
          intervalMs={intervalMs}
          status={live}
        />
        {data ? (
          <ExportMenu
            sessions={data.sessions}
            params={params}
            window={data.window}
            timeZone={timeZone}
            masked={masked}
            complete={data.complete}
          />
        ) : null}
      </div>
      <ReportModeToggle on={report} onChange={(on) => update({ view: on ? 'report' : null })} />
      <table aria-label="Sessions">
        <thead>
          <tr>
            <th>Created</th>
            <th>Recipient</th>
            <th>Status</th>
            <th>IP</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((s) => (
            <tr
              key={s.sessionUuid}
              data-uuid={s.sessionUuid}
              {...(fresh.has(s.sessionUuid) ? { 'data-new-row': '' } : {})}
            >
              <td>{s.createdAt}</td>
              <td title={s.recipient ?? ''}>{s.recipient}</td>
              <td>
                <StatusBadge status={s.status} />
              </td>
              <td>{s.requestorIp}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShortcutsHelp
        open={helpOpen}
        onClose={() => setHelpOpen(false)}
        shortcuts={INCIDENT_SHORTCUTS}
      />
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
