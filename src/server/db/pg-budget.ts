import type { Database } from './postgres.ts';

/**
 * The upstream budget every replica shares, in PostgreSQL: the same sliding-window log as
 * `Budget` (budget.ts), its call start times as rows and its pause (after a 429) as a row,
 * taken by one function (`take_budget_slot`, pg-migrations.ts) under an advisory lock so
 * two replicas never take the same slot. Times are PostgreSQL's clock, one clock for all
 * replicas; callers only wait the difference.
 */
export type SharedTake =
  { ok: true; waitMs: number; id: string | null } | { ok: false; retryAfterSeconds: number };

export type SharedSlots = {
  /** The next free slot if it starts within `maxWaitMs` (taken), else how long to wait. */
  take(budget: string, perWindow: number, windowMs: number, maxWaitMs: number): Promise<SharedTake>;
  /**
   * Right before the call is sent: its time becomes now if that is later than its slot. A
   * replica that stalled (a busy event loop, a slow reply from PostgreSQL) sends late, and
   * the window must count the call from when Plivo sees it, or calls of other replicas
   * timed from its slot arrive less than a window after it.
   */
  started(id: string): Promise<void>;
  /** A 429: no replica calls before `pauseMs` from now. */
  pause(budget: string, pauseMs: number): Promise<void>;
};

/**
 * Calls reach the upstream a little after their slot, by how busy each replica is; two
 * replicas' calls a window apart by slot can arrive closer. The shared window is longer
 * by this much (1 s on Plivo's minute, as the 61 s window already allows for one server).
 */
export const transitMarginMs = (windowMs: number) => Math.min(1_000, windowMs / 10);

export function pgSharedSlots(db: Database): SharedSlots {
  return {
    async take(budget, perWindow, windowMs, maxWaitMs) {
      const result = await db.query<{ wait: number; id: string | null }>(
        'SELECT wait, id FROM take_budget_slot($1, $2, $3, $4)',
        [budget, perWindow, windowMs + transitMarginMs(windowMs), maxWaitMs],
      );
      const { wait = 0, id = null } = result.rows[0] ?? {};
      return wait >= 0
        ? { ok: true, waitMs: wait, id }
        : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(-wait / 1000)) };
    },
    async started(id) {
      await db.query(
        'UPDATE budget_calls SET at_ms = greatest(at_ms, extract(epoch FROM clock_timestamp()) * 1000) WHERE id = $1',
        [id],
      );
    },
    async pause(budget, pauseMs) {
      await db.query(
        `INSERT INTO budget_pauses (budget, until_ms)
         VALUES ($1, extract(epoch FROM clock_timestamp()) * 1000 + $2)
         ON CONFLICT (budget) DO UPDATE SET until_ms = greatest(budget_pauses.until_ms, excluded.until_ms)`,
        [budget, pauseMs],
      );
    },
  };
}
