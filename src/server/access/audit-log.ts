import { createHmac, randomBytes } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { indexFiltersToQuery, type IndexFilters } from '../../contract/index-filters.ts';
import { listFiltersToQuery, type ListFilters } from '../../contract/list-filters.ts';
import type { LogLine } from '../http/request-log.ts';

/**
 * The audit trail (AUDIT_LOG): one JSON line per recipient lookup, session view, export and
 * unmask — who, when, what for, how many rows. The phone number is never written: it is
 * replaced by a keyed hash (HMAC-SHA256 with AUDIT_SECRET, hex), so a number under review can
 * be found by hashing it with the same secret, and the file alone reveals none.
 */
type AuditAction = 'lookup' | 'session_view' | 'export' | 'unmask';

type AuditEntry = {
  user: string;
  action: AuditAction;
  filters: Record<string, string>;
  rows: number;
  format?: string;
  granularity?: string;
};

type AuditSettings = { file: string; secret: string | Buffer };

export class AuditLog {
  constructor(
    private readonly settings: AuditSettings,
    private readonly log: LogLine,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The keyed hash that stands for a phone number (E.164 with "+") in the trail. */
  hash(phone: string): string {
    return createHmac('sha256', this.settings.secret).update(phone).digest('hex');
  }

  /** List filters as written to the trail: the recipient hashed, the rest as sent upstream. */
  filters(filters: ListFilters, index: IndexFilters = {}): Record<string, string> {
    const entries = Object.fromEntries(indexFiltersToQuery(index, listFiltersToQuery(filters)));
    if (filters.recipient) entries['recipient'] = this.hash(filters.recipient);
    // The last digits of a number are part of it: hashed too (checkable, not readable).
    if (index.recipient_contains) {
      entries['recipient_contains'] = this.hash(index.recipient_contains);
    }
    return entries;
  }

  /**
   * Appends one line, in one write (lines from concurrent requests never interleave). Awaited
   * before the data goes out; a failure is logged — without the entry — and does not
   * withhold the reply.
   */
  async record(entry: AuditEntry): Promise<void> {
    const line = `${JSON.stringify({ time: this.now().toISOString(), ...entry })}\n`;
    try {
      await appendFile(this.settings.file, line, { encoding: 'utf8', mode: 0o600 });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      this.log(
        `${this.now().toISOString()} audit log write failed (${code}): ${this.settings.file}`,
      );
    }
  }
}

/**
 * The trail for AUDIT_LOG, or null when it is off. Without AUDIT_SECRET a secret is made for
 * this process: hashes are then comparable only until the server restarts (said once here).
 */
export function auditLogFor(
  settings: { file: string; secret: string | null } | null,
  log: LogLine,
): AuditLog | null {
  if (!settings) return null;
  if (settings.secret === null) {
    log('audit log: AUDIT_SECRET is not set; number hashes are comparable until restart only');
  }
  return new AuditLog({ file: settings.file, secret: settings.secret ?? randomBytes(32) }, log);
}
