import { basicAuth, httpGet, sleep } from '../lib/http.ts';
import { upstreamListPath } from '../lib/queries.ts';
import type { Figure } from '../lib/report.ts';
import { round } from '../lib/stats.ts';
import type { Stack } from '../lib/stack.ts';
import { BENCH_AUTH_ID, BENCH_AUTH_TOKEN, startSimulatorProcess } from '../lib/subjects.ts';
import { normaliseInstant, toPlivoTime } from '../../src/contract/time.ts';

export type LoadAllResult = {
  sessions: number;
  pages: number;
  seconds: number;
  client429: number;
  upstream429: number;
  upstreamListCalls: number;
  otherErrors: string[];
};

/**
 * The `session_time__gte` that makes the window ending at `nowMs` hold exactly `count`
 * sessions, read from a second simulator with the same seed and clock and no rate limit (so
 * the measured simulator's budget is untouched).
 */
export async function windowStartFor(count: number, nowMs: number, port: number): Promise<string> {
  const helper = await startSimulatorProcess({
    port,
    now: new Date(nowMs).toISOString(),
    listRateLimitPerMinute: 1_000_000,
  });
  try {
    const query = new URLSearchParams({
      session_time__gte: toPlivoTime(nowMs - 7 * 86_400_000),
      session_time__lt: toPlivoTime(nowMs),
      offset: String(count - 1),
      limit: '1',
    });
    const url = `${helper.url}${upstreamListPath(BENCH_AUTH_ID)}?${query.toString()}`;
    const reply = await httpGet(url, {
      headers: { authorization: basicAuth(BENCH_AUTH_ID, BENCH_AUTH_TOKEN) },
    });
    const created = (reply.body as { sessions?: { created_at?: string }[] } | undefined)
      ?.sessions?.[0]?.created_at;
    if (!created)
      throw new Error(`could not find the ${count}th session: ${reply.text.slice(0, 200)}`);
    const iso = normaliseInstant(created);
    if (!iso) throw new Error(`unreadable created_at ${created}`);
    // Plivo's format with microseconds: the window starts exactly at that session.
    return `${iso.slice(0, 10)} ${iso.slice(11, 26)}`;
  } finally {
    await helper.stop();
  }
}

/**
 * Pages through every matching session like the dashboard's "load all": follows nextOffset,
 * and on the server's 429 `rate_limited` waits the `retryAfterSeconds` it was told.
 */
export async function loadAll(stack: Stack, query: URLSearchParams): Promise<LoadAllResult> {
  stack.proxy.reset();
  const started = performance.now();
  let offset: number | null = 0;
  let sessions = 0;
  let pages = 0;
  let client429 = 0;
  const otherErrors: string[] = [];
  while (offset !== null && otherErrors.length < 5) {
    const q = new URLSearchParams(query);
    if (offset > 0) q.set('offset', String(offset));
    const reply = await httpGet(`${stack.server.url}/api/sessions?${q.toString()}`, {
      timeoutMs: 60_000,
    });
    const body = reply.body as
      | { sessions?: unknown[]; page?: { nextOffset: number | null } }
      | { error?: { retryAfterSeconds?: number } }
      | undefined;
    if (reply.status === 429 && body && 'error' in body) {
      client429 += 1;
      await sleep(1000 * (body.error?.retryAfterSeconds ?? 1));
      continue;
    }
    if (reply.status !== 200 || !body || !('page' in body) || !body.page) {
      otherErrors.push(`${reply.status} ${reply.text.slice(0, 120)}`);
      continue;
    }
    pages += 1;
    sessions += body.sessions?.length ?? 0;
    offset = body.page.nextOffset;
  }
  const upstream = stack.proxy.calls.filter((c) => c.kind === 'list');
  return {
    sessions,
    pages,
    seconds: (performance.now() - started) / 1000,
    client429,
    upstream429: upstream.filter((c) => c.status === 429).length,
    upstreamListCalls: upstream.length,
    otherErrors,
  };
}

/** The fastest schedule Plivo's 20 calls per rolling minute allows for `calls` calls, in s. */
export function idealSeconds(calls: number, perMinute = 20): number {
  return Math.floor(Math.max(0, calls - 1) / perMinute) * 60;
}

export function loadAllFigures(r: LoadAllResult): Figure[] {
  const group = 'load all (20/min budget)';
  const ideal = idealSeconds(r.upstreamListCalls);
  return [
    {
      group,
      label: 'sessions loaded',
      value: r.sessions,
      unit: '',
      note: `${r.pages} pages, ${r.upstreamListCalls} upstream list calls`,
    },
    {
      group,
      label: 'time',
      value: round(r.seconds),
      unit: 's',
      note: `fastest legal schedule: ${ideal} s`,
    },
    {
      group,
      label: 'throughput',
      value: round((r.sessions / r.seconds) * 60),
      unit: 'sessions/min',
      note: 'budget steady state: 400 sessions/min (20 pages of 20); the first 20 pages are a burst',
    },
    {
      group,
      label: 'share of the budget’s throughput',
      value: round((100 * ideal) / r.seconds),
      unit: '%',
      target: { op: '>=', value: 90 },
      note: 'fastest legal schedule ÷ measured time',
    },
    {
      group,
      label: 'upstream 429s',
      value: r.upstream429,
      unit: '',
      target: { op: '==', value: 0 },
    },
    {
      group,
      label: '/api 429 rate_limited replies',
      value: r.client429,
      unit: '',
      note: r.otherErrors.length
        ? `other errors: ${r.otherErrors.join(' | ')}`
        : 'the server’s “wait N s” answers, honoured by the client',
    },
  ];
}
