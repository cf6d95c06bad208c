import { useEffect, useState } from 'react';
import type { LiveRefreshState } from '../lib/use-live-refresh.ts';

type LiveToggleProps = {
  /** `live=1` in the URL. */
  enabled: boolean;
  onChange: (enabled: boolean) => void;
  intervalMs: number;
  /** From `useLiveRefresh`; omit to show the switch alone. */
  status?: LiveRefreshState;
};

function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

const SLOWED_WORDS = {
  'rate-limit': 'slowed: Plivo rate limit',
  budget: 'slowed to spare the shared Plivo budget',
  errors: 'slowed after failed refreshes',
} as const;

function statusWords(status: LiveRefreshState, seconds: number | null): string {
  if (status.paused === 'hidden') return 'Paused while this tab is hidden.';
  if (status.refreshing) return 'Refreshing…';
  if (seconds === null) return '';
  const slowed = status.slowedBy ? ` (${SLOWED_WORDS[status.slowedBy]})` : '';
  return `Next refresh in ${seconds} s${slowed}.`;
}

/**
 * The live-refresh switch with what it is doing, in words. The countdown is not a live
 * region: a screen reader announcing it every second would drown everything else.
 */
export function LiveToggle({ enabled, onChange, intervalMs, status }: LiveToggleProps) {
  const seconds = useSecondsUntil(enabled ? (status?.nextRefreshAt ?? null) : null);
  return (
    <span className="live-toggle" data-report-hidden="">
      <label>
        <input
          type="checkbox"
          role="switch"
          checked={enabled}
          onChange={(event) => onChange(event.target.checked)}
        />
        Live (every {Math.round(intervalMs / 1000)} s)
      </label>{' '}
      <span className="live-toggle__status">
        {enabled && status ? statusWords(status, seconds) : ''}
      </span>
    </span>
  );
}
