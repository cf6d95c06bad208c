import { z } from './zod.ts';

/**
 * `POST /api/audit`: what the browser does with data it already has, for the audit trail
 * (exports are built in the browser; unmasking shows numbers it holds). `filters` are the
 * list's `/api/sessions` parameters; the server keeps only known ones and hashes the number.
 * Not in api.ts: the browser needs only the type, and the bundler keeps a schema with checks
 * wherever its module is loaded, used or not.
 */
export const auditEventSchema = z.object({
  action: z.enum(['export', 'unmask']),
  format: z.optional(z.enum(['csv', 'json'])),
  granularity: z.optional(z.enum(['session', 'attempt'])),
  rows: z.int().check(z.nonnegative(), z.maximum(10_000_000)),
  filters: z.record(z.string(), z.string().check(z.maxLength(200))),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
