import { LOCK, type Database } from './postgres.ts';

/**
 * The upstream budget every replica shares, in PostgreSQL: the same sliding-window log as
 * `Budget` (budget.ts), its call start times as rows and its pause (after a 429) as a row,
 * read and written under an advisory lock so two replicas never take the same slot. Times
 * are PostgreSQL's clock, one clock for all replicas; callers only wait the difference.
 */
export type SharedTake = { ok: true; waitMs: number } | { ok: false; retryAfterSeconds: number };

export type SharedSlots = {
  /** The next free slot if it starts within `maxWaitMs` (taken), else how long to wait. */
  take(budget: string, perWindow: number, windowMs: number, maxWaitMs: number): Promise<SharedTake>;
  /** A 429: no replica calls before `pauseMs` from now. */
  pause(budget: string, pauseMs: number): Promise<void>;
};

export function pgSharedSlots(db: Database): SharedSlots {
  return {
    take: (budget, perWindow, windowMs, maxWaitMs) =>
      db.transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK.budget]);
        const now = Number(
          (
            await client.query<{ now: string }>(
              'SELECT extract(epoch FROM clock_timestamp()) * 1000 AS now',
            )
          ).rows[0]?.now,
        );
        await client.query('DELETE FROM budget_calls WHERE budget = $1 AND at_ms <= $2', [
          budget,
          now - windowMs,
        ]);
        const starts = (
          await client.query<{ at_ms: number }>(
            'SELECT at_ms FROM budget_calls WHERE budget = $1 ORDER BY at_ms',
            [budget],
          )
        ).rows.map((r) => r.at_ms);
        const paused = (
          await client.query<{ until_ms: number }>(
            'SELECT until_ms FROM budget_pauses WHERE budget = $1',
            [budget],
          )
        ).rows[0]?.until_ms;
        // Slots only ever move forward, so the log stays in order and any window of
        // `windowMs` holds at most `perWindow` of them.
        let slot = Math.max(now, paused ?? 0, starts.at(-1) ?? 0);
        if (starts.length >= perWindow) {
          slot = Math.max(slot, (starts[starts.length - perWindow] ?? 0) + windowMs);
        }
        const waitMs = slot - now;
        if (waitMs > maxWaitMs) {
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) } as const;
        }
        await client.query('INSERT INTO budget_calls (budget, at_ms) VALUES ($1, $2)', [
          budget,
          slot,
        ]);
        return { ok: true, waitMs } as const;
      }),
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
