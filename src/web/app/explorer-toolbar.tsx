import { lazy } from 'react';
import { LazyPart } from '../components/lazy-part.tsx';
import { useDisplayZone } from '../lib/viewer-zone.ts';
import { LiveToggle } from '../features/live/components/live-toggle.tsx';
import type { LiveRefreshState } from '../features/live/lib/use-live-refresh.ts';
import { CopyLinkButton } from '../features/report/components/copy-link-button.tsx';
import { MaskToggle } from '../features/report/components/mask-toggle.tsx';
import { ReportModeToggle } from '../features/report/components/report-mode-toggle.tsx';
import type { useSessionsList } from '../features/sessions/api/use-sessions-list.ts';
import { normaliseListQuery, toApiParams } from '../lib/api-params.ts';
import { ColumnChooser } from '../features/sessions/components/column-chooser.tsx';
import { ThemeToggle } from '../features/theme/components/theme-toggle.tsx';
import { useTheme } from '../features/theme/lib/use-theme.ts';
import { reportAudit } from '../lib/audit.ts';
import { isOpenWindow } from '../lib/time-window.ts';
import type { ExplorerUrl } from '../lib/use-explorer-url.ts';
import { useHealth } from '../lib/use-health.ts';
import type { ExplorerView } from './use-explorer-view.ts';

// Exporting masks with libphonenumber: it loads after first paint, with the table.
const ExportMenu = lazy(() =>
  import('./explorer-export-menu.tsx').then((m) => ({ default: m.ExplorerExportMenu })),
);

export const LIVE_INTERVAL_MS = 30_000;

type Props = {
  url: ExplorerUrl;
  view: ExplorerView;
  list: ReturnType<typeof useSessionsList>;
  live: LiveRefreshState;
  getLink: (relative: boolean) => string;
};

/** View options: every control hides in report mode except the way back out of it. */
export function ExplorerToolbar({ url, view, list, live, getLink }: Props) {
  const { params, update } = url;
  const zone = useDisplayZone(url.state.tz);
  const [theme, setTheme] = useTheme(url.state.theme, (value) =>
    update((s) => ({ ...s, theme: value }), 'replace'),
  );
  const canUnmask = useHealth().data?.viewer.maskedOnly === false;
  // For the audit trail: the list's own /api filters (the server hashes the number).
  // What was looked at, for the audit line: the filters, not the page size asked for.
  const filters = () =>
    Object.fromEntries(
      [
        ...toApiParams(normaliseListQuery(url.state.filters, url.state.time), view.window.to, 0),
      ].filter(([name]) => name !== 'limit' && name !== 'offset'),
    );
  return (
    <div className="toolbar" data-slot="toolbar" role="toolbar" aria-label="View options">
      <div className="toolbar-controls" data-controls="">
        <ColumnChooser
          cols={url.state.cols}
          onChange={(cols) => url.update((s) => ({ ...s, cols }), 'push')}
        />
        <MaskToggle
          masked={view.masked}
          canUnmask={canUnmask}
          onChange={(on) => {
            if (!on) reportAudit({ action: 'unmask', rows: view.rows.length, filters: filters() });
            update((s) => ({ ...s, masked: on }), 'push');
          }}
        />
        <CopyLinkButton getLink={getLink} masked={view.masked} />
        <LazyPart placeholder={<ExportMenuPlaceholder />}>
          <ExportMenu
            sessions={view.rows}
            params={params}
            window={view.window}
            timeZone={zone.zone}
            masked={view.masked}
            complete={!list.hasMore}
            onExported={(done) => reportAudit({ action: 'export', ...done, filters: filters() })}
          />
        </LazyPart>
        <LiveToggle
          enabled={url.state.live}
          onChange={(on) => update((s) => ({ ...s, live: on }), 'replace')}
          intervalMs={LIVE_INTERVAL_MS}
          status={live}
        />
        {url.state.live && !isOpenWindow(url.state.time) ? (
          <span className="live-toggle__status" role="note">
            This window has a fixed end: nothing new can arrive, so nothing is refreshed.
          </span>
        ) : null}
        <ThemeToggle value={theme} onChange={setTheme} />
      </div>
      <ReportModeToggle
        on={view.report}
        onChange={(on) => update((s) => ({ ...s, view: on ? 'report' : 'table' }), 'push')}
      />
    </div>
  );
}

/**
 * The closed Export menu's box while its code loads: the same element and text, so the
 * toolbar does not move when the menu arrives; `inert`, as it cannot open yet.
 */
function ExportMenuPlaceholder() {
  return (
    <details className="export-menu" data-report-hidden="" inert>
      <summary>Export</summary>
    </details>
  );
}
