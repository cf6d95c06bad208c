import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cannon } from './lib/cannon.ts';
import { startCountingProxy, type CountingProxy } from './lib/counting-proxy.ts';
import {
  startFakeUpstream,
  syntheticSessions,
  listReply,
  type FakeReply,
  type FakeUpstream,
} from './lib/fake-upstream.ts';
import { httpGet, sleep } from './lib/http.ts';
import { judgeReply, mixedLoad, newTally } from './lib/load-run.ts';
import { PORTS } from './lib/ports.ts';
import { missQuery } from './lib/queries.ts';
import {
  BENCH_AUTH_ID,
  startServerProcess,
  startSimulatorProcess,
  type Running,
} from './lib/subjects.ts';

/**
 * The short load and fault tests CI runs (the full 200 × 60 s run is `bench/load.ts`). Real
 * processes on loopback: the dashboard server, and upstream either the simulator at Plivo's
 * real 20 calls/min or a scripted fake that times out, resets, fails and garbles on purpose.
 */
const NO_DIST = '/nonexistent/otp-dashboard-dist';
const nowMs = Math.floor(Date.now() / 60_000) * 60_000;

describe('50 clients for 5 s at the real 20/min budget', () => {
  let sim: Running;
  let proxy: CountingProxy;
  let server: Running;
  beforeAll(async () => {
    sim = await startSimulatorProcess({
      port: PORTS.loadTest.simulator,
      now: new Date(nowMs).toISOString(),
    });
    proxy = await startCountingProxy(PORTS.loadTest.proxy, sim.url);
    server = await startServerProcess({
      port: PORTS.loadTest.server,
      upstreamUrl: proxy.url,
      distDir: NO_DIST,
    });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await sim?.stop();
  });

  it('answers every request with sessions or a clear wait, and never provokes the upstream 429', async () => {
    const run = await mixedLoad({
      url: server.url,
      connections: 50,
      seconds: 5,
      timeoutSeconds: 10,
      missEvery: 5,
      nowMs,
    });
    expect(run.cannon.errors, 'connection errors or timeouts').toBe(0);
    expect(run.tally.unclear, 'replies that are neither sessions nor a clear error').toEqual([]);
    expect(run.tally.pages).toBeGreaterThan(1000);
    // Beyond the budget the server says how long to wait; nothing else may go wrong.
    expect(Object.keys(run.tally.errors).filter((code) => code !== 'rate_limited')).toEqual([]);
    expect(run.tally.rateLimitedWithWait).toBe(run.tally.errors.rate_limited ?? 0);
    const upstream = proxy.calls.filter((c) => c.kind === 'list');
    expect(upstream.filter((c) => c.status === 429)).toEqual([]);
    expect(upstream.length).toBeLessThanOrEqual(20);
    expect(server.child.proc.exitCode).toBeNull();
  }, 60_000);
});

const UPSTREAM_TIMEOUT_MS = 1_000;
const garbled = '{"api_id":"x","meta":{"limit":20,"offset":0},"sessions":[{"session_uuid":';

/** One of each failure, in turn, with good replies between them. */
function faultFor(n: number, ok: FakeReply): FakeReply {
  const faults: FakeReply[] = [
    ok,
    { kind: 'hang' },
    { kind: 'reset' },
    { kind: 'json', status: 500, body: { api_id: 'f', error: 'internal server error' } },
    { kind: 'raw', status: 200, body: garbled },
    { kind: 'raw', status: 502, body: '<html>bad gateway</html>', contentType: 'text/html' },
    { kind: 'delay', ms: 300, reply: ok },
    { kind: 'delay', ms: 5_000, reply: ok },
  ];
  return faults[n % faults.length]!;
}

describe('faults injected during load', () => {
  let fake: FakeUpstream;
  let server: Running;
  const sessions = syntheticSessions(60);
  const okFor = (query: URLSearchParams): FakeReply => ({
    kind: 'json',
    status: 200,
    body: listReply(sessions, query, BENCH_AUTH_ID),
  });
  beforeAll(async () => {
    fake = await startFakeUpstream({
      port: PORTS.loadTest.faultFake,
      authId: BENCH_AUTH_ID,
      sessions,
    });
    server = await startServerProcess({
      port: PORTS.loadTest.faultServer,
      upstreamUrl: fake.url,
      distDir: NO_DIST,
      unlimitedBudget: true,
      env: { UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS) },
    });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  it('gives every client a result or a clear error, none later than the upstream timeout', async () => {
    fake.setHandler(({ n, query }) => faultFor(n, okFor(query)));
    const tally = newTally();
    const run = await cannon({
      url: server.url,
      connections: 30,
      durationSeconds: 5,
      timeoutSeconds: 5,
      path: (n) => `/api/sessions?${missQuery(nowMs, n)}`,
      onResponse: (status, body) => judgeReply(tally, status, body),
    });
    expect(run.errors, 'connection errors or client timeouts').toBe(0);
    expect(tally.unclear).toEqual([]);
    expect(tally.pages).toBeGreaterThan(0);
    expect(Object.keys(tally.errors).sort()).toEqual(
      expect.arrayContaining([
        'upstream_bad_reply',
        'upstream_error',
        'upstream_timeout',
        'upstream_unreachable',
      ]),
    );
    // The deadline plus scheduling slack on a busy two-core machine.
    expect(run.maxMs).toBeLessThan(UPSTREAM_TIMEOUT_MS + 1_500);
  }, 60_000);

  it('turns the upstream’s own 429s into a clear wait, then recovers by itself', async () => {
    fake.setHandler(() => ({
      kind: 'json',
      status: 429,
      body: { api_id: 'r', error: 'too many requests' },
    }));
    const tally = newTally();
    await cannon({
      url: server.url,
      connections: 10,
      durationSeconds: 2,
      timeoutSeconds: 5,
      path: (n) => `/api/sessions?${missQuery(nowMs, 1_000_000 + n)}`,
      onResponse: (status, body) => judgeReply(tally, status, body),
    });
    expect(tally.unclear).toEqual([]);
    expect(Object.keys(tally.errors)).toEqual(['rate_limited']);
    expect(tally.rateLimitedWithWait).toBe(tally.errors.rate_limited);

    fake.setHandler(({ query }) => okFor(query));
    const healed = Date.now();
    let status = 0;
    // One burst of 429s is one 10 s pause (src/server/upstream/budget.ts), so recovery is well inside 20 s.
    for (let i = 0; status !== 200 && Date.now() - healed < 20_000; i++) {
      status = (await httpGet(`${server.url}/api/sessions?${missQuery(nowMs, 2_000_000 + i)}`))
        .status;
      if (status !== 200) await sleep(1_000);
    }
    expect(status, 'the server answers normally again without a restart').toBe(200);
    expect(Date.now() - healed).toBeLessThan(15_000);
    expect(server.child.proc.exitCode).toBeNull();
  }, 60_000);
});
