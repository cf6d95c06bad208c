import { PRERENDER_BOOT_ID } from '../../src/contract/prerender.ts';
import { cannon, type CannonResult } from '../lib/cannon.ts';
import { basicAuth, httpGet } from '../lib/http.ts';
import { PORTS } from '../lib/ports.ts';
import { hitQuery, missQuery, upstreamListPath } from '../lib/queries.ts';
import type { Figure } from '../lib/report.ts';
import { round } from '../lib/stats.ts';
import {
  BENCH_AUTH_ID,
  BENCH_AUTH_TOKEN,
  startServerProcess,
  startSimulatorProcess,
} from '../lib/subjects.ts';

export type ThroughputResult = {
  connections: number;
  seconds: number;
  direct: CannonResult;
  hits: CannonResult;
  misses: CannonResult;
  /** A deep link, pre-rendered: the same page every time (the render is reused). */
  pages: CannonResult;
  /** The same list reply rendered afresh each time (the `open` row differs per request). */
  renders: CannonResult;
};

/** So high that neither budget ever bites: this measures speed, not rate limiting. */
const RAISED_BUDGET = 1_000_000;

/**
 * Requests/s and latency of the dashboard server for cache hits and misses, beside the
 * simulator called directly with the same miss queries. The list budget is raised on BOTH the
 * server and the simulator for this measurement — at Plivo's 20/min a miss run would measure
 * the rate limiter, not the server.
 */
export async function measureServerThroughput(
  distDir: string,
  options: { connections: number; seconds: number },
): Promise<ThroughputResult> {
  const nowMs = Math.floor(Date.now() / 1000) * 1000;
  const sim = await startSimulatorProcess({
    port: PORTS.bench.rawSimulator,
    now: new Date(nowMs).toISOString(),
    listRateLimitPerMinute: RAISED_BUDGET,
  });
  try {
    const server = await startServerProcess({
      port: PORTS.bench.rawServer,
      upstreamUrl: sim.url,
      distDir,
      unlimitedBudget: true,
    });
    try {
      const run = (url: string, path: (n: number) => string, headers?: Record<string, string>) =>
        cannon({
          url,
          connections: options.connections,
          durationSeconds: options.seconds,
          timeoutSeconds: 10,
          path,
          ...(headers ? { headers } : {}),
        });
      const auth = { authorization: basicAuth(BENCH_AUTH_ID, BENCH_AUTH_TOKEN) };
      const listPath = upstreamListPath(BENCH_AUTH_ID);
      const direct = await run(sim.url, (n) => `${listPath}?${missQuery(nowMs, n)}`, auth);
      const hitPath = `/api/sessions?${hitQuery(nowMs)}`;
      const warm = await httpGet(server.url + hitPath);
      if (warm.status !== 200)
        throw new Error(`the hit query answered ${warm.status}: ${warm.text.slice(0, 200)}`);
      const hits = await run(server.url, () => hitPath);
      // Offsets far from the direct run's, so no miss query repeats one the server has seen.
      const misses = await run(
        server.url,
        (n) => `/api/sessions?${missQuery(nowMs, n + 20_000_000)}`,
      );
      // Pages as a browser asks for them (brotli), all from the one cached hit-query reply.
      const page = `/?status=verified&from=${new Date(nowMs - DAY_MS).toISOString()}&to=${new Date(nowMs).toISOString()}`;
      const br = { 'accept-encoding': 'br' };
      const first = await httpGet(server.url + page, { headers: br });
      if (!first.text.includes(PRERENDER_BOOT_ID))
        throw new Error(`the deep link was not pre-rendered (status ${first.status})`);
      const pages = await run(server.url, () => page, br);
      const renders = await run(server.url, (n) => `${page}&open=${uuidFor(n)}`, br);
      return {
        connections: options.connections,
        seconds: options.seconds,
        direct,
        hits,
        misses,
        pages,
        renders,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await sim.stop();
  }
}

const DAY_MS = 86_400_000;

/** A distinct, well-formed session UUID per request. */
const uuidFor = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function ok(r: CannonResult): string {
  const bad = r.non2xx + r.errors;
  if (!bad) return `${r.requests} requests, all 2xx`;
  return `INVALID RUN: ${bad} of ${r.requests} non-2xx/errors ${JSON.stringify(r.statuses)}`;
}

export function throughputFigures(r: ThroughputResult): Figure[] {
  const group = 'server throughput';
  const setup = `${r.connections} connections × ${r.seconds} s; budget raised on server AND simulator`;
  const rows = (label: string, c: CannonResult, note: string): Figure[] => [
    { group, label: `${label} req/s`, value: round(c.rps), unit: 'req/s', note },
    { group, label: `${label} p50`, value: c.p50, unit: 'ms' },
    { group, label: `${label} p99`, value: c.p99, unit: 'ms', note: ok(c) },
  ];
  return [
    ...rows('simulator direct', r.direct, setup),
    ...rows('server cache hit', r.hits, 'one query, served from the 30 s cache'),
    ...rows('server cache miss', r.misses, 'unique query each request → one upstream call each'),
    ...rows('pre-rendered page, render reused', r.pages, 'one deep link, brotli'),
    ...rows(
      'pre-rendered page, rendered afresh',
      r.renders,
      'a new render each request from the cached reply, brotli',
    ),
    {
      group,
      label: 'miss overhead (direct req/s ÷ miss req/s)',
      value: round(r.direct.rps / r.misses.rps, 2),
      unit: '×',
      note: 'cost of the proxy on top of the upstream, same queries',
    },
    {
      group,
      label: 'hit speed-up (hit req/s ÷ direct req/s)',
      value: round(r.hits.rps / r.direct.rps, 2),
      unit: '×',
    },
  ];
}
