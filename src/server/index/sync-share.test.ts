import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexStatusSchema } from '../../contract/index-api.ts';
import {
  startCountingPlivo,
  maxInAnyWindow,
  type CountingPlivo,
} from '../testing/counting-plivo.ts';
import { startDashboard, type TestDashboard } from '../testing/harness.ts';

// The sync loop against a counting fake Plivo (real simulator data behind it), with the
// budget's window shortened to 2 s so a test sees many windows.
const WINDOW_MS = 2_000;
// Calls are counted where they arrive, a few ms after the loop timed them: as Plivo's 60 s
// against the budget's 61 s, the check allows that much transit.
const ARRIVAL_JITTER_MS = 100;
const SEEN_WINDOW_MS = WINDOW_MS - ARRIVAL_JITTER_MS;
let plivo: CountingPlivo;
let dashboard: TestDashboard;
let dataDir: string;

async function start(env: Record<string, string> = {}) {
  plivo = await startCountingPlivo();
  dataDir = mkdtempSync(join(tmpdir(), 'sync-share-'));
  dashboard = await startDashboard(
    { INDEX: 'on', DATA_DIR: join(dataDir, 'data'), LIST_BUDGET_PER_MINUTE: '20', ...env },
    plivo.upstream,
    { budgetWindowMs: WINDOW_MS },
  );
}

afterEach(async () => {
  await dashboard.close();
  await plivo.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const status = async () =>
  indexStatusSchema.parse(await (await fetch(`${dashboard.url}/api/index`)).json());

describe('the sync loop and the shared budget', () => {
  it('never uses more than its share (default half) of any budget window', async () => {
    await start();
    await new Promise((r) => setTimeout(r, 7_000));
    const times = plivo.listCallTimes();
    expect(times.length).toBeGreaterThan(15);
    expect(maxInAnyWindow(times, SEEN_WINDOW_MS)).toBeLessThanOrEqual(10);
    expect((await status()).sessions).toBeGreaterThan(0);
  }, 20_000);

  it('keeps to a smaller INDEX_BUDGET_SHARE', async () => {
    await start({ INDEX_BUDGET_SHARE: '0.25' });
    await new Promise((r) => setTimeout(r, 5_000));
    expect(maxInAnyWindow(plivo.listCallTimes(), SEEN_WINDOW_MS)).toBeLessThanOrEqual(5);
  }, 20_000);

  it('leaves people their share: a person never waits for a slot behind sync', async () => {
    await start();
    await new Promise((r) => setTimeout(r, 2_500));
    for (let i = 0; i < 10; i++) {
      const reply = await fetch(`${dashboard.url}/api/sessions?alias=person${i}&source=plivo`);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('server-timing') ?? '').not.toMatch(/budget-wait/);
    }
  }, 20_000);

  it('rides out upstream faults: backs off, says why, and recovers', async () => {
    await start();
    plivo.fault = () => ({ status: 503, json: { api_id: 'x', error: 'server error' } });
    await expect.poll(async () => (await status()).lastError, { timeout: 10_000 }).toMatch(/503/);
    const failedCalls = plivo.listCallTimes().length;
    await new Promise((r) => setTimeout(r, 2_000));
    // Backing off: at most a couple of tries in 2 s, not a call per free slot.
    expect(plivo.listCallTimes().length - failedCalls).toBeLessThanOrEqual(2);
    plivo.fault = null;
    await expect.poll(async () => (await status()).lastError, { timeout: 30_000 }).toBeNull();
  }, 45_000);
});
