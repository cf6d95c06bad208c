import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionDetailSchema, sessionsPageSchema } from '../../contract/api.ts';
import { parsePlivoList, parsePlivoSession } from '../../contract/parse-plivo.ts';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream.ts';
import { startDashboard, type TestDashboard } from '../testing/harness.ts';

const dir = fileURLToPath(new URL('../../../e2e/fixtures/plivo-sdk/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const read = (name: string): unknown => JSON.parse(readFileSync(dir + name, 'utf8'));
const listFiles = files.filter((f) => /list/i.test(f));
const getFiles = files.filter((f) => /get/i.test(f));

let upstream: FakeUpstream;
let dash: TestDashboard;
beforeAll(async () => {
  upstream = await startFakeUpstream();
  dash = await startDashboard({ CACHE_TTL_SECONDS: '0', LIST_BUDGET_PER_MINUTE: '100' }, upstream);
});
afterAll(async () => {
  await dash.close();
  await upstream.close();
});

describe('real Plivo payloads through the proxy', () => {
  it('has the six list and six retrieve payloads', () => {
    expect([listFiles.length, getFiles.length]).toEqual([6, 6]);
  });

  it.each(listFiles)('%s comes back from /api/sessions normalised', async (file) => {
    const payload = read(file) as { meta: { limit: number; offset: number; next: string | null } };
    upstream.handle(() => ({ json: payload }));
    const response = await fetch(`${dash.url}/api/sessions`);
    expect(response.status).toBe(200);
    const page = sessionsPageSchema.parse(await response.json());
    const expected = parsePlivoList(payload);
    if (!expected.ok) throw new Error(expected.message);
    expect(page.sessions).toEqual(expected.value.sessions);
    expect(page.problems).toEqual([]);
    const { limit, offset, next } = payload.meta;
    expect(page.page).toEqual({ limit, offset, nextOffset: next ? offset + limit : null });
    for (const s of page.sessions) expect(s.recipient).toMatch(/^\+\d+$/);
  });

  it.each(getFiles)('%s comes back from /api/sessions/:uuid normalised', async (file) => {
    const payload = read(file) as { session_uuid: string };
    upstream.handle(() => ({ json: payload }));
    const response = await fetch(`${dash.url}/api/sessions/${payload.session_uuid}`);
    expect(response.status).toBe(200);
    const detail = sessionDetailSchema.parse(await response.json());
    const expected = parsePlivoSession(payload);
    if (!expected.ok) throw new Error(expected.message);
    expect(detail.session).toEqual(expected.value);
    expect(detail.raw).toEqual(payload);
    expect(Date.parse(detail.fetchedAt)).toBeGreaterThan(Date.now() - 60_000);
  });
});
