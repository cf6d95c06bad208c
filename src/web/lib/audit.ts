import type { AuditEvent } from '../../contract/audit-event.ts';

/**
 * Tells the server's audit trail (AUDIT_LOG) what the browser did with data it already
 * holds: an export, an unmask. Fire and forget — the act itself never waits for or fails on
 * it; `keepalive` lets the report outlive a page that closes right after a download.
 */
export function reportAudit(event: AuditEvent): void {
  void fetch('/api/audit', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
    keepalive: true,
  }).catch(() => undefined);
}
