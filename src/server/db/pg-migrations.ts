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
   CREATE TABLE budget_calls (budget text NOT NULL, at_ms double precision NOT NULL);
   CREATE INDEX budget_calls_at ON budget_calls (budget, at_ms);
   CREATE TABLE budget_pauses (budget text PRIMARY KEY, until_ms double precision NOT NULL);
   CREATE TABLE short_links (id text PRIMARY KEY, url text NOT NULL, created_at bigint NOT NULL);`,
];
