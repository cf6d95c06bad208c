import { statusTone } from '../lib/session-values.ts';

/** Status as text beside a coloured dot: colour is never the only signal. */
export function StatusBadge({ status }: { status: string | null }) {
  const tone = statusTone(status);
  return (
    <span className={`badge badge-${tone}`}>
      <span className="badge-dot" aria-hidden="true" />
      {status ?? 'unknown'}
    </span>
  );
}
