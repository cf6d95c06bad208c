// `node --import tsx bench/load.ts [--clients=200] [--seconds=60]`: the full load test.
// 200 concurrent clients for 60 s against the dashboard server on the simulator, cache hits
// and misses mixed (one request in five is a unique query that must go upstream), with the
// list budget lifted on BOTH the server and the simulator so that misses really reach the
// upstream. Passes with no errors, no unclear replies and flat memory; writes
// bench/reports/load.json. The upstream sits behind a counting proxy, so the report shows
// how many requests really went upstream.
import { check, formatTable, writeReport, type Figure } from './lib/report.ts';
import { mixedLoad, memoryTrend } from './lib/load-run.ts';
import { startCountingProxy } from './lib/counting-proxy.ts';
import { PORTS } from './lib/ports.ts';
import { startServerProcess, startSimulatorProcess } from './lib/subjects.ts';
import { buildWeb } from './measure/bundle.ts';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const clients = arg('clients', 200);
const seconds = arg('seconds', 60);
const dist = join(tmpdir(), 'otp-dashboard-load', 'web');
const nowMs = Math.floor(Date.now() / 60_000) * 60_000;

await buildWeb(dist);
const sim = await startSimulatorProcess({
  port: PORTS.load.simulator,
  now: new Date(nowMs).toISOString(),
  listRateLimitPerMinute: 1_000_000,
});
// Counts the calls that really reached the upstream: proof the misses were misses.
const proxy = await startCountingProxy(PORTS.load.proxy, sim.url);
const server = await startServerProcess({
  port: PORTS.load.server,
  upstreamUrl: proxy.url,
  distDir: dist,
  unlimitedBudget: true,
}).catch(async (error) => {
  await proxy.close();
  await sim.stop();
  throw error;
});
try {
  console.log(
    `load: ${clients} clients × ${seconds} s against ${server.url} (budget lifted on server and simulator)`,
  );
  const started = Date.now();
  const run = await mixedLoad({
    url: server.url,
    connections: clients,
    seconds,
    timeoutSeconds: 15,
    missEvery: 5,
    nowMs,
  });
  const memory = memoryTrend(server.child.memory, started, Date.now());
  const c = run.cannon;
  const group = 'load';
  const figures: Figure[] = [
    {
      group,
      label: 'requests',
      value: c.requests,
      unit: '',
      note: `${Math.round(run.hitShare * 100)} % cache hits, the rest unique misses`,
    },
    {
      group,
      label: 'upstream calls (misses)',
      value: proxy.calls.length,
      unit: '',
      note: `${proxy.calls.filter((x) => x.status !== 200).length} not 200`,
    },
    { group, label: 'requests/s', value: Math.round(c.rps), unit: 'req/s' },
    { group, label: 'latency p50', value: c.p50, unit: 'ms' },
    { group, label: 'latency p99', value: c.p99, unit: 'ms' },
    { group, label: 'latency max', value: c.maxMs, unit: 'ms' },
    {
      group,
      label: 'errors (connection + timeouts)',
      value: c.errors,
      unit: '',
      target: { op: '==', value: 0 },
    },
    {
      group,
      label: 'non-200 replies',
      value: c.non2xx,
      unit: '',
      target: { op: '==', value: 0 },
      note: JSON.stringify(run.tally.errors),
    },
    {
      group,
      label: 'unclear replies',
      value: run.tally.unclear.length,
      unit: '',
      target: { op: '==', value: 0 },
      note: run.tally.unclear.slice(0, 2).join(' | '),
    },
    {
      group,
      label: 'server heap floor after warm-up → end',
      value: memory.heapAtEndMb,
      unit: 'MB',
      note: `from ${memory.heapAfterWarmupMb} MB`,
    },
    {
      group,
      label: 'server RSS after warm-up → end',
      value: memory.rssAtEndMb,
      unit: 'MB',
      note: `from ${memory.rssAfterWarmupMb} MB`,
    },
    {
      group,
      label: 'memory growth (end ÷ warm-up)',
      value: memory.growth,
      unit: '×',
      target: { op: '<=', value: 1.25 },
      note: `${memory.samples} samples, 2 per second`,
    },
  ];
  const checked = figures.map(check);
  console.log(formatTable(checked));
  const path = new URL('./reports/load.json', import.meta.url).pathname;
  writeReport(path, {
    at: new Date().toISOString(),
    clients,
    seconds,
    figures: checked,
    cannon: c,
    tally: run.tally,
    memory,
    samples: server.child.memory,
  });
  const failed = checked.filter((f) => f.pass === false);
  console.log(failed.length ? `FAILED: ${failed.map((f) => f.label).join(', ')}` : 'PASSED');
  process.exitCode = failed.length ? 1 : 0;
} finally {
  await server.stop();
  await proxy.close();
  await sim.stop();
}
