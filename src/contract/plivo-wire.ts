import { z } from './zod.ts';

/**
 * Plivo's Verify Session payloads as they arrive on the wire. Parsing is deliberately
 * tolerant — real payloads omit fields (older .NET/Go replies), send null arrays, mis-case
 * enums and even misspell keys (`attemp_uuid`) — because one odd field must not hide a whole
 * session from a support agent. A wrongly typed optional field becomes null rather than an
 * error. Only `session_uuid` is required: without it a session cannot be identified at all.
 */
const lenient = <T extends z.ZodMiniType>(schema: T) => z.catch(z.nullish(schema), null);
const text = lenient(z.string());
const integer = lenient(z.int());

const plivoAttemptSchema = z.looseObject({
  channel: text,
  attempt_uuid: text,
  /** A typo that real list payloads carry; read as `attempt_uuid` when that is missing. */
  attemp_uuid: text,
  status: text,
  time: text,
  brand_name: text,
  app_hash: text,
  code_length: integer,
  dtmf: integer,
  fraud_check: text,
});

const plivoAttemptChargeSchema = z.looseObject({
  attempt_uuid: text,
  attemp_uuid: text,
  channel: text,
  charge: lenient(z.union([z.string(), z.number()])),
});

const plivoChargesSchema = z.looseObject({
  total_charge: lenient(z.union([z.string(), z.number()])),
  validation_charge: lenient(z.union([z.string(), z.number()])),
  attempt_charges: lenient(z.array(plivoAttemptChargeSchema)),
});

export const plivoSessionSchema = z.looseObject({
  api_id: text,
  session_uuid: z
    .string({ error: 'session_uuid is missing' })
    .check(z.minLength(1, 'session_uuid is empty')),
  app_uuid: text,
  alias: text,
  recipient: lenient(z.union([z.string(), z.number()])),
  channel: text,
  locale: text,
  status: text,
  count: integer,
  requestor_ip: text,
  destination_country_iso2: text,
  destination_network: text,
  attempt_details: lenient(z.array(plivoAttemptSchema)),
  charges: lenient(plivoChargesSchema),
  created_at: text,
  updated_at: text,
});

const plivoListMetaSchema = z.looseObject({
  limit: integer,
  offset: integer,
  next: text,
  previous: text,
});

/**
 * The list reply. Sessions stay `unknown` here so that each one is parsed on its own and a
 * single unreadable entry is reported instead of discarding the page.
 */
export const plivoListResponseSchema = z.looseObject({
  api_id: text,
  meta: z.nullish(plivoListMetaSchema),
  sessions: z.nullish(z.array(z.unknown())),
});

export type PlivoSession = z.infer<typeof plivoSessionSchema>;

/** The exact shape Plivo sends (what the simulator must emit), field for field. */
export type PlivoWireAttempt = {
  channel: 'sms' | 'voice';
  attempt_uuid: string;
  status: string;
  time: string;
  brand_name?: string;
  app_hash?: string;
  code_length?: number;
  dtmf?: number;
  fraud_check?: string;
};

export type PlivoWireSession = {
  api_id?: string;
  session_uuid: string;
  app_uuid: string;
  alias: string;
  recipient: string;
  channel: 'sms' | 'voice';
  locale: string;
  status: 'in-progress' | 'verified' | 'expired';
  count: number;
  requestor_ip: string;
  destination_country_iso2: string;
  destination_network: string | null;
  attempt_details: PlivoWireAttempt[] | null;
  charges: {
    total_charge: string;
    validation_charge: string;
    attempt_charges: { attempt_uuid: string; channel: 'sms' | 'voice'; charge: string }[] | null;
  };
  created_at: string;
  updated_at: string;
};

export type PlivoWireListResponse = {
  api_id: string;
  meta: { limit: number; offset: number; next: string | null; previous: string | null };
  sessions: PlivoWireSession[] | null;
};
