import { z } from './zod.ts';

/**
 * The dashboard's own session shape: what `/api` returns and the browser renders.
 * Instants are ISO UTC with six fraction digits, enums are lower-cased (unknown values are
 * kept, never dropped), money is canonical decimal strings, the recipient is E.164 with `+`.
 */
export const SESSION_STATUSES = ['in-progress', 'verified', 'expired'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const CHANNELS = ['sms', 'voice'] as const;
export type Channel = (typeof CHANNELS)[number];

export const SMS_ATTEMPT_STATUSES = [
  'queued',
  'sent',
  'delivered',
  'undelivered',
  'failed',
] as const;
export const VOICE_ATTEMPT_STATUSES = [
  'answer',
  'early media',
  'in-progress',
  'ringing',
  'completed',
] as const;

export function isKnownSessionStatus(value: string): value is SessionStatus {
  return (SESSION_STATUSES as readonly string[]).includes(value);
}

const nullableText = z.nullable(z.string());

const attemptSchema = z.object({
  attemptUuid: nullableText,
  channel: nullableText,
  status: nullableText,
  time: nullableText,
  /** Exact charge of this attempt from `charges.attempt_charges`, matched by uuid. */
  charge: nullableText,
  brandName: nullableText,
  appHash: nullableText,
  codeLength: z.nullable(z.number()),
  dtmf: z.nullable(z.number()),
  fraudCheck: nullableText,
});

const chargesSchema = z.object({
  /** As Plivo reported it (canonical decimal), or null when missing or unreadable. */
  total: nullableText,
  validation: nullableText,
  /** validation + Σ attempt charges, computed exactly. */
  computedTotal: z.string(),
  attempts: z.array(
    z.object({ attemptUuid: nullableText, channel: nullableText, charge: nullableText }),
  ),
});

export const sessionSchema = z.object({
  sessionUuid: z.string(),
  appUuid: nullableText,
  alias: nullableText,
  recipient: nullableText,
  channel: nullableText,
  locale: nullableText,
  status: nullableText,
  attemptCount: z.nullable(z.number()),
  requestorIp: nullableText,
  country: nullableText,
  network: nullableText,
  createdAt: nullableText,
  /** Null when Plivo sent Go's zero time (no attempt yet) or nothing readable. */
  updatedAt: nullableText,
  attempts: z.array(attemptSchema),
  charges: chargesSchema,
  /** Inconsistencies found while normalising, in words, for display beside the session. */
  warnings: z.array(z.string()),
});

export type Attempt = z.infer<typeof attemptSchema>;
export type Charges = z.infer<typeof chargesSchema>;
export type Session = z.infer<typeof sessionSchema>;
