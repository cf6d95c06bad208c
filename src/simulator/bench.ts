/**
 * Simulator benchmark (not a test): start-up time, data-set memory, and the median latency
 * of filtered list requests over the full 90 days, in process and over HTTP.
 *
 *   node --expose-gc --import tsx src/simulator/bench.ts
 */
import { toPlivoTime } from '../contract/time.ts';
import { createSimulator, startSimulator } from './simulator.ts';

const NOW = '2026-11-27T10:00:00Z';
const ROUNDS = 400;

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  // Typed-array columns live outside the JS heap, so both are counted.
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const before = heap();
const t0 = performance.now();
const sim = createSimulator({ now: NOW, listRateLimitPerMinute: 1_000_000 });
const startMs = performance.now() - t0;
const dataMb = (heap() - before) / 1e6;

const from = toPlivoTime(Date.parse(NOW) - 90 * 86_400_000 + 60_000).replace(' ', '+');
const first = sim.store.session({ hour: Math.floor(Date.parse(NOW) / 3_600_000) - 200, index: 0 });
const app = sim.world.apps[3]?.uuid ?? '';
const queries = [
  `status=verified&country=IN`,
  `recipient=%2B${first.recipient}`,
  `recipient=${first.recipient}&status=expired`,
  `app_uuid=${app}&status=expired&offset=40`,
  `brand_name=MediBook&country=NG`,
  `country=DE&status=in-progress`,
  `subaccount=${sim.subaccounts[1]?.authId ?? ''}&alias=medibook-otp`,
].map((q) => `/v1/Account/${sim.authId}/Verify/Session/?session_time__gte=${from}&${q}`);

const headers = {
  authorization: `Basic ${Buffer.from(`${sim.authId}:${sim.authToken}`).toString('base64')}`,
};

async function timeRequests(run: (path: string) => Promise<Response>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const path = queries[i % queries.length] ?? '';
    const t = performance.now();
    const res = await run(path);
    await res.text();
    if (res.status !== 200) throw new Error(`${path} → ${res.status}`);
    times.push(performance.now() - t);
  }
  return times;
}

await timeRequests((path) => Promise.resolve(sim.app.request(path, { headers })));
const inProcess = await timeRequests((path) => Promise.resolve(sim.app.request(path, { headers })));
const server = await startSimulator({ now: NOW, listRateLimitPerMinute: 1_000_000 });
const http = await timeRequests((path) => fetch(server.url + path, { headers }));
await server.close();

const perQuery = queries.map((q, k) => ({
  query: q.split('&').slice(1).join('&').slice(0, 60),
  medianMs: Number(median(inProcess.filter((_, i) => i % queries.length === k)).toFixed(3)),
}));
console.table(perQuery);
console.log(
  JSON.stringify(
    {
      sessions: sim.store.size().sessions,
      startupMs: Number(startMs.toFixed(0)),
      dataSetMb: gc ? Number(dataMb.toFixed(1)) : 'run with --expose-gc',
      listMedianMsInProcess: Number(median(inProcess).toFixed(3)),
      listMedianMsHttp: Number(median(http).toFixed(3)),
      listP95MsInProcess: Number(
        ([...inProcess].sort((a, b) => a - b)[Math.floor(ROUNDS * 0.95)] ?? NaN).toFixed(3),
      ),
    },
    null,
    2,
  ),
);
