import { liveDelay, retryAfterMsOf, type SlowedBy } from './live-schedule.ts';

/** What survives a restart of the loop (tab hidden and shown again, interval changed). */
export type LoopMemory = {
  running: boolean;
  /** When the last refresh settled; null until the loop first starts. */
  lastRunAt: number | null;
  failures: number;
  retryAfterMs: number | undefined;
};

type LoopInput = {
  refetch: () => Promise<unknown>;
  budgetRemaining?: number | undefined;
  budgetPerMinute?: number | undefined;
  isFetching?: boolean | undefined;
};

export type LoopReport =
  | { kind: 'scheduled'; at: number; slowedBy: SlowedBy; failures: number }
  | { kind: 'refreshing' }
  | { kind: 'settled' };

/** A resolved React Query result with `isError` is a failure too. */
function failureOf(result: unknown): unknown {
  if (typeof result === 'object' && result !== null && 'isError' in result && result.isError) {
    return 'error' in result ? result.error : new Error('refresh failed');
  }
  return undefined;
}

/**
 * The refresh loop: one timer at a time, armed only after the previous refresh settled, so
 * refreshes never overlap. `input()` is read at every step so budget and callbacks are
 * current. Returns the function that stops it.
 */
export function startLiveLoop(
  intervalMs: number,
  memory: LoopMemory,
  input: () => LoopInput,
  report: (event: LoopReport) => void,
): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (fromMs: number) => {
    const { budgetRemaining, budgetPerMinute } = input();
    const { failures, retryAfterMs } = memory;
    const next = liveDelay({
      intervalMs,
      budgetRemaining,
      budgetPerMinute,
      failures,
      retryAfterMs,
    });
    const at = Math.max(Date.now(), fromMs + next.delayMs);
    report({ kind: 'scheduled', at, slowedBy: next.slowedBy, failures });
    timer = setTimeout(() => void tick(), at - Date.now());
  };

  const tick = async () => {
    if (cancelled) return;
    // Our own refresh (from before a restart) or another fetch of the data is running.
    if (memory.running || input().isFetching) return schedule(Date.now());
    memory.running = true;
    report({ kind: 'refreshing' });
    let failure: unknown;
    try {
      failure = failureOf(await input().refetch());
    } catch (error) {
      failure = error ?? new Error('refresh failed');
    }
    memory.running = false;
    memory.lastRunAt = Date.now();
    memory.failures = failure === undefined ? 0 : memory.failures + 1;
    memory.retryAfterMs = failure === undefined ? undefined : retryAfterMsOf(failure);
    report({ kind: 'settled' });
    if (!cancelled) schedule(memory.lastRunAt);
  };

  // Starting (or coming back to the tab) refreshes at once only if the data is old.
  memory.lastRunAt ??= Date.now();
  schedule(memory.lastRunAt);
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}
