/**
 * Where short links (`/l/<id>`) are kept. One interface so the embedded store (SQLite in
 * DATA_DIR, the default) and the shared one (PostgreSQL, for replicas) are swappable.
 * Asynchronous because the shared engine is reached over the network.
 */
export type StoredLink = {
  /** Short, unguessable, URL-safe id. */
  id: string;
  /** The full same-origin view it stands for: a path starting with `/`, with its query. */
  url: string;
  /** Epoch ms. */
  createdAt: number;
};

export interface LinkStore {
  readonly engine: string;
  /** Stores a new link; ids are unique (a clash is the caller's to retry with a new id). */
  save(link: StoredLink): Promise<void>;
  find(id: string): Promise<StoredLink | null>;
  /** Deletes links created before `epochMs` (only when an admin sets SHORT_LINK_TTL_DAYS). */
  deleteCreatedBefore(epochMs: number): Promise<number>;
  close(): Promise<void>;
}
