import { loadedWords, sessionsWord } from '../../../lib/count-words.ts';
import { maskText } from '../../../../contract/mask.ts';
import { describeFilters } from '../lib/describe-filters.ts';
import type { ExplorerState } from '../../../../contract/explorer-view.ts';
import { describeInstant, describeWindow, type TimeWindowMs } from '../lib/describe-window.ts';

export type ReportHeaderProps = {
  /** The view: its filters (in words) and whether numbers are masked. */
  view: Pick<ExplorerState, 'filters' | 'masked'>;
  /** The absolute window shown, epoch ms (resolve `range` against the fetch time). */
  window: TimeWindowMs;
  /** The viewer's IANA zone; a second line shows the window in it when it is not UTC. */
  viewerTimeZone: string;
  /** When the oldest shown page was fetched (the server's `fetchedAt`), ISO UTC. */
  dataAsOf: string | null;
  /** Sessions shown. */
  count: number;
  /** True only when every session matching the filters is loaded. */
  complete: boolean;
  /** The absolute share link (from `buildShareLink`). */
  link: string;
  /** Who answered the list: the session index (exact total) or Plivo; null before data. */
  source?: 'index' | 'plivo' | null;
  /** Every matching session, when the index answered. */
  total?: number | null;
  /** The index's coverage in words ("Indexed: last 90 days, as of 12 s ago"), or null. */
  coverage?: string | null;
};

export function sourceWords(source: 'index' | 'plivo' | null, total: number | null): string {
  if (source === 'index' && total !== null) {
    return `Source: session index, exact — ${total.toLocaleString('en-US')} session${total === 1 ? '' : 's'}`;
  }
  if (source === 'index') return 'Source: session index, exact';
  return source === 'plivo' ? 'Source: Plivo, loaded rows only' : 'Source: not loaded yet';
}

/** The status line's words ("all 37 sessions"), and on paper plainly when not all are shown. */
function countWords(count: number, complete: boolean, total: number | null): string {
  if (complete) return loadedWords(count, false, total);
  return total === null
    ? `${sessionsWord(count)} loaded — more match, not all shown`
    : `${loadedWords(count, true, total)} — not all shown`;
}

/**
 * The stamp that makes a screenshot or printout self-explanatory. Shown in report mode and
 * always in print (see print.css). With masking on, the link is shown as masked text with
 * no href: an href would put the full recipient number into the DOM.
 */
export function ReportHeader(props: ReportHeaderProps) {
  const { masked } = props.view;
  const window = describeWindow(props.window, props.viewerTimeZone);
  const asOf = props.dataAsOf ? Date.parse(props.dataAsOf) : Number.NaN;
  return (
    <section className="report-header" aria-label="Report summary">
      <p className="report-header__kicker">OTP sessions report</p>
      <h2 className="report-header__title">{describeFilters(props.view)}</h2>
      <dl className="report-header__facts">
        <dt>Window</dt>
        <dd>
          {window.utc} <span className="report-header__muted">({window.duration})</span>
        </dd>
        {window.local ? (
          <>
            <dt>Your time</dt>
            <dd>{window.local}</dd>
          </>
        ) : null}
        <dt>Data as of</dt>
        <dd>
          {Number.isNaN(asOf) ? 'not loaded yet' : describeInstant(asOf, props.viewerTimeZone)}
        </dd>
        <dt>Sessions</dt>
        <dd>{countWords(props.count, props.complete, props.total ?? null)}</dd>
        <dt>Source</dt>
        <dd>
          {sourceWords(props.source ?? null, props.total ?? null).replace(/^Source: /, '')}
          {props.coverage ? (
            <span className="report-header__muted"> ({props.coverage})</span>
          ) : null}
        </dd>
        <dt>Link</dt>
        <dd className="report-header__link">
          {masked ? (
            <span>{maskedLinkText(props.link)}</span>
          ) : (
            <a href={props.link}>{safeDecode(props.link)}</a>
          )}
        </dd>
        {masked ? (
          <>
            <dt>Privacy</dt>
            <dd>Phone numbers masked to country and last 4 digits; IP addresses hidden.</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** Masks the query only: the host may be an IP address, and it is not personal data. */
function maskedLinkText(link: string): string {
  const at = link.indexOf('?');
  if (at < 0) return link;
  return link.slice(0, at + 1) + maskText(safeDecode(link.slice(at + 1)));
}

function safeDecode(link: string): string {
  try {
    return decodeURIComponent(link);
  } catch {
    return link;
  }
}
