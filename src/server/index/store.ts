import type { SessionRow } from './session-row.ts';

/**
 * Where the index keeps its sessions and its sync state. One interface, so the embedded
 * engine (SQLite, the default) and a shared one (PostgreSQL, for replicas) are swappable.
 * Rows are addressed by a dense integer `rowid`, which the in-memory columns use as a slot.
 */
export interface SessionStore {
  readonly engine: string;
  /** Inserts or replaces by session uuid in one transaction; returns each row's rowid. */
  upsert(rows: readonly SessionRow[]): number[];
  /** The stored sessions' JSON, by rowid. */
  json(rowids: readonly number[]): Map<number, string>;
  /** Rowids of sessions to this number (digits), or ending with these digits. */
  recipientRows(digits: string, match: 'exact' | 'suffix'): number[];
  /** Every row, in rowid order: to fill the in-memory columns at start-up. */
  forEachRow(visit: (rowid: number, row: SessionRow) => void): void;
  /** Marks every session of one Verify app as sent by `subaccount`; returns their rowids. */
  setSubaccountForApp(app: string, subaccount: string | null): number[];
  /** Deletes these sessions (the columns know which are too old: no time index needed). */
  deleteRows(rowids: readonly number[]): void;
  count(): number;
  readState(key: string): unknown;
  writeState(key: string, value: unknown): void;
  /** Bytes on disk, for the figures. */
  sizeBytes(): number;
  close(): void;
}
