// `npm run bench`: builds the app, measures it and prints a table of figures beside the
// issue's targets; writes bench/reports/latest.json. Flags: --quick (fewer runs, shorter
// load), --no-load-all (skips the ~2 min "load all" at the real 20/min budget), --index-only
// (only the session index's group), --ui-only (skips the index groups), --index-10m (adds the index at 10M sessions: several
// minutes and ~15 GB of temporary disk). About 5 min in all.
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { launchChromium } from './lib/browser.ts';
import {
  check,
  formatTable,
  NotReadyError,
  notMeasured,
  writeReport,
  type Figure,
} from './lib/report.ts';
import { PORTS } from './lib/ports.ts';
import { startStack, type Stack } from './lib/stack.ts';
import { analyseBundle, buildWeb, bundleFigures } from './measure/bundle.ts';
import { economyFigures, measureCrowd, measureDeepLinkCalls } from './measure/economy.ts';
import { filterChangeFigures, measureFilterChange } from './measure/filter-change.ts';
import { firstRowFigures, measureFirstRow } from './measure/first-row.ts';
import { lighthouseFigures, measureLighthouse } from './measure/lighthouse.ts';
import { loadAll, loadAllFigures, windowStartFor } from './measure/load-all.ts';
import { measureScale, scaleFigures } from './measure/scale.ts';
import { measureServerThroughput, throughputFigures } from './measure/server-throughput.ts';
import { toPlivoTime } from '../src/contract/time.ts';
import { indexScaleFigures, measureIndexScale } from './measure/index-scale.ts';
import {
  HEAVY,
  measureSyncInSimulatedTime,
  SEEDS,
  syncFigures,
  WITHIN_SHARE,
} from './measure/index-sync.ts';
import { postgresBenchStore } from './lib/postgres-store.ts';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const withLoadAll = !args.has('--no-load-all');
const indexOnly = args.has('--index-only');
const uiOnly = args.has('--ui-only');
// The browser build; the server's pre-render bundle goes beside it (…/ssr).
const DIST = join(tmpdir(), 'otp-dashboard-bench', 'web');
const REPORT = new URL('./reports/latest.json', import.meta.url).pathname;

const figures: Figure[] = [];
const raw: Record<string, unknown> = {};
let crashed = false;

/** Runs one measurement; a missing subject or a crash becomes a "not measured" line. */
async function step<T>(group: string, run: () => Promise<T>, toFigures: (r: T) => Figure[]) {
  const started = Date.now();
  process.stdout.write(`… ${group}`);
  try {
    const result = await run();
    raw[group] = result;
    figures.push(...toFigures(result));
    process.stdout.write(` (${Math.round((Date.now() - started) / 1000)} s)\n`);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    if (!(error instanceof NotReadyError)) crashed = true;
    figures.push(
      notMeasured(group, '—', error instanceof NotReadyError ? message : `failed: ${message}`),
    );
    process.stdout.write(` — not measured: ${message}\n`);
  }
}

const minuteMs = (ms: number) => Math.floor(ms / 60_000) * 60_000;
const nowMs = minuteMs(Date.now());
const deepLink = `/?status=verified&from=${new Date(nowMs - 6 * 3_600_000).toISOString()}&to=${new Date(nowMs).toISOString()}`;
const stackPorts = PORTS.bench;
const fresh = () => startStack({ ports: stackPorts, distDir: DIST, nowMs });

async function withStack<T>(run: (stack: Stack) => Promise<T>): Promise<T> {
  const stack = await fresh();
  try {
    return await run(stack);
  } finally {
    await stack.stop();
  }
}

async function browserSteps(browser: Browser) {
  await step(
    'upstream economy',
    async () => {
      const one = await withStack((s) => measureDeepLinkCalls(browser, s, deepLink));
      // What each client asks for: the page (pre-rendered from the list) and its list calls.
      const paths = [deepLink, ...one.apiPaths.filter((p) => p.startsWith('/api/sessions'))];
      const crowd = await withStack((s) => measureCrowd(s, paths, 20));
      return { one, crowd };
    },
    economyFigures,
  );
  await withStack(async (stack) => {
    await step(
      'first row (deep link)',
      () => measureFirstRow(browser, stack.server.url, deepLink, quick ? 5 : 9),
      firstRowFigures,
    );
    await step(
      '10,000 sessions (UI only)',
      () => measureScale(browser, stack.server.url),
      scaleFigures,
    );
    await step(
      'filter change (cached)',
      () => measureFilterChange(browser, stack.server.url, quick ? 6 : 12),
      filterChangeFigures,
    );
  });
  await withStack((stack) =>
    step(
      'Lighthouse (deep link, desktop)',
      () => measureLighthouse(stack.server.url, deepLink, quick ? 1 : 3),
      lighthouseFigures,
    ),
  );
}

console.log(
  `OTP sessions dashboard benchmark — ${new Date().toISOString()}, ${cpus().length} CPUs, Node ${process.version}`,
);
if (!uiOnly) await indexSteps();
if (!indexOnly) await proxyAndBrowserSteps();

async function indexSteps() {
  await step('index at 1M sessions', () => measureIndexScale(1_000_000), indexScaleFigures);
  // The same figures with the store in PostgreSQL (DATABASE_URL, for replicas).
  await step(
    'index at 1M sessions, PostgreSQL',
    () => measureIndexScale(1_000_000, postgresBenchStore),
    indexScaleFigures,
  );
  if (args.has('--index-10m')) {
    await step('index at 10M sessions', () => measureIndexScale(10_000_000), indexScaleFigures);
  }
  await step(
    'index sync (simulated time)',
    async () => {
      // Three seeds of people's calls for each case, so one lucky draw cannot pass.
      const runs = [await measureSyncInSimulatedTime(1500, true, HEAVY, SEEDS[0])];
      for (const seed of SEEDS.slice(1))
        runs.push(await measureSyncInSimulatedTime(1500, false, HEAVY, seed));
      for (const people of [WITHIN_SHARE, HEAVY]) {
        for (const seed of SEEDS)
          runs.push(await measureSyncInSimulatedTime(50_000, false, people, seed));
      }
      return runs;
    },
    syncFigures,
  );
}

async function proxyAndBrowserSteps() {
  await step('bundle (gzip)', async () => analyseBundle(DIST, await buildWeb(DIST)), bundleFigures);
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    raw.browser = browser.version();
    await browserSteps(browser);
  } catch (error) {
    crashed = true;
    figures.push(
      notMeasured(
        'browser',
        '—',
        `failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  } finally {
    await browser?.close();
  }
  const seconds = quick ? 4 : 10;
  await step(
    'server throughput',
    () => measureServerThroughput(DIST, { connections: 50, seconds }),
    throughputFigures,
  );
  if (withLoadAll) {
    await step(
      'load all (20/min budget)',
      async () => {
        const from = await windowStartFor(1000, nowMs, PORTS.bench.helper);
        const query = new URLSearchParams({
          session_time__gte: from,
          session_time__lt: toPlivoTime(nowMs),
        });
        return withStack((s) => loadAll(s, query));
      },
      loadAllFigures,
    );
  } else {
    figures.push(notMeasured('load all (20/min budget)', '—', 'skipped (--no-load-all)'));
  }
}

const checked = figures.map(check);
console.log(`\n${formatTable(checked)}\n`);
writeReport(REPORT, {
  at: new Date().toISOString(),
  cpus: cpus().length,
  node: process.version,
  quick,
  deepLink,
  figures: checked,
  raw,
});
console.log(`report: ${REPORT}`);
const failed = checked.filter((f) => f.pass === false).length;
console.log(
  `${checked.filter((f) => f.pass).length} targets met, ${failed} missed${crashed ? '; some measurements FAILED to run' : ''}`,
);
process.exitCode = crashed ? 1 : 0;
