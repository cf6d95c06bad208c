import type { Database } from './postgres.ts';

/**
 * The upstream budget every replica shares, in PostgreSQL: the same sliding-window log as
 * `Budget` (budget.ts), its call start times as rows and its pause (after a 429) as a row,
 * taken by one function (`take_budget_slot`, pg-migrations.ts) under an advisory lock so
 * two replicas never take the same slot. Times are PostgreSQL's clock, one clock for all
 * replicas; callers only wait the difference. A call sent late after its slot (a stalled
 * replica) is checked again at its real sending time (`confirm_budget_slot`) before it goes.
 */
export type SharedTake =
  { ok: true; waitMs: number; id: string | null } | { ok: false; retryAfterSeconds: number };

export type SharedSlots = {
  /** The next free slot if it starts within `maxWaitMs` (taken), else how long to wait. */
  take(budget: string, perWindow: number, windowMs: number, maxWaitMs: number): Promise<SharedTake>;
  /**
   * A slot sent late (a stalled replica): right before sending, the call is moved to now if
   * every window still allows it there (true), else its slot is given back (false). Calls
   * of other replicas were timed from its slot, so it must not simply move.
   */
  confirm(id: string, perWindow: number, windowMs: number, toleranceMs: number): Promise<boolean>;
  /** A 429: no replica calls before `pauseMs` from now. */
  pause(budget: string, pauseMs: number): Promise<void>;
};

/**
 * Calls reach the upstream a little after their slot, by how busy each replica is; two
 * replicas' calls a window apart by slot can arrive closer. The shared window is longer
 * by this much (1 s on Plivo's minute, as the 61 s window already allows for one server;
 * a quarter of the short windows tests use, where a busy machine's stalls weigh more).
 */
const transitMarginMs = (windowMs: number) => Math.min(1_000, windowMs / 4);

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
    async confirm(id, perWindow, windowMs, toleranceMs) {
      const result = await db.query<{ ok: boolean }>(
        'SELECT confirm_budget_slot($1, $2, $3, $4) AS ok',
        [id, perWindow, windowMs + transitMarginMs(windowMs), toleranceMs],
      );
      return result.rows[0]?.ok === true;
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
