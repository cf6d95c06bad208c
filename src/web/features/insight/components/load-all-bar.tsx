import { useEffect, useState } from 'react';
import type { LoadAll } from '../hooks/use-load-all.ts';
import './insight.css';
import { formatDuration, formatEstimate } from '../lib/duration.ts';
import { msPerPage, type LoadAllProgress } from '../lib/load-all-machine.ts';

export type LoadAllBarProps = { loadAll: LoadAll };

const estimateText = (ms: number | null) => formatEstimate(ms).replace(/ left$/, '');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function statusText(phase: LoadAll['phase'], progress: LoadAllProgress): string {
  const counts = `${plural(progress.pages, 'page')}, ${plural(progress.sessions, 'session')}`;
  const elapsed = `${formatDuration(progress.elapsedMs)} elapsed`;
  if (phase === 'done')
    return `All matching sessions loaded: ${counts} in ${formatDuration(progress.elapsedMs)}`;
  if (phase === 'waiting') {
    return `${counts}, ${elapsed} — waiting ${formatDuration(progress.waitMs)} for the Plivo rate limit, ${formatEstimate(progress.etaMs)}`;
  }
  const state = phase === 'paused' ? 'Paused' : phase === 'failed' ? 'Stopped' : 'Loading';
  return `${state}: ${counts}, ${elapsed}, ${formatEstimate(progress.etaMs)}`;
}

/** Start, watch, cancel and resume "load all matching" (progress estimated from the budget). */
/** Wall-clock time, ticking each second only while `active`. */
function useClock(active: boolean): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (!active) return undefined;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearInterval(id);
      setNow(null);
    };
  }, [active]);
  return now;
}

export function LoadAllBar({ loadAll }: LoadAllBarProps) {
  const { phase, perMinute, hasNextPage } = loadAll;
  const now = useClock(phase === 'running' || phase === 'waiting');
  const progress = now === null ? loadAll.progress : loadAll.progressAt(now);
  if (phase === 'idle') {
    if (!hasNextPage) return null;
    return (
      <div className="insight-loadall">
        <button type="button" onClick={loadAll.start}>
          Load all matching
        </button>
        <span className="insight-loadall__hint">
          {progress.etaMs === null
            ? `at most ${perMinute} pages a minute`
            : `${estimateText(progress.etaMs)} at ${perMinute} pages a minute`}
        </span>
      </div>
    );
  }
  if (phase === 'confirming') {
    const pages =
      progress.etaMs === null ? null : Math.round(progress.etaMs / msPerPage(perMinute));
    return (
      <div className="insight-loadall" role="group" aria-label="Confirm loading all matching">
        <p>
          Loading everything will take {estimateText(progress.etaMs)}
          {pages === null ? '' : ` — ${plural(pages, 'more page')} at ${perMinute} a minute`} (the
          Plivo budget is shared). Load all?
        </p>
        <button type="button" onClick={loadAll.confirm}>
          Load all
        </button>
        <button type="button" onClick={loadAll.dismiss}>
          Not now
        </button>
      </div>
    );
  }
  const text = statusText(phase, progress);
  const percent = progress.fraction === null ? null : Math.round(progress.fraction * 100);
  return (
    <div className="insight-loadall">
      <div
        role="progressbar"
        aria-label="Loading all matching sessions"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={text}
        className="insight-loadall__track"
      >
        <div className="insight-loadall__fill" style={{ width: `${percent ?? 0}%` }} />
      </div>
      <span>{text}</span>
      {(phase === 'running' || phase === 'waiting') && (
        <button type="button" onClick={loadAll.cancel}>
          Cancel
        </button>
      )}
      {(phase === 'paused' || phase === 'failed') && (
        <button type="button" onClick={loadAll.resume}>
          Resume
        </button>
      )}
      {loadAll.error && <p role="alert">{loadAll.error}</p>}
    </div>
  );
}
