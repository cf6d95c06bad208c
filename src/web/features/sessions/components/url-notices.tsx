import type { UrlNotice } from '../../../../contract/explorer-view.ts';

/** Bad link values fall back to defaults; this says which and lets the user dismiss it. */
export function UrlNotices({
  notices,
  onDismiss,
}: {
  notices: UrlNotice[];
  onDismiss: () => void;
}) {
  if (notices.length === 0) return null;
  return (
    <div className="panel panel-notice" role="alert" aria-label="Link problems">
      <ul>
        {notices.map((n) => (
          <li key={`${n.param}:${n.message}`}>{n.message}</li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
