import { useEffect, useLayoutEffect, useState } from 'react';
import { LoadAllDriver } from '../lib/load-all-driver.ts';
import {
  progressOf,
  type LoadAllPhase,
  type LoadAllProgress,
  type LoadAllSource,
} from '../lib/load-all-machine.ts';

/** Plivo's documented list budget, used until /api/health says otherwise. */
export const DEFAULT_PER_MINUTE = 20;

export type UseLoadAllInput = LoadAllSource & {
  /** The query's `failureReason`: set while TanStack retries a rate-limited page by itself. */
  failureReason?: unknown;
  /**
   * Stops the page request in flight and its retries: without it, Cancel left the query
   * waiting out the rate limit ("Waiting 10 s…", "Loading more…") after the run had stopped.
   */
  stopFetching?: () => void;
};

export type UseLoadAllOptions = {
  /** `budget.perMinute` from `/api/health`. */
  perMinute: number | undefined;
  /** Changes with the filters/window (e.g. the serialised query key): resets the run. */
  resetKey: string;
};

export type LoadAll = {
  phase: LoadAllPhase;
  error: string | null;
  /** Progress as of the last change (page, wait, phase). */
  progress: LoadAllProgress;
  /** Progress at another instant: LoadAllBar ticks its own clock so the page need not. */
  progressAt: (now: number) => LoadAllProgress;
  hasNextPage: boolean;
  perMinute: number;
  start: () => void;
  confirm: () => void;
  dismiss: () => void;
  cancel: () => void;
  resume: () => void;
};

/**
 * Thin React binding of LoadAllDriver: re-renders its caller on every change (not on a clock:
 * the countdown ticks inside LoadAllBar, so charts and table are not re-rendered each second).
 */
export function useLoadAll(input: UseLoadAllInput, options: UseLoadAllOptions): LoadAll {
  const perMinute = options.perMinute ?? DEFAULT_PER_MINUTE;
  const [changedAt, setChangedAt] = useState(() => Date.now());
  const [driver] = useState(
    () =>
      new LoadAllDriver({
        perMinute,
        getSource: () => input,
        onChange: () => setChangedAt(Date.now()),
      }),
  );
  // The loop reads the newest query state after each await.
  useLayoutEffect(() => driver.setSource(input));
  useEffect(() => driver.setPerMinute(perMinute), [driver, perMinute]);
  useEffect(() => driver.setKey(options.resetKey), [driver, options.resetKey]);
  useEffect(() => () => driver.reset(), [driver]);
  useEffect(() => driver.noteFailure(input.failureReason), [driver, input.failureReason]);

  const { phase, error } = driver.state;
  return {
    phase,
    error,
    // Computed from this render's input: the driver gets it only after render.
    progress: progressOf(driver.state, input, perMinute, changedAt),
    progressAt: (now) => progressOf(driver.state, input, perMinute, now),
    hasNextPage: input.hasNextPage,
    perMinute,
    start: () => driver.start(),
    confirm: () => driver.confirm(),
    dismiss: () => driver.dismiss(),
    cancel: () => {
      driver.cancel();
      input.stopFetching?.();
    },
    resume: () => driver.resume(),
  };
}
