import type { SessionRow } from './session-row.ts';

/**
 * Where the index keeps its sessions and its sync state. One interface, so the embedded
 * engine (SQLite, the default) and a shared one (PostgreSQL, for replicas) are swappable.
 * Asynchronous because PostgreSQL is; the embedded store answers through an adapter.
 * Rows are addressed by a dense integer `rowid`, which the in-memory columns use as a slot.
 */
export interface SessionStore {
  readonly engine: string;
  /** Inserts or replaces by session uuid in one transaction; returns each row's rowid. */
  upsert(rows: readonly SessionRow[]): Promise<number[]>;
  /** The stored sessions' JSON, by rowid. */
  json(rowids: readonly number[]): Promise<Map<number, string>>;
  /** Rowids of sessions to this number (digits), or ending with these digits. */
  recipientRows(digits: string, match: 'exact' | 'suffix'): Promise<number[]>;
  /** Every row, in rowid order: to fill the in-memory columns at start-up. */
  forEachRow(visit: (rowid: number, row: SessionRow) => void): Promise<void>;
  /** Marks every session of one Verify app as sent by `subaccount`; returns their rowids. */
  setSubaccountForApp(app: string, subaccount: string | null): Promise<number[]>;
  /** Deletes these sessions (the columns know which are too old: no time index needed). */
  deleteRows(rowids: readonly number[]): Promise<void>;
  count(): Promise<number>;
  readState(key: string): Promise<unknown>;
  writeState(key: string, value: unknown): Promise<void>;
  /**
   * A shared store only: what other replicas wrote or deleted after change `since` (0 = the
   * start), so each replica's columns follow the one that syncs.
   */
  changesSince?(since: number): Promise<StoreChanges>;
  /** A shared store only: the latest change so far. */
  lastChange?(): Promise<number>;
  /** Bytes on disk, for the figures. */
  sizeBytes(): Promise<number>;
  close(): Promise<void>;
}

export type StoreChanges = {
  rows: { rowid: number; row: SessionRow }[];
  deleted: number[];
  /** The change to ask after next time (`since` itself when nothing changed). */
  last: number;
};
