import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexStatusSchema } from '../../contract/index-api.ts';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream.ts';
import { startDashboard, type TestDashboard } from '../testing/harness.ts';

// When the index cannot run, the dashboard still starts as the pure proxy and says why.
let upstream: FakeUpstream;
let dir: string;
const started: TestDashboard[] = [];

beforeAll(async () => {
  upstream = await startFakeUpstream(() => ({
    json: {
      api_id: 'x',
      meta: { limit: 20, offset: 0, next: null, previous: null },
      sessions: null,
    },
  }));
  dir = mkdtempSync(join(tmpdir(), 'index-faults-'));
});
afterAll(async () => {
  for (const d of started) await d.close();
  await upstream.close();
  rmSync(dir, { recursive: true, force: true });
});

async function dashboard(dataDir: string) {
  const d = await startDashboard({ INDEX: 'on', DATA_DIR: dataDir }, upstream);
  started.push(d);
  const index = indexStatusSchema.parse(await (await fetch(`${d.url}/api/index`)).json());
  const list = await fetch(`${d.url}/api/sessions`);
  return { d, index, list };
}

describe('the index when it cannot run', () => {
  it('DATA_DIR not writable: starts as a proxy, one clear line, /api/index says error and why', async () => {
    const { d, index, list } = await dashboard('/proc/otp-dashboard-index');
    expect(d.logs.filter((l) => /Session index: NOT running/.test(l))).toHaveLength(1);
    expect(index.state).toBe('error');
    expect(index.lastError).toMatch(/DATA_DIR \/proc\/otp-dashboard-index cannot be used/);
    expect(list.status).toBe(200);
    expect(list.headers.get('x-cache')).toBe('miss');
  });

  it('a second server on the same DATA_DIR runs without the index and says why', async () => {
    const shared = join(dir, 'shared');
    const first = await dashboard(shared);
    expect(first.index.state).not.toBe('error');
    const second = await dashboard(shared);
    expect(second.index.state).toBe('error');
    expect(second.index.lastError).toMatch(/another dashboard server is using this DATA_DIR/);
    expect(second.list.status).toBe(200);
  });

  it('INDEX=off: state off, no error, the pure proxy', async () => {
    const d = await startDashboard({ INDEX: 'off' }, upstream);
    started.push(d);
    const index = indexStatusSchema.parse(await (await fetch(`${d.url}/api/index`)).json());
    expect(index).toMatchObject({ state: 'off', lastError: null, sessions: 0 });
    const stats = await fetch(`${d.url}/api/stats`);
    expect(stats.status).toBe(409);
    expect(await stats.json()).toMatchObject({ error: { code: 'not_indexed' } });
    const changes = await fetch(`${d.url}/api/changes`);
    expect(changes.status).toBe(409);
    expect(await changes.json()).toMatchObject({
      error: { code: 'not_indexed', message: expect.stringMatching(/index, but it is off/) },
    });
  });
});
