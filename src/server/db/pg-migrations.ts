/**
 * The shared store's schema, as numbered steps recorded in `schema_migrations`. The session
 * columns are the embedded store's (sqlite-migrations.ts), plus `seq`: a change number set
 * on every write, which the other replicas read to follow the one that syncs. Never edit a
 * step that has shipped: add the next one.
 */
export const PG_MIGRATIONS: readonly string[] = [
  // 1: sessions, their deletions (for the other replicas), sync state, the shared budget and
  // the short links.
  `CREATE SEQUENCE session_changes;
   CREATE TABLE sessions (
     rowid bigserial PRIMARY KEY,
     uuid text NOT NULL UNIQUE,
     created_us bigint NOT NULL,
     status text, channel text, country text, network text, verdict text NOT NULL,
     app text, alias text, subaccount text, brands text, hashes text,
     attempts integer NOT NULL, attempt_codes text NOT NULL,
     recipient text, recipient_rev text COLLATE "C", charge_nanos bigint NOT NULL,
     ttv double precision, final boolean NOT NULL,
     json text NOT NULL,
     seq bigint NOT NULL DEFAULT nextval('session_changes')
   );
   CREATE INDEX sessions_recipient_rev ON sessions (recipient_rev);
   CREATE INDEX sessions_seq ON sessions (seq);
   CREATE INDEX sessions_app ON sessions (app);
   CREATE TABLE session_deletions (
     rowid bigint PRIMARY KEY,
     seq bigint NOT NULL DEFAULT nextval('session_changes')
   );
   CREATE INDEX session_deletions_seq ON session_deletions (seq);
   CREATE TABLE state (key text PRIMARY KEY, value text NOT NULL);
   CREATE TABLE budget_calls (
     id bigserial PRIMARY KEY, budget text NOT NULL, at_ms double precision NOT NULL
   );
   CREATE INDEX budget_calls_at ON budget_calls (budget, at_ms);
   CREATE TABLE budget_pauses (budget text PRIMARY KEY, until_ms double precision NOT NULL);
   -- One round trip per slot. Returns the wait in ms and the slot's id, or minus the wait
   -- (and no id) when it is longer than max_wait_ms: nothing is taken then.
   CREATE FUNCTION take_budget_slot(
     p_budget text, p_per_window integer, p_window_ms double precision, p_max_wait_ms double precision,
     OUT wait double precision, OUT id bigint
   ) LANGUAGE plpgsql AS $$
   DECLARE
     now_ms double precision;
     starts double precision[];
     paused double precision;
     slot double precision;
     n integer;
   BEGIN
     PERFORM pg_advisory_xact_lock(160004);
     now_ms := extract(epoch FROM clock_timestamp()) * 1000;
     DELETE FROM budget_calls WHERE budget = p_budget AND at_ms <= now_ms - p_window_ms;
     SELECT array_agg(at_ms ORDER BY at_ms) INTO starts FROM budget_calls WHERE budget = p_budget;
     SELECT until_ms INTO paused FROM budget_pauses WHERE budget = p_budget;
     n := coalesce(array_length(starts, 1), 0);
     -- Slots only move forward: the log stays in order, and any window holds at most
     -- p_per_window of them.
     slot := greatest(now_ms, coalesce(paused, 0), coalesce(starts[n], 0));
     IF n >= p_per_window THEN
       slot := greatest(slot, starts[n - p_per_window + 1] + p_window_ms);
     END IF;
     IF slot - now_ms > p_max_wait_ms THEN
       wait := -(slot - now_ms);
       RETURN;
     END IF;
     INSERT INTO budget_calls (budget, at_ms) VALUES (p_budget, slot) RETURNING budget_calls.id INTO id;
     wait := slot - now_ms;
   END $$;
   CREATE TABLE short_links (id text PRIMARY KEY, url text NOT NULL, created_at bigint NOT NULL);`,
];
