import { z } from 'zod';

/**
 * Faults on demand, for tests of the dashboard's upstream handling. A fault applies to the
 * Verify API routes only (never to `/__sim/*`), optionally to just the list or retrieve call,
 * for its next `count` requests. Latency without a count lasts until the faults are cleared.
 */
const count = z.number().int().min(1).max(10_000);
const target = z.enum(['any', 'list', 'retrieve']).default('any');
const delay = z.number().int().min(0).max(120_000);

export const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('latency'), ms: delay, count: count.optional(), target }),
  z.strictObject({
    kind: z.literal('status'),
    status: z.number().int().min(400).max(599),
    count: count.default(1),
    target,
  }),
  z.strictObject({ kind: z.literal('malformed'), count: count.default(1), target }),
  z.strictObject({ kind: z.literal('truncated'), count: count.default(1), target }),
  z.strictObject({ kind: z.literal('drop'), count: count.default(1), target }),
  z.strictObject({ kind: z.literal('slow'), ms: delay, count: count.default(1), target }),
  z.strictObject({ kind: z.literal('rate-limit'), count: count.default(1), target }),
]);

type Fault = z.output<typeof faultSchema>;
export type Route = 'list' | 'retrieve';

type Active = { fault: Fault; remaining: number | null };

export type FaultState = {
  add(fault: Fault): void;
  clear(): void;
  list(): { fault: Fault; remaining: number | null }[];
  /** Consumes the faults that hit this request: total added latency and at most one other. */
  take(route: Route): { latencyMs: number; fault: Exclude<Fault, { kind: 'latency' }> | null };
};

export function createFaultState(): FaultState {
  let active: Active[] = [];
  const consume = (entry: Active) => {
    if (entry.remaining !== null) entry.remaining -= 1;
  };
  return {
    add(fault) {
      active.push({ fault, remaining: fault.count ?? null });
    },
    clear() {
      active = [];
    },
    list: () => active.map((a) => ({ fault: a.fault, remaining: a.remaining })),
    take(route) {
      const hits = active.filter((a) => a.fault.target === 'any' || a.fault.target === route);
      let latencyMs = 0;
      for (const entry of hits.filter((a) => a.fault.kind === 'latency')) {
        latencyMs += entry.fault.kind === 'latency' ? entry.fault.ms : 0;
        consume(entry);
      }
      const other = hits.find((a) => a.fault.kind !== 'latency');
      if (other) consume(other);
      active = active.filter((a) => a.remaining === null || a.remaining > 0);
      const fault = other && other.fault.kind !== 'latency' ? other.fault : null;
      return { latencyMs, fault };
    },
  };
}

export const STATUS_TEXT: Record<number, string> = {
  400: 'bad request',
  401: 'authentication credentials were not provided',
  403: 'forbidden',
  404: 'not found',
  429: 'too many requests',
  500: 'internal server error',
  502: 'bad gateway',
  503: 'service unavailable',
  504: 'gateway timeout',
};

/** A body that stops half-way and then fails, as when a connection breaks mid-reply. */
export function truncatedBody(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.slice(0, Math.floor(bytes.length / 2)));
      controller.error(new Error('simulated truncated body'));
    },
  });
}

/** The whole body, trickled out in ten pieces over `ms`. */
export function slowBody(text: string, ms: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const pieces = 10;
  const size = Math.ceil(bytes.length / pieces);
  let sent = 0;
  return new ReadableStream({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, ms / pieces));
      controller.enqueue(bytes.slice(sent, sent + size));
      sent += size;
      if (sent >= bytes.length) controller.close();
    },
  });
}

export const MALFORMED_BODY = '{"api_id": "simulated", "meta": {"limit": 20,, "sessions": [{';
